/**
 * Lets queued messages (pause, stop, a new learning rate) run between batches. A MessageChannel
 * task is not clamped to 4 ms like nested setTimeout, and not throttled in a background tab
 * like timers are; in a worker that is all it takes.
 */
export function createYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

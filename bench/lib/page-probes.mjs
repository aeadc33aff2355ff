// Runs in the app page before any of its scripts (page.addInitScript), so nothing is missed:
// long tasks, animation frames, and the moments the page becomes usable. Injected through
// DevTools, so the app's CSP (no inline script) does not apply to it.
/* global MutationObserver, document, requestAnimationFrame, window -- functions handed to page.evaluate run in the browser */
export function installProbes() {
  const probes = { longTasks: [], frames: [], marks: {} };
  window.__benchProbes = probes;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        probes.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    probes.longTasks = null;
  }
  const frame = (t) => {
    // An investigation can stop the loop: a rAF each frame makes the page run every frame.
    if (probes.framesOff) return;
    probes.frames.push(t);
    if (probes.frames.length > 200_000) probes.frames.splice(0, 100_000);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const mark = (name, ok) => {
    if (probes.marks[name] === undefined && ok()) probes.marks[name] = performance.now();
  };
  const check = () => {
    const train = [...document.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Train',
    );
    mark('trainEnabled', () => train !== undefined && !train.disabled);
    mark('backendReady', () => document.querySelector('.badge[data-backend]') !== null);
  };
  // Once both marks are in, the observer goes: its check on every DOM change (each chart
  // redraw) would be the bench's cost, billed to the app.
  const observer = new MutationObserver(() => {
    check();
    if (probes.marks.trainEnabled !== undefined && probes.marks.backendReady !== undefined)
      observer.disconnect();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
}

/** Long tasks and frame rate between two performance.now() times of the page. */
export function responsiveness([from, to]) {
  const p = window.__benchProbes;
  const inside = (t) => t >= from && t <= to;
  const tasks = p.longTasks === null ? null : p.longTasks.filter((t) => inside(t.start));
  const frames = p.frames.filter(inside);
  let worstGap = 0;
  for (let i = 1; i < frames.length; i++) worstGap = Math.max(worstGap, frames[i] - frames[i - 1]);
  const seconds = (to - from) / 1000;
  return {
    seconds,
    longTasks: tasks === null ? null : tasks.length,
    longestTaskMs: tasks === null ? null : Math.max(0, ...tasks.map((t) => t.duration)),
    fps: seconds > 0 ? frames.length / seconds : null,
    worstFrameGapMs: worstGap,
  };
}

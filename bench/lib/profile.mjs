// Chrome's sampling profiler on a dedicated worker, and a CPU profile summed by function, for
// the overhead scripts (bench/overhead-*.mjs). Playwright gives CDP sessions for pages only, so
// the worker is reached through the browser's session (not flattened: Playwright's own sessions
// are left alone).

/** A `send(method, params)` for the first worker whose URL holds `urlPart`. */
export async function workerSession(browser, urlPart = '') {
  const cdp = await browser.newBrowserCDPSession();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error.message));
    else p.resolve(m.result);
  });
  const { targetInfos } = await cdp.send('Target.getTargets');
  const t = targetInfos.find((i) => i.type === 'worker' && i.url.includes(urlPart));
  if (!t) throw new Error(`no worker whose address holds '${urlPart}'`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: t.targetId,
    flatten: false,
  });
  return (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
}

/** Self time by function (ms), the top `n`, from a CDP CPU profile. */
export function selfTimes(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const ms = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    ms.set(key, (ms.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  const idle = [...ms.entries()].find(([k]) => k.startsWith('(idle)'))?.[1] ?? 0;
  return {
    totalMs: Math.round(total),
    idleMs: Math.round(idle),
    top: [...ms.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${((v / total) * 100).toFixed(1)}% ${k}`),
  };
}

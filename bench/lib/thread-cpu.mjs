// CPU time of the browser's threads, read from /proc (Linux only; elsewhere null), so the bench
// can say what the page costs while the worker trains, in a unit that machine noise does not
// blur the way it blurs samples/s: seconds of CPU per second of training.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Linux reports thread times in clock ticks of 1/100 s (USER_HZ) on every common build. */
const TICK_S = 0.01;

/**
 * Which part of the work a thread does. The training worker is its own thread; V8's helper
 * threads (garbage collection, compiling) serve the worker and the page alike, so they are kept
 * apart; everything else (the page's main thread, compositing, raster, the GPU process) is the
 * page.
 */
export function threadGroup(comm) {
  if (comm.startsWith('DedicatedWorker')) return 'worker';
  if (comm.startsWith('ThreadPool')) return 'helpers';
  return 'page';
}

/** utime + stime of one /proc/…/stat line, in seconds; the name may hold spaces and parens. */
export function parseStat(line) {
  const close = line.lastIndexOf(')');
  const comm = line.slice(line.indexOf('(') + 1, close);
  const f = line.slice(close + 2).split(' ');
  return { comm, seconds: (Number(f[11]) + Number(f[12])) * TICK_S };
}

/** Processes started by this one, at any depth (the browser and its helpers). */
function descendants() {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      // Ended meanwhile.
    }
  }
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(String(process.pid));
  return mine;
}

/**
 * Every thread of the browsers this process started (Chromium's processes, not the bench's own
 * servers): Map of "pid/tid" to { comm, seconds }.
 */
export function snapshot() {
  if (!existsSync('/proc/self/task')) return null;
  const out = new Map();
  for (const pid of descendants()) {
    try {
      if (!/chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        out.set(`${pid}/${tid}`, parseStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
      }
    } catch {
      // The process or thread ended between the listing and the read.
    }
  }
  return out;
}

/** CPU seconds per group between two snapshots, per second of `wallS`. */
export function coresUsed(before, after, wallS) {
  if (!before || !after || !(wallS > 0)) return null;
  const sums = { worker: 0, helpers: 0, page: 0 };
  for (const [id, t] of after) {
    sums[threadGroup(t.comm)] += t.seconds - (before.get(id)?.seconds ?? 0);
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / wallS]));
}

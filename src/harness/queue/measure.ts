/**
 * Print the task queue's figures at light load: task latency (enqueue → done) and its parts,
 * with and without notifyWorker, and the pg-boss statements per job; then the rate at which
 * the workers drain a burst. Run: `npx tsx src/harness/queue/measure.ts [jobs] [gapMs] [burst]`
 * (defaults 40, 150 and 100: one request at a time, far enough apart that the workers are
 * idle; then `burst` jobs enqueued at once). Figures only; nothing is asserted.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startSystem, type RunningSystem } from '../system.js';
import type { TaskSnapshot } from './task-stats.js';
import { TASK } from './queue.js';

const SMALL = { seed: { users: 100, interactions: 100, items: 10 }, scrypt: { logN: 8 }, durable: false, logLevel: 'silent' } as const;

async function drive(sys: RunningSystem, jobs: number, gapMs: number): Promise<TaskSnapshot> {
  const post = () => fetch(`${sys.url}/interactions`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: 1, item_id: 1, kind: 'view' }),
  });
  for (let i = 0; i < 3; i++) await post(); // warm-up, then count from a clean slate
  await waitDone(sys, 3);
  await sleep(200); // pg-boss completes jobs in the background: let those land before the reset
  sys.resetStats();
  for (let i = 0; i < jobs; i++) {
    if ((await post()).status !== 202) throw new Error('expected 202');
    await sleep(gapMs);
  }
  await waitDone(sys, jobs);
  await sleep(200); // let the last completions land in the statement counts
  return sys.stats().tasks[TASK]!;
}

/** Enqueue `jobs` at once (8 requests in parallel), then time until all are done. */
async function burst(sys: RunningSystem, jobs: number): Promise<string> {
  sys.resetStats();
  const t0 = performance.now();
  let next = 0;
  const client = async () => {
    while (next < jobs) {
      next += 1;
      await fetch(`${sys.url}/interactions`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 2, item_id: 2, kind: 'view' }),
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  const tSent = performance.now();
  await waitDone(sys, jobs);
  const t = performance.now();
  const s = sys.stats().tasks[TASK]!;
  return `burst of ${jobs}: sent in ${(tSent - t0).toFixed(0)} ms, all done after ${(t - t0).toFixed(0)} ms ` +
    `(${((jobs * 1000) / (t - t0)).toFixed(1)} jobs/s); latency p50 ${s.ms.latency.p50.toFixed(1)} ms, p99 ${s.ms.latency.p99.toFixed(1)} ms`;
}

async function waitDone(sys: RunningSystem, n: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  while ((sys.stats().tasks[TASK]?.done ?? 0) < n) {
    if (performance.now() > deadline) throw new Error('jobs did not finish within 30 s');
    await sleep(10);
  }
}

function print(label: string, s: TaskSnapshot): void {
  const f = (x: number) => x.toFixed(2);
  for (const part of ['latency', 'wait', 'service'] as const) {
    const d = s.ms[part];
    console.log(`${label} ${part.padEnd(7)} mean ${f(d.mean)} ms  p50 ${f(d.p50)}  p90 ${f(d.p90)}  p99 ${f(d.p99)}  max ${f(d.max)}`);
  }
  const perJob = Object.entries(s.queries).map(([k, n]) => `${k} ${(n / s.done).toFixed(2)}`).join(', ');
  console.log(`${label} pg-boss statements per job: ${perJob}  (done ${s.done}, failed ${s.failed})`);
}

const [jobs = '40', gapMs = '150', burstJobs = '100'] = process.argv.slice(2);
const first = await startSystem({ ...SMALL, queue: { enabled: true, notify: true } });
try {
  print('notify   ', await drive(first, Number(jobs), Number(gapMs)));
  console.log(`notify    ${await burst(first, Number(burstJobs))}`);
  const second = await startSystem({
    ...SMALL, databaseUrl: first.databaseUrl, pgSchema: 'second', queue: { enabled: true, notify: false, pgSchema: 'second_pgboss' },
  });
  try {
    print('no notify', await drive(second, Number(jobs), Number(gapMs)));
    console.log(`no notify ${await burst(second, Number(burstJobs))}`);
  } finally {
    await second.stop();
  }
} finally {
  await first.stop();
}

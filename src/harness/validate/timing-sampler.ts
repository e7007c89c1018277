/**
 * Per-request Server-Timing samples: one request at a time, each response's header read,
 * so calibration sees the shape of a distribution and not only its mean and sd (GET
 * /__stats). Query time is the case that needs it: a write's fsync is usually quick and
 * now and then tens of ms, a shape no lognormal with the same moments has.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { parseServerTiming } from '../timing.js';
import { driverStream } from '../driver/keys.js';
import { compileTask, prepareRequest, type TaskSpec, type UserContext } from '../driver/tasks.js';

export interface TimingSample {
  /** Server-Timing parts of one response, in ms. */
  readonly cpu: number;
  readonly db: number;
  readonly total: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send `count` requests of `task` one after another (with `gapMs` between), after `setup`. */
export async function sampleTimings(origin: string, task: TaskSpec, count: number, gapMs: number, setup?: TaskSpec): Promise<TimingSample[]> {
  const pool = new Pool(origin, { connections: 1 });
  const user: UserContext = { id: 0, vars: {} };
  const rng = driverStream('timing-sampler', task.name);
  // unique values (registered emails) must differ from every earlier run's
  const runId = `timing-${randomBytes(5).toString('hex')}`;
  try {
    if (setup !== undefined) await send(pool, setup, user, -1, runId, rng);
    const out: TimingSample[] = [];
    for (let i = 0; i < count; i++) {
      const header = await send(pool, task, user, i, runId, rng);
      const t = parseServerTiming(header);
      out.push({ cpu: t.cpu ?? 0, db: t.db ?? 0, total: t.total ?? 0 });
      await sleep(gapMs);
    }
    return out;
  } finally {
    await pool.destroy();
  }
}

async function send(pool: Pool, spec: TaskSpec, user: UserContext, seq: number, runId: string, rng: ReturnType<typeof driverStream>): Promise<string> {
  const task = compileTask(spec, 0, 'task');
  const req = prepareRequest(task, user, seq, runId, rng);
  const res = await pool.request({ path: req.path, method: task.method, body: req.body, headers: req.headers });
  const text = await res.body.text();
  if (task.expected[res.statusCode] !== 1) throw new Error(`timing sample of ${spec.name}: HTTP ${res.statusCode} ${text.slice(0, 200)}`);
  spec.capture?.(JSON.parse(text) as unknown, req.ctx);
  const header = res.headers['server-timing'];
  return Array.isArray(header) ? header.join(', ') : (header ?? '');
}

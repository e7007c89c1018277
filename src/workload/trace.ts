/**
 * Trace replay: recorded requests sent again at their recorded (scaled) times. The file is
 * parsed at build (trace-file.ts) into compact arrays; the run walks them with one pending
 * event, so the event queue holds one arrival whatever the trace length.
 * The key column fills ONE key space: the first in the source's own `keys:` if it has any,
 * else the model's first key space (usually `user`); rows without a key, and every other
 * space, draw from their distributions (streams `keys/<space>`).
 */
import { ModelError, ModelErrors } from '../model/errors.js';
import type { TraceSource } from '../model/schema/traffic.js';
import type { TraceLoad } from './offered.js';
import { SourceBase, type SourceEnv } from './source.js';
import { readTraceFile, type TraceRequests } from './trace-file.js';

export class TraceGenerator extends SourceBase {
  readonly type = 'trace';
  readonly trace: TraceRequests;
  /** The key space the key column fills, or -1. */
  readonly keySpace: number;
  private next = 0;
  private origin = 0;

  /** `trace` may be passed in when already read (explain, tests); else the file is read now. */
  constructor(config: TraceSource, env: SourceEnv, trace?: TraceRequests) {
    super(env, config.keys, config.client);
    this.trace = trace ?? readTraceFile(config, env.modelDir, env.endpoints);
    this.keySpace = this.trace.keys === null ? -1 : keyColumnSpace(config, env, this.trace.file);
  }

  protected begin(): void {
    this.origin = this.ctx.now;
    this.scheduleNext();
  }

  offered(duration: number): TraceLoad {
    return traceLoad(this.trace, this.env.endpoints, duration);
  }

  private readonly fire = (): void => {
    const i = this.next++;
    const req = this.newRequest(this.trace.endpoints[i]!, this);
    const key = this.keySpace >= 0 ? this.trace.keys![i]! : -1;
    if (key >= 0) req.keys[this.keySpace] = key;
    this.keys.fill(req.keys, key >= 0 ? this.keySpace : -1);
    this.send(req);
    this.scheduleNext();
  };

  private scheduleNext(): void {
    const i = this.next;
    if (i >= this.trace.times.length) return;
    const at = this.origin + this.trace.times[i]!;
    if (at >= this.env.until) return;
    this.ctx.schedule(Math.max(0, at - this.ctx.now), this.fire, null);
  }
}

function keyColumnSpace(config: TraceSource, env: SourceEnv, file: string): number {
  const own = Object.keys(config.keys ?? {})[0];
  if (own !== undefined) return env.keySpaces.findIndex((s) => s.name === own);
  if (env.keySpaces.length > 0) return 0;
  throw new ModelErrors([new ModelError({
    code: 'SIM_E_INVALID_VALUE',
    file,
    path: `columns.key (${config.columns.key})`,
    detail: 'the key column fills a key space, but the model defines none',
    hint: 'name one with its popularity, e.g. keys: { user: { uniform: { n: 1M } } }',
  })]);
}

/** Requests replayed within [0, duration) and their endpoint shares. */
export function traceLoad(trace: TraceRequests, endpoints: readonly string[], duration: number): TraceLoad {
  const counts = new Map<string, number>();
  let requests = 0;
  while (requests < trace.times.length && trace.times[requests]! < duration) {
    const name = endpoints[trace.endpoints[requests]!]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    requests++;
  }
  const mix = Object.fromEntries([...counts].map(([n, c]) => [n, c / requests]));
  return { type: 'trace', requests, meanRate: duration > 0 ? requests / duration : 0, mix };
}

/**
 * What a request is, shared by the open- and closed-loop drivers: a name, a method, a path
 * template whose `{placeholders}` come from key generators or from the user's stored vars,
 * an optional JSON body and headers, and the statuses that count as success. Specs are
 * compiled once so that preparing each request only concatenates strings.
 */
import { fail, nonEmptyString, positive } from './check.js';
import type { KeyGenerator, Rng } from './keys.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** Per-user state: on_start can store a token here for later tasks' headers. */
export interface UserContext {
  readonly id: number;
  readonly vars: Record<string, unknown>;
}

/** What body, header and capture functions see. Do not keep it: it lives for one request. */
export interface RequestContext {
  readonly user: UserContext;
  /** Unique, increasing within a run: for unique emails and the like. */
  readonly seq: number;
  /** Distinguishes runs, so unique values stay unique across runs against one database. */
  readonly runId: string;
  /** The values drawn for this request's placeholders. */
  readonly keys: Readonly<Record<string, string | number>>;
}

export interface TaskSpec {
  readonly name: string;
  readonly method?: HttpMethod;
  /** e.g. '/users/{id}'; a placeholder without a key generator is read from user.vars. */
  readonly path: string;
  readonly keys?: Readonly<Record<string, KeyGenerator>>;
  /** The JSON body, e.g. ctx => ({ email: `u${ctx.seq}-${ctx.runId}@example.test` }). */
  readonly body?: (ctx: RequestContext) => unknown;
  readonly headers?: Readonly<Record<string, string>> | ((ctx: RequestContext) => Record<string, string>);
  /** Statuses that count as success; default any 2xx. */
  readonly expect?: readonly number[];
  /** Relative frequency in a mix (default 1). */
  readonly weight?: number;
  /** Called with the parsed JSON response body on success, e.g. to store a token in ctx.user.vars. */
  readonly capture?: (body: unknown, ctx: RequestContext) => void;
}

export interface CompiledTask {
  readonly index: number;
  readonly name: string;
  readonly method: HttpMethod;
  readonly weight: number;
  /** Static pieces around the placeholders: parts.length === vars.length + 1. */
  readonly parts: readonly string[];
  readonly vars: readonly string[];
  readonly keyGens: readonly (KeyGenerator | undefined)[];
  readonly expected: Uint8Array;
  readonly spec: TaskSpec;
}

/** A request ready to dispatch. */
export interface PreparedRequest {
  readonly path: string;
  readonly body: string | null;
  readonly headers: Record<string, string> | undefined;
  readonly ctx: RequestContext;
}

/** A driver-side failure (missing variable, throwing body generator): counted, never sent. */
export class ClientSideError extends Error {}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

export function compileTask(spec: TaskSpec, index: number, param: string): CompiledTask {
  nonEmptyString(`${param}.name`, spec.name);
  const method = spec.method ?? 'GET';
  if (!METHODS.includes(method)) fail(`${param}.method`, method, `one of ${METHODS.join(', ')}`);
  if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) fail(`${param}.path`, spec.path, 'a path starting with "/"');
  const weight = spec.weight === undefined ? 1 : positive(`${param}.weight`, spec.weight);
  const parts: string[] = [];
  const vars: string[] = [];
  let last = 0;
  for (const m of spec.path.matchAll(PLACEHOLDER)) {
    parts.push(spec.path.slice(last, m.index));
    vars.push(m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(spec.path.slice(last));
  if (parts.some((p) => p.includes('{') || p.includes('}'))) {
    fail(`${param}.path`, spec.path, 'placeholders like {id} made of letters, digits and _');
  }
  const keyGens = vars.map((v) => spec.keys?.[v]);
  return { index, name: spec.name, method, weight, parts, vars, keyGens, expected: expectedMask(spec.expect, param), spec };
}

function expectedMask(expect: readonly number[] | undefined, param: string): Uint8Array {
  const mask = new Uint8Array(600);
  if (expect === undefined) mask.fill(1, 200, 300);
  else if (!Array.isArray(expect) || expect.length === 0) fail(`${param}.expect`, expect, 'a non-empty array of HTTP statuses');
  else {
    for (const s of expect) {
      if (!Number.isInteger(s) || s < 100 || s > 599) fail(`${param}.expect`, expect, 'HTTP statuses from 100 to 599');
      mask[s] = 1;
    }
  }
  return mask;
}

/** Fill the template, build headers and body. Throws ClientSideError on a driver-side problem. */
export function prepareRequest(task: CompiledTask, user: UserContext, seq: number, runId: string, rng: Rng): PreparedRequest {
  const keys: Record<string, string | number> = {};
  let path = task.parts[0]!;
  for (let i = 0; i < task.vars.length; i++) {
    const name = task.vars[i]!;
    const gen = task.keyGens[i];
    const value = gen !== undefined ? gen.next(rng) : user.vars[name];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ClientSideError(`task "${task.name}": placeholder {${name}} has no key generator and user.vars.${name} is ${String(value)}`);
    }
    keys[name] = value;
    path += encodeURIComponent(String(value)) + task.parts[i + 1]!;
  }
  const ctx: RequestContext = { user, seq, runId, keys };
  const spec = task.spec;
  try {
    const body = spec.body === undefined ? null : JSON.stringify(spec.body(ctx));
    const extra = typeof spec.headers === 'function' ? spec.headers(ctx) : spec.headers;
    const headers = body === null ? extra : extra === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...extra };
    return { path, body, headers: headers as Record<string, string> | undefined, ctx };
  } catch (err) {
    throw new ClientSideError(`task "${task.name}": body or headers function threw: ${(err as Error).message}`);
  }
}

/** Cumulative weights for `pickTask`. */
export function cumulativeWeights(tasks: readonly CompiledTask[]): Float64Array {
  const cum = new Float64Array(tasks.length);
  let total = 0;
  tasks.forEach((t, i) => (cum[i] = total += t.weight));
  return cum;
}

/** Choose a task with probability proportional to its weight; `u` is uniform in [0, 1). */
export function pickTask(tasks: readonly CompiledTask[], cum: Float64Array, u: number): CompiledTask {
  const target = u * cum[cum.length - 1]!;
  let i = 0;
  while (i < cum.length - 1 && cum[i]! <= target) i++;
  return tasks[i]!;
}

/** Plain description of the tasks for a result's config. */
export function describeTasks(tasks: readonly CompiledTask[]): Record<string, unknown>[] {
  return tasks.map((t) => ({
    name: t.name,
    method: t.method,
    path: t.spec.path,
    weight: t.weight,
    keys: Object.fromEntries(t.vars.map((v, i) => [v, t.keyGens[i]?.describe ?? 'user.vars'])),
  }));
}

/**
 * Compile a task list, checking it is non-empty and its names unused in `taken` (which it
 * extends). Indices start at `firstIndex`, so two lists can share one array of tallies.
 */
export function compileTasks(specs: readonly TaskSpec[], param: string, firstIndex = 0, taken = new Set<string>()): CompiledTask[] {
  if (!Array.isArray(specs) || specs.length === 0) fail(param, specs, 'a non-empty array of tasks');
  return specs.map((spec, i) => {
    const task = compileTask(spec, firstIndex + i, `${param}[${i}]`);
    if (taken.has(task.name)) fail(`${param}[${i}].name`, task.name, 'a name not used by another task');
    taken.add(task.name);
    return task;
  });
}

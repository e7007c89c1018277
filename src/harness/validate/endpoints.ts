/**
 * The real API's endpoints as validation sees them: the route GET /__stats files them under,
 * the queries each runs in order (each query is one more visit to the event loop when its
 * result comes back), where its synchronous CPU happens, and the load-driver task that calls
 * it. The model builder and the calibration both read this one table.
 */
import { SEED_PASSWORD, seededUserEmail } from '../seed.js';
import { uniformKeys, type KeyGenerator, type RequestContext, type TaskSpec } from '../driver/index.js';

export type EndpointName = 'get_user' | 'list_users' | 'popular' | 'register' | 'login' | 'update_user' | 'record_interaction';

export type QueryName =
  | 'select_user' | 'list_users_page' | 'popular_items' | 'insert_user' | 'find_user_by_email'
  | 'insert_session' | 'find_session' | 'update_user' | 'insert_interaction'
  /** pg-boss: publish a job (INSERT), and a worker's fetch (UPDATE … SKIP LOCKED) with its completion. */
  | 'boss_send' | 'boss_fetch';

/** Shares of Postgres CPU per request among the statements of a queued POST /interactions,
 * measured together: publish ¼, the worker's fetch and completion ½, the row ¼. */
export const QUEUED_PG_SHARE: Readonly<Partial<Record<QueryName, number>>> = { boss_send: 0.25, boss_fetch: 0.5, insert_interaction: 0.25 };

export interface EndpointDef {
  readonly name: EndpointName;
  /** The key of GET /__stats routes, e.g. "GET /users/:id". */
  readonly route: string;
  /** Its success status (the model's response). */
  readonly status: number;
  /** Queries on the path that reaches the database (for a cached endpoint: the miss path). */
  readonly queries: readonly QueryName[];
  /** Which event-loop visit (0 = the request's arrival, k = after query k) does the handler's
   * synchronous CPU, e.g. hashing; default the last. */
  readonly cpuVisit?: number;
  /** Cache-aside on this key space ('user': user:{id}, 'popular': one key per query string). */
  readonly cached?: 'user' | 'popular';
  /** Deletes user:{id} from the cache after its query (PATCH). */
  readonly invalidates?: 'user';
}

export const ENDPOINTS: Readonly<Record<EndpointName, EndpointDef>> = {
  get_user: { name: 'get_user', route: 'GET /users/:id', status: 200, queries: ['select_user'], cached: 'user' },
  list_users: { name: 'list_users', route: 'GET /users', status: 200, queries: ['list_users_page'] },
  popular: { name: 'popular', route: 'GET /items/popular', status: 200, queries: ['popular_items'], cached: 'popular' },
  register: { name: 'register', route: 'POST /users', status: 201, queries: ['insert_user'], cpuVisit: 0 },
  login: { name: 'login', route: 'POST /login', status: 200, queries: ['find_user_by_email', 'insert_session'], cpuVisit: 1 },
  update_user: { name: 'update_user', route: 'PATCH /users/:id', status: 200, queries: ['find_session', 'update_user'], invalidates: 'user' },
  record_interaction: { name: 'record_interaction', route: 'POST /interactions', status: 201, queries: ['insert_interaction'] },
};

/** What the driver tasks need to know about the seeded data. */
export interface TaskContext {
  /** Seeded users: ids 1..users, emails user<i>@example.com. */
  readonly users: number;
  readonly items: number;
  /** `days` of GET /items/popular: sets how many interactions the aggregation reads. */
  readonly popularDays: number;
}

export interface TaskOptions {
  /** Keys of GET /users/{id}. */
  readonly userKeys?: KeyGenerator;
  /** Vary `limit` of GET /items/popular per request, so every request misses the cache. */
  readonly distinctPopular?: boolean;
}

/** A deterministic spread of 1..n over request numbers (negative for setup requests). */
const spread = (seq: number, n: number): number => 1 + ((((seq * 7919) % n) + n) % n);

/** The load-driver task calling `name`. */
export function taskFor(name: EndpointName, ctx: TaskContext, options: TaskOptions = {}): TaskSpec {
  switch (name) {
    case 'get_user':
      return { name, path: '/users/{id}', keys: { id: options.userKeys ?? uniformKeys(1, ctx.users) } };
    case 'list_users':
      return { name, path: '/users?page={page}&per_page=20', keys: { page: uniformKeys(1, 20) } };
    case 'popular':
      return options.distinctPopular
        ? { name, path: `/items/popular?days=${ctx.popularDays}&limit={limit}`, keys: { limit: { describe: { kind: 'cycle', n: 100 }, next: cycle(100) } } }
        : { name, path: `/items/popular?days=${ctx.popularDays}&limit=10` };
    case 'register':
      return {
        name, method: 'POST', path: '/users', expect: [201],
        body: (c: RequestContext) => ({ email: `v${c.seq}-${c.runId}@example.test`, password: 'validate-password', name: `Validation ${c.seq}` }),
      };
    case 'login':
      return {
        name, method: 'POST', path: '/login',
        body: (c: RequestContext) => ({ email: seededUserEmail(spread(c.seq + c.user.id, ctx.users)), password: SEED_PASSWORD }),
        capture: (body, c) => {
          const b = body as { token: string; user_id: number };
          c.user.vars.token = b.token;
          c.user.vars.uid = b.user_id;
        },
      };
    case 'update_user':
      return {
        name, method: 'PATCH', path: '/users/{uid}',
        headers: (c: RequestContext) => ({ authorization: `Bearer ${String(c.user.vars.token)}` }),
        body: (c: RequestContext) => ({ name: `Renamed ${c.seq}` }),
      };
    case 'record_interaction':
      return {
        // 201 written at once; 202 when the API runs with its task queue (a worker writes it)
        name, method: 'POST', path: '/interactions', expect: [201, 202],
        body: (c: RequestContext) => ({ user_id: spread(c.seq, ctx.users), item_id: spread(c.seq * 31, ctx.items), kind: 'view' }),
      };
  }
}

/** 1..n, then again: distinct values for n requests in a row. */
function cycle(n: number): () => number {
  let i = 0;
  return () => 1 + (i++ % n);
}

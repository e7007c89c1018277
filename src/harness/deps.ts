/**
 * What the routes are given: the instrumented database, the optional cache, the session
 * store, the statistics, the resolved options and, when switched on, the task queue.
 * Routes close over this; nothing is global.
 */
import type { Cache } from './cache.js';
import type { Db } from './db.js';
import type { SystemOptions } from './options.js';
import type { TaskQueue } from './queue/queue.js';
import type { RouteStats } from './route-stats.js';
import type { SessionStore } from './sessions.js';

export interface AppDeps {
  readonly db: Db;
  /** Undefined when caching is switched off. */
  readonly cache: Cache | undefined;
  readonly sessions: SessionStore;
  readonly stats: RouteStats;
  readonly options: SystemOptions;
  /** Present when queue.enabled: POST /interactions enqueues (202) instead of writing (201). */
  readonly queue?: TaskQueue | undefined;
}

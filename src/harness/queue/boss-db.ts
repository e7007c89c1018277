/**
 * The connection pg-boss talks to Postgres through: its own small pg.Pool, wrapped so every
 * statement is counted by kind against the task queue it names (the figures the simulator's
 * queue model needs), and so shutdown can wait for the statements pg-boss fires without
 * awaiting them (it completes and fails jobs in the background). `requestDb` instead sends
 * one statement through the API's instrumented pool, charging it to a request.
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';
import type { Db } from '../db.js';
import type { RequestTiming } from '../timing.js';
import type { Statement } from './task-stats.js';

/**
 * Tell pg-boss 10's statements apart by their text (see node_modules/pg-boss/src/plans.js):
 * insertJob joins the queue table, fetchNextJob locks with SKIP LOCKED, completeJobs sets the
 * state to completed, and failJobs (retry or fail, plus the dead-letter copy) starts from
 * deleted_jobs. Anything else (queue management, maintenance, our own updates) is `other`.
 */
export function classifyStatement(text: string, rows: number): Statement {
  if (text.includes('FOR UPDATE SKIP LOCKED')) return rows > 0 ? 'fetch' : 'fetchEmpty';
  if (/\bJOIN \S+\.queue q ON j\.name = q\.name/.test(text)) return 'send';
  if (/SET completed_on = now\(\),\s+state = 'completed'/.test(text)) return 'complete';
  if (text.includes('WITH deleted_jobs AS')) return 'fail';
  return 'other';
}

/** The task a statement is about: pg-boss passes the queue name first, or second for a send. */
function taskOf(values: readonly unknown[] | undefined, tasks: ReadonlySet<string>): string | undefined {
  for (const v of values?.slice(0, 2) ?? []) if (typeof v === 'string' && tasks.has(v)) return v;
  return undefined;
}

export type StatementSink = (task: string, kind: Statement) => void;

export class BossDb implements PgBoss.Db {
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tasks: ReadonlySet<string>,
    private readonly sink: StatementSink,
  ) {}

  static create(connectionString: string, size: number, onError: (err: Error) => void): pg.Pool {
    // Idle connections stay open, as in the API's pool, so a poll never pays for a reconnect.
    const pool = new pg.Pool({ connectionString, max: size, idleTimeoutMillis: 0, application_name: 'stacksim-pgboss' });
    pool.on('error', onError);
    return pool;
  }

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> {
    // pg-boss's own Db answers undefined once closed; its callers expect that, not a throw.
    if (this.closed) return undefined as unknown as { rows: any[] };
    const query = this.pool.query(text, values);
    this.pending.add(query);
    let rows = 0;
    try {
      const result = await query;
      rows = Array.isArray(result) ? 0 : result.rowCount ?? result.rows.length;
      return result;
    } finally {
      this.pending.delete(query);
      const task = taskOf(values, this.tasks);
      if (task !== undefined) this.sink(task, classifyStatement(text, rows));
    }
  }

  /** Statements under way now (pg-boss does not await its complete/fail calls). */
  inFlight(): Array<Promise<unknown>> {
    return [...this.pending];
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.inFlight());
    await this.pool.end();
  }
}

/** A pg-boss connection that runs statements on the API's pool, timed as part of request `t`. */
export function requestDb(db: Db, t: RequestTiming): PgBoss.Db {
  return { executeSql: (text, values) => db.query(t, text, values) };
}

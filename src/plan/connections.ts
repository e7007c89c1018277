/**
 * The one place where more capacity does hurt: every app instance opens its pool's
 * persistent connections at start, so instances × pool size can outgrow the database's
 * max_connections (or a PgBouncer's max_client_conn) and turn requests away. Such
 * configurations are ruled out before simulating, as the utilisation bound rules out others.
 */
import type { NormalizedModel } from '../model/normalize.js';
import type { ValueOf } from './demand.js';

interface Upstream {
  readonly name: string;
  readonly limit: number;
  /** Connections held whatever the knobs (a PgBouncer's own server connections). */
  readonly fixed: number;
  /** Pools opening connections to it, and the app tiers each pool serves. */
  readonly pools: readonly { readonly pool: string; readonly tiers: readonly string[] }[];
}

export interface ConnectionCheck {
  /** The first upstream whose limit the configuration's persistent connections exceed, or null. */
  over(v: ValueOf): string | null;
}

export function connectionCheck(model: NormalizedModel): ConnectionCheck {
  const ups: Upstream[] = [];
  for (const c of model.components) {
    const limit = c.kind === 'database' ? c.config.max_connections : c.kind === 'pgbouncer' ? c.config.max_client_conn : undefined;
    if (typeof limit !== 'number') continue;
    const pools = model.components.filter((p) => p.kind === 'connection_pool' && p.config.database === c.name)
      .map((p) => ({ pool: p.name, tiers: model.components.filter((t) => t.kind === 'app_tier' && t.config.pool === p.name).map((t) => t.name) }));
    const fixed = model.components.filter((b) => b.kind === 'pgbouncer' && b.config.database === c.name)
      .reduce((n, b) => n + (b.config.pool_size as number), 0);
    if (pools.length > 0) ups.push({ name: c.name, limit, fixed, pools });
  }
  return {
    over(v) {
      for (const u of ups) {
        const held = u.fixed + u.pools.reduce((n, p) => n + v(p.pool, 'size') * p.tiers.reduce((m, t) => m + v(t, 'instances'), 0), 0);
        if (held > u.limit) return `${u.name}: ${held} persistent connections > its limit ${u.limit}`;
      }
      return null;
    },
  };
}

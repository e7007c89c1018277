/**
 * Cache steps. `cache_get` looks a key up and, on a miss, runs its `on_miss` flow (load from
 * the database, then usually `cache_set`) before continuing; `cache_set` and `cache_delete`
 * store and invalidate. The hit ratio is never typed in: it emerges from the keys requests
 * carry, the cache's capacity and its TTL.
 */
import type { Cache } from '../../components/contracts.js';
import { keyOf, type KeyTemplate } from '../keys.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class CacheGetStep implements Step {
  readonly kind = 'cache_get';
  constructor(
    readonly label: string,
    private readonly cache: Cache,
    private readonly key: KeyTemplate,
    private readonly onMiss: readonly Step[],
  ) {}

  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      this.cache.get(req, keyOf(this.key, req.keys));
    } else if (req.hit || this.onMiss.length === 0) {
      flow.next(req);
    } else {
      flow.enter(req, this.onMiss);
    }
  }
}

export class CacheWriteStep implements Step {
  constructor(
    readonly kind: 'cache_set' | 'cache_delete',
    readonly label: string,
    private readonly cache: Cache,
    private readonly key: KeyTemplate,
  ) {}

  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      const key = keyOf(this.key, req.keys);
      if (this.kind === 'cache_set') this.cache.set(req, key);
      else this.cache.delete(req, key);
    } else {
      flow.next(req);
    }
  }
}

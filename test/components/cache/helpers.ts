// Test helpers for the cache: build one from its YAML form, give it the usual flow
// (cache_get with on_miss → cache_set), and drive requests at chosen times.
import { cache } from '../../../src/components/cache.js';
import type { CacheComponent } from '../../../src/components/cache/runtime.js';
import type { KeyTemplate } from '../../../src/flow/keys.js';
import type { Request } from '../../../src/flow/request.js';
import type { Step } from '../../../src/flow/step.js';
import { CacheGetStep, CacheWriteStep } from '../../../src/flow/steps/cache.js';
import { testWorld, type TestWorld } from '../env.js';

export const USER_KEY: KeyTemplate = { text: 'user:{user}', namespace: 1, space: 0 };

export interface CacheWorld extends TestWorld {
  cache: CacheComponent;
  /** cache_get on user:{user}; on a miss run `onMiss` (default: cache_set). */
  readFlow(onMiss?: readonly Step[]): Step[];
  setStep(): Step;
  deleteStep(): Step;
  /** Start a request for `user` on `flow` at simulated time `at`. */
  send(at: number, user: number, flow: readonly Step[], setup?: (req: Request) => void): void;
}

export function cacheWorld(config: Record<string, unknown>, seed: string | number = 1): CacheWorld {
  const world = testWorld(seed);
  const built = cache.build('redis', cache.schema.parse({ kind: 'cache', ...config }), world.env('redis'));
  const setStep = () => new CacheWriteStep('cache_set', 'set', built, USER_KEY);
  return {
    ...world,
    cache: built,
    setStep,
    deleteStep: () => new CacheWriteStep('cache_delete', 'delete', built, USER_KEY),
    readFlow: (onMiss) => [new CacheGetStep('get', built, USER_KEY, onMiss ?? [setStep()])],
    send(at, user, flow, setup) {
      world.sim.schedule(at - world.sim.now, () => {
        const req = world.request(0, [user]);
        setup?.(req);
        world.flow.start(req, flow);
      }, null);
    },
  };
}

/** A step that records each request passing through it (e.g. to count database loads). */
export function countingStep(seen: Request[]): Step {
  return { kind: 'count', label: 'count', run: (req, flow) => { seen.push(req); flow.next(req); } };
}

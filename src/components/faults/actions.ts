/**
 * Each scheduled fault as a pair of actions on its target: `start` at `at`, `end` at
 * `at + for`. Overlapping faults on one target nest: a crashed instance restarts, a replica
 * returns or writes come back only when the last fault holding it down ends (a depth count
 * per target); latency spikes add up. Each action returns a figure for the log (entries
 * flushed, instances crashed), or -1 when it found nothing to act on.
 */
import type { Backend } from '../contracts.js';
import { crashTarget, kindOf, type FaultEntry } from './schema.js';
import { has, isGroup, type Crashable, type Flushable, type ReplicaSwitch, type Slowable, type WriteFailover } from './targets.js';

export interface FaultAction {
  start(): number;
  end(): number;
}

/** Depth of overlapping faults per held-down thing (an instance, a replica, a primary). */
export class Holds {
  private readonly depth = new Map<unknown, number>();
  /** True when `thing` goes from held by none to held by one. */
  take(thing: unknown): boolean {
    const d = this.depth.get(thing) ?? 0;
    this.depth.set(thing, d + 1);
    return d === 0;
  }
  /** True when the last hold on `thing` is given back. */
  give(thing: unknown): boolean {
    const d = this.depth.get(thing) ?? 0;
    if (d <= 1) this.depth.delete(thing);
    else this.depth.set(thing, d - 1);
    return d === 1;
  }
}

/** The action for `e`, given its built target (checked for the capability it needs). */
export function actionFor(owner: string, e: FaultEntry, target: unknown, holds: Holds): FaultAction {
  const fail = (what: string): never => {
    throw new Error(`faults ${owner}: ${kindOf(e)} target does not ${what}`);
  };
  switch (kindOf(e)) {
    case 'crash': {
      if (!isGroup(target)) return fail('have instances');
      const { instance } = crashTarget(e.crash!);
      // resolved when the fault happens: an autoscaled tier's instances change over time
      let hit: Crashable[] = [];
      return {
        start: () => {
          const list = target.backends();
          hit = (instance === null ? [...list] : list.slice(instance - 1, instance)) as Crashable[];
          for (const b of hit) if (holds.take(b)) setUp(b, false);
          return hit.length > 0 ? hit.length : -1;
        },
        end: () => {
          for (const b of hit) if (holds.give(b)) setUp(b, true);
          return hit.length;
        },
      };
    }
    case 'replica_down': {
      if (!has<ReplicaSwitch>(target, 'setReplicaUp')) return fail('have replicas');
      const index = e.replica_down!.replica - 1;
      const key = `${e.replica_down!.database}/${index}`;
      return {
        start: () => {
          if (holds.take(key)) target.setReplicaUp(index, false);
          return 1;
        },
        end: () => {
          if (holds.give(key)) target.setReplicaUp(index, true);
          return 1;
        },
      };
    }
    case 'failover': {
      if (!has<WriteFailover>(target, 'setWritesAvailable')) return fail('take writes');
      return {
        start: () => {
          if (holds.take(target)) target.setWritesAvailable(false);
          return 1;
        },
        end: () => {
          if (holds.give(target)) target.setWritesAvailable(true);
          return 1;
        },
      };
    }
    case 'cache_flush': {
      if (!has<Flushable>(target, 'flush')) return fail('hold entries');
      return { start: () => target.flush(), end: () => 0 };
    }
    case 'latency_spike': {
      if (!has<Slowable>(target, 'addLatency')) return fail('take an added latency');
      const add = e.latency_spike!.add;
      return {
        start: () => {
          target.addLatency(add);
          return 1;
        },
        end: () => {
          target.addLatency(-add);
          return 1;
        },
      };
    }
  }
}

function setUp(b: Backend, up: boolean): void {
  (b as Crashable).up = up;
}

/**
 * The YAML of a `faults` schedule: each entry has a time `at`, an optional duration `for`
 * (when the fault is undone: a restart, a replica back, the failover over) and exactly one
 * fault kind naming its target. Target names are checked like any reference (refs), and
 * instance and replica numbers against the components they name (crossCheck).
 */
import { z } from 'zod';
import { reject } from '../../model/schema/issue.js';
import { name } from '../../model/schema/names.js';
import { count, duration } from '../../model/schema/units.js';

export const FAULT_KINDS = ['crash', 'replica_down', 'cache_flush', 'failover', 'latency_spike'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds each fault may target. */
export const TARGET_KINDS: Readonly<Record<FaultKind, readonly string[]>> = {
  crash: ['app_tier'],
  replica_down: ['database'],
  cache_flush: ['cache', 'cdn'],
  failover: ['database'],
  latency_spike: ['database', 'cache', 'cdn'],
};

const crash = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*(\/[1-9][0-9]*)?$/, {
  message: 'a crash names an app tier instance as tier/number, e.g. app/2, or a whole tier, e.g. app',
}).describe('The instance that crashes, as tier/number (app/2, numbered from 1), or a whole tier (app): it refuses requests (502) until it restarts.');

const entry = z.strictObject({
  at: duration().describe('When the fault happens: simulated time since the start of the run, warm-up included, e.g. 2m.'),
  for: duration().optional().describe('How long until it is undone (restart, replica back, failover over, spike ended); default: never. Not for cache_flush.'),
  crash: crash.optional(),
  replica_down: z.strictObject({
    database: name('component').describe('The database whose replica stops.'),
    replica: count({ min: 1 }).describe('Which replica, numbered from 1.'),
  }).optional().describe('A read replica stops taking reads; reads go to the other replicas, or the primary when none is left.'),
  cache_flush: name('component').optional().describe('A cache or CDN loses every entry at once (FLUSHALL, a restart, a purge): it must warm up again.'),
  failover: name('component').optional().describe('The database primary fails over: writes fail with 503 write_unavailable until `for` has passed.'),
  latency_spike: z.strictObject({
    component: name('component').describe('The database, cache or cdn that slows down.'),
    add: duration().describe('Latency added to each of its operations, e.g. 200ms.'),
  }).optional().describe('A dependency slows down: every operation takes `add` longer.'),
}).superRefine((e, ctx) => {
  const kinds = FAULT_KINDS.filter((k) => e[k] !== undefined);
  if (kinds.length !== 1) {
    const detail = kinds.length === 0 ? 'a fault needs one of its kinds' : `a fault has exactly one kind, found ${kinds.length}: ${kinds.join(', ')}`;
    reject(ctx, e, { code: kinds.length === 0 ? 'SIM_E_MISSING_FIELD' : 'SIM_E_INVALID_VALUE', detail, expected: `one of: ${FAULT_KINDS.join(', ')}` });
  }
  if (e.for !== undefined && !(e.for > 0)) reject(ctx, e.for, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 30s', hint: 'omit `for` for a fault that is never undone' }, ['for']);
  if (e.for !== undefined && e.cache_flush !== undefined) {
    reject(ctx, e.for, { code: 'SIM_E_INVALID_VALUE', detail: 'a cache flush is instantaneous: it has no `for`', hint: 'remove `for`; the cache warms up again by itself', atKey: true }, ['for']);
  }
  if (e.latency_spike !== undefined && !(e.latency_spike.add > 0)) {
    reject(ctx, e.latency_spike.add, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 200ms' }, ['latency_spike', 'add']);
  }
}).describe('One fault: `at`, optionally `for`, and one of crash, replica_down, cache_flush, failover, latency_spike.');

export const faultsSchema = z.strictObject({
  kind: z.literal('faults'),
  schedule: z.array(entry).min(1).describe('The faults, each at its time, e.g. [ { at: 2m, crash: app/2, for: 30s } ].'),
}).describe('Scheduled faults: instance crashes and restarts, replicas down, cache flushes, primary failovers, latency spikes.');

export type FaultsConfig = z.output<typeof faultsSchema>;
export type FaultEntry = FaultsConfig['schedule'][number];

/** The kind of an entry (validated: exactly one). */
export function kindOf(e: FaultEntry): FaultKind {
  const k = FAULT_KINDS.find((kind) => e[kind] !== undefined);
  if (k === undefined) throw new Error('fault entry without a kind (validated earlier)');
  return k;
}

/** `app/2` → { tier: 'app', instance: 2 }; `app` → { tier: 'app', instance: null } (all). */
export function crashTarget(text: string): { tier: string; instance: number | null } {
  const slash = text.indexOf('/');
  return slash < 0 ? { tier: text, instance: null } : { tier: text.slice(0, slash), instance: Number(text.slice(slash + 1)) };
}

/** The component an entry targets and the field path naming it. */
export function targetOf(e: FaultEntry): { name: string; path: (string | number)[] } {
  switch (kindOf(e)) {
    case 'crash': return { name: crashTarget(e.crash!).tier, path: ['crash'] };
    case 'replica_down': return { name: e.replica_down!.database, path: ['replica_down', 'database'] };
    case 'cache_flush': return { name: e.cache_flush!, path: ['cache_flush'] };
    case 'failover': return { name: e.failover!, path: ['failover'] };
    case 'latency_spike': return { name: e.latency_spike!.component, path: ['latency_spike', 'component'] };
  }
}

/** How an entry reads in reports: `crash app/2`, `replica_down db/1`, `latency_spike db +200ms`. */
export function labelOf(e: FaultEntry): string {
  switch (kindOf(e)) {
    case 'crash': return `crash ${e.crash}`;
    case 'replica_down': return `replica_down ${e.replica_down!.database}/${e.replica_down!.replica}`;
    case 'cache_flush': return `cache_flush ${e.cache_flush}`;
    case 'failover': return `failover ${e.failover}`;
    case 'latency_spike': return `latency_spike ${e.latency_spike!.component} +${Math.round(e.latency_spike!.add * 1e6) / 1e3}ms`;
  }
}

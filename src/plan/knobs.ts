/**
 * The capacity knobs a model offers `plan`: app tier instances, connection pool size,
 * database replica count and cores, cache capacity, station servers. A knob is one field of
 * one component; a configuration is one value per knob, written into a copy of the
 * normalized model (the schema already validated everything else about it).
 */
import type { NormalizedComponent, NormalizedModel } from '../model/normalize.js';
import { didYouMean } from '../model/suggest.js';
import { PlanInputError } from './errors.js';

export const KNOB_FIELDS = ['instances', 'size', 'replicas.count', 'cores', 'capacity', 'servers'] as const;
export type KnobField = (typeof KNOB_FIELDS)[number];

const FIELDS_BY_KIND: Readonly<Record<string, readonly KnobField[]>> = {
  app_tier: ['instances'],
  connection_pool: ['size'],
  database: ['replicas.count', 'cores'],
  cache: ['capacity'],
  station: ['servers'],
};

export interface Knob {
  /** `<component>.<field>`. */
  readonly id: string;
  readonly component: string;
  readonly kind: string;
  readonly field: KnobField;
  /** The model's value. */
  readonly current: number;
  readonly min: number;
  /** Largest value the schema allows with the rest of the config (Infinity: none). */
  readonly max: number;
  /** integer: every whole value; doubling: a ladder of powers of two around the model's value
   * (cache capacities span orders of magnitude, and cost nothing in the price book). */
  readonly steps: 'integer' | 'doubling';
}

type Config = Readonly<Record<string, unknown>>;

/** The value of `field` in a component config, defaults applied by the schema. */
export function fieldValue(config: Config, field: KnobField): number | undefined {
  if (field === 'replicas.count') {
    const r = config.replicas as Config | undefined;
    return r === undefined ? undefined : (r.count as number);
  }
  const v = config[field];
  return typeof v === 'number' ? v : undefined;
}

/** Every knob the model has, in component build order. */
export function modelKnobs(model: NormalizedModel): Knob[] {
  const knobs: Knob[] = [];
  for (const c of model.components) {
    for (const field of FIELDS_BY_KIND[c.kind] ?? []) {
      const current = fieldValue(c.config, field);
      if (current === undefined) continue; // replicas.count of a database without replicas
      knobs.push({ id: `${c.name}.${field}`, component: c.name, kind: c.kind, field, current, ...limits(c, field, current) });
    }
  }
  return knobs;
}

function limits(c: NormalizedComponent, field: KnobField, current: number): Pick<Knob, 'min' | 'max' | 'steps'> {
  if (field === 'capacity') return { min: 1, max: Infinity, steps: 'doubling' };
  if (field === 'replicas.count') return { min: 0, max: Infinity, steps: 'integer' };
  if (field === 'servers') {
    // a FIFO or priority station's capacity K counts the requests in service too
    const k = c.config.capacity;
    const bounded = typeof k === 'number' && c.config.discipline !== 'ps';
    return { min: 1, max: bounded ? Math.max(k, current) : Infinity, steps: 'integer' };
  }
  // database cores may be fractional in the model; the search tries whole cores
  return { min: 1, max: Infinity, steps: 'integer' };
}

/**
 * The knobs named by `wanted` (each a knob id, a field such as `instances`, or a component
 * name); all of them when `wanted` is empty or absent.
 */
export function selectKnobs(all: readonly Knob[], wanted: readonly string[] | undefined): Knob[] {
  if (all.length === 0) {
    throw new PlanInputError(`the model has no knobs plan can search: it looks for ${KNOB_FIELDS.map((f) => `\`${f}\``).join(', ')} on app_tier, connection_pool, database, cache and station components`);
  }
  if (wanted === undefined || wanted.length === 0) return [...all];
  const chosen = new Set<string>();
  for (const raw of wanted) {
    const w = raw.trim();
    const hits = all.filter((k) => k.id === w || k.field === w || k.component === w);
    if (hits.length === 0) throw unknownKnob(all, w);
    for (const k of hits) chosen.add(k.id);
  }
  return all.filter((k) => chosen.has(k.id));
}

function unknownKnob(all: readonly Knob[], w: string): PlanInputError {
  const names = [...all.map((k) => k.id), ...new Set(all.map((k) => k.field)), ...new Set(all.map((k) => k.component))];
  const hint = didYouMean(w, names);
  const what = (KNOB_FIELDS as readonly string[]).includes(w) ? `the model has no \`${w}\` knob` : `unknown knob "${w}"`;
  return new PlanInputError(`--knobs: ${what}; this model's knobs are ${all.map((k) => k.id).join(', ')} `
    + `(a field such as \`${all[0]!.field}\` or a component name selects several)${hint ? `\n  hint: ${hint}` : ''}`);
}

/** A copy of `model` with each knob set to its value (other components shared, untouched). */
export function withValues(model: NormalizedModel, knobs: readonly Knob[], values: readonly number[]): NormalizedModel {
  const byComponent = new Map<string, [Knob, number][]>();
  knobs.forEach((k, i) => byComponent.set(k.component, [...(byComponent.get(k.component) ?? []), [k, values[i]!]]));
  const components = model.components.map((c) => {
    const set = byComponent.get(c.name);
    if (set === undefined) return c;
    const config: Record<string, unknown> = { ...c.config };
    for (const [k, v] of set) {
      if (k.field === 'replicas.count') config.replicas = { ...(config.replicas as Config), count: v };
      else config[k.field] = v;
    }
    return { ...c, config: config as NormalizedComponent['config'] };
  });
  return { ...model, components };
}

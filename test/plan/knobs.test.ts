// Which knobs a model offers plan, how --knobs picks among them (and refuses what is not
// there), and how a configuration is written into a copy of the model.
import { describe, expect, it } from 'vitest';
import { PlanInputError } from '../../src/plan/errors.js';
import { modelKnobs, selectKnobs, withValues } from '../../src/plan/knobs.js';
import { loadModel } from '../../src/run/load-model.js';

const replicated = loadModel('models/replicated.yaml');
const mmc = loadModel('models/mmc.yaml');

describe('modelKnobs', () => {
  it('lists every capacity knob of a web model with the model values', () => {
    const knobs = modelKnobs(replicated.model);
    expect(Object.fromEntries(knobs.map((k) => [k.id, k.current]))).toEqual({
      'db.replicas.count': 2, 'db.cores': 2, 'db_pool.size': 5, 'app.instances': 1, 'redis.capacity': 200_000, 'local.capacity': 100,
    });
    expect(knobs.find((k) => k.id === 'redis.capacity')?.steps).toBe('doubling');
    expect(knobs.find((k) => k.id === 'db.replicas.count')?.min).toBe(0);
  });

  it('offers no replica count for a database without replicas', () => {
    expect(modelKnobs(loadModel('models/pooled.yaml').model).map((k) => k.id)).not.toContain('db.replicas.count');
  });

  it('finds station servers', () => {
    expect(modelKnobs(mmc.model).map((k) => [k.id, k.current])).toEqual([['q.servers', 4]]);
  });
});

describe('selectKnobs', () => {
  const all = modelKnobs(replicated.model);

  it('takes ids, fields and component names', () => {
    expect(selectKnobs(all, ['app.instances', 'capacity']).map((k) => k.id)).toEqual(['app.instances', 'redis.capacity', 'local.capacity']);
    expect(selectKnobs(all, ['db']).map((k) => k.id)).toEqual(['db.replicas.count', 'db.cores']);
    expect(selectKnobs(all, undefined)).toHaveLength(all.length);
  });

  it('refuses an unknown knob, naming it and listing the model\'s', () => {
    expect(() => selectKnobs(all, ['app.instanses'])).toThrow(PlanInputError);
    expect(() => selectKnobs(all, ['app.instanses'])).toThrow(/--knobs: unknown knob "app.instanses"; this model's knobs are db.replicas.count, db.cores, .*\n  hint: did you mean `app.instances`\?/);
    expect(() => selectKnobs(modelKnobs(mmc.model), ['instances'])).toThrow('--knobs: the model has no `instances` knob; this model\'s knobs are q.servers');
  });
});

describe('withValues', () => {
  it('writes the values into a copy, leaving the model untouched', () => {
    const knobs = selectKnobs(modelKnobs(replicated.model), ['db', 'app.instances']);
    const copy = withValues(replicated.model, knobs, [0, 8, 3]);
    const db = copy.components.find((c) => c.name === 'db')!.config as Record<string, any>;
    expect(db.replicas.count).toBe(0);
    expect(db.cores).toBe(8);
    expect(db.replicas.read_your_writes).toBe(1);
    expect(copy.components.find((c) => c.name === 'app')!.config.instances).toBe(3);
    const original = replicated.model.components.find((c) => c.name === 'db')!.config as Record<string, any>;
    expect([original.replicas.count, original.cores]).toEqual([2, 2]);
  });
});

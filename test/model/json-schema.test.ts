/** JSON Schema from zod: descriptions kept, unit strings as patterns, strict objects. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { duration, openObjects, rate, timeDistribution, toJsonSchema, traffic } from '../../src/model/index.js';
import { miniModel } from '../fixtures/mini-model.js';

type Json = Record<string, unknown>;

/** Every sub-schema, depth first, for whole-document checks. */
function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

describe('toJsonSchema', () => {
  const small = z.strictObject({
    name: z.string().describe('What this model describes.'),
    timeout: duration().prefault('30s').describe('Give up after this long.'),
    arrivals: rate(),
    service: timeDistribution(),
    mode: z.enum(['fast', 'safe']).optional(),
  });
  const json = toJsonSchema(small, { id: 'https://example.org/stacksim.schema.json', title: 'stacksim model' });
  const props = json.properties as Record<string, Json>;

  it('is a draft 2020-12 document with id and title', () => {
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json.$id).toBe('https://example.org/stacksim.schema.json');
    expect(json.title).toBe('stacksim model');
    expect(json.type).toBe('object');
    expect(json.additionalProperties).toBe(false);
    expect(json.required).toEqual(['name', 'arrivals', 'service']);
  });

  it('keeps .describe() texts and input-form defaults', () => {
    expect(props.name).toEqual({ type: 'string', description: 'What this model describes.' });
    expect(props.timeout).toMatchObject({ description: 'Give up after this long.', default: '30s' });
    expect(props.mode).toEqual({ type: 'string', enum: ['fast', 'safe'] });
  });

  it('gives unit strings their pattern and examples', () => {
    expect(props.arrivals).toEqual({
      description: 'A rate per unit of time, e.g. 2000/s, 120/min, 2k/s. 0 needs no unit.',
      anyOf: [
        { type: 'string', pattern: '^(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*[kKMG]?\\s*/\\s*(ms|s|m|min|h|d)$', examples: ['2000/s', '120/min', '2k/s'] },
        { const: 0 },
      ],
    });
  });

  it('describes distributions as one-key mappings, recursive through $defs', () => {
    expect(props.service).toEqual({ $ref: '#/$defs/TimeDistribution' });
    const dist = (json.$defs as Record<string, Json>).TimeDistribution!;
    expect(dist).toMatchObject({ type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: false });
    const kinds = dist.properties as Record<string, Json>;
    expect(Object.keys(kinds)).toEqual(['constant', 'uniform', 'exponential', 'normal', 'lognormal', 'gamma', 'erlang', 'weibull', 'pareto', 'empirical', 'mixture']);
    expect(kinds.lognormal).toMatchObject({ anyOf: [{ required: ['mean', 'cv'] }, { required: ['mu', 'sigma'] }], additionalProperties: false });
    expect(kinds.mixture).toMatchObject({ type: 'array', items: { properties: { dist: { $ref: '#/$defs/TimeDistribution' } } } });
    expect((kinds.exponential!.properties as Json).mean).toMatchObject({ description: 'a finite number > 0, as a duration such as 4ms' });
  });
});

describe('the JSON Schema of a whole model', () => {
  const json = toJsonSchema(miniModel);

  it('closes every object: unknown keys are flagged in the editor too', () => {
    let objects = 0;
    walk(json, (n) => {
      if (n.type === 'object' && n.properties !== undefined) {
        objects++;
        expect(n.additionalProperties, JSON.stringify(Object.keys(n.properties as Json))).toBe(false);
      }
    });
    expect(objects).toBeGreaterThan(20);
  });

  it('openObjects finds objects that would let a typo through', () => {
    expect(openObjects(miniModel)).toEqual([]);
    const loose = z.strictObject({ a: z.object({ b: z.number() }), c: z.looseObject({ d: z.string() }) });
    expect(openObjects(loose)).toEqual(['/properties/a', '/properties/c']);
  });

  it('has examples that match their own patterns', () => {
    let checked = 0;
    walk(json, (n) => {
      if (typeof n.pattern !== 'string' || !Array.isArray(n.examples)) return;
      for (const ex of n.examples) {
        expect(new RegExp(n.pattern).test(String(ex)), `${String(ex)} ~ ${n.pattern}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('lists the component kinds and traffic types as constants of their unions', () => {
    const text = JSON.stringify(json);
    for (const k of ['load_balancer', 'app', 'postgres', 'open_loop', 'closed_loop', 'trace']) expect(text).toContain(`"const":"${k}"`);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(toJsonSchema(traffic())))).toEqual(toJsonSchema(traffic()));
  });
});

// The experiment files' JSON Schema: generated from the validating schema, strict everywhere
// (a misspelt field is flagged in the editor too), with the top-level fields documented.
import { describe, expect, it } from 'vitest';
import { experimentJsonSchema, openExperimentObjects } from '../../src/experiment/json-schema.js';

describe('experimentJsonSchema', () => {
  it('leaves no object open to unknown fields', () => {
    expect(openExperimentObjects()).toEqual([]);
  });

  it('lists and documents the top-level fields', () => {
    const s = experimentJsonSchema() as { properties: Record<string, { description?: string }>; required: string[] };
    expect(Object.keys(s.properties)).toEqual([
      '$schema', 'name', 'description', 'model', 'seed', 'replications', 'duration', 'warmup', 'baseline', 'strategies', 'sweep', 'slo', 'ten_x', 'timeseries',
    ]);
    expect(s.required).toEqual(['name', 'model', 'strategies']);
    expect(Object.values(s.properties).every((p) => typeof p.description === 'string' && p.description.length > 0)).toBe(true);
  });
});

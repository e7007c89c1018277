import fc from 'fast-check';
import { DISTRIBUTION_KINDS } from '../src/engine/random/kinds.js';
import { fromSpec } from '../src/engine/random/spec.js';
import { createStream } from '../src/engine/random/streams.js';
const wild = fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 }), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, 5e-324));
const wildSpec = fc.constantFrom(...DISTRIBUTION_KINDS.flatMap((k) => k.forms.map((f) => [k.kind, f] as const)))
  .chain(([kind, form]) => {
    const params = form.filter((p) => p.type === 'number' || p.type === 'integer');
    return fc.tuple(...params.map(() => wild)).map((vals) => ({ [kind]: Object.fromEntries(params.map((p, i) => [p.name, vals[i]])) }));
  });
const mode = process.argv[2];
for (const s of fc.sample(wildSpec, { numRuns: 3000, seed: 7 })) {
  let d; try { d = fromSpec(s as any); } catch { continue; }
  process.stdout.write(JSON.stringify(s) + '\n');
  const rng = createStream(1, 'wild');
  for (let i = 0; i < 50; i++) d.sample(rng);
}
console.log('done');

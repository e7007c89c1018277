// A Locust-style closed-loop model through the whole pipeline matches exact MVA:
// 30 users thinking exp(1 s) between requests that visit an app station (c=2) and a db (c=1).
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/model/load.js';
import { loadModelDocument } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';
import { mva } from '../../src/analytic/mva.js';
import { meanCI } from '../../src/engine/stats/confidence.js';

const yaml = `
name: closed
components:
  app: { kind: station, servers: 2, service: { exponential: { mean: 40ms } } }
  db: { kind: station, servers: 1, service: { exponential: { mean: 25ms } } }
endpoints:
  page: [ { visit: app }, { visit: db } ]
traffic:
  - type: closed_loop
    users: 30
    wait_time: { exponential: { mean: 1s } }
    tasks: { page: 1 }
`;

describe('closed loop against MVA', () => {
  it('throughput and response time lie in the 99% CI over 10 replications', () => {
    const doc = parseYamlText(yaml, 'closed.yaml');
    if (!doc.ok) throw doc.errors;
    const loaded = loadModelDocument(doc.value);
    const exact = mva({ N: 30, Z: 1, stations: [{ kind: 'queue', demand: 0.04, servers: 2 }, { kind: 'queue', demand: 0.025 }] });
    const runs = Array.from({ length: 10 }, (_, i) => simulate(loaded, { seed: i, duration: 3000, warmup: 100 }));
    const x = meanCI(runs.map((r) => r.overall.throughput), 0.99);
    const rt = meanCI(runs.map((r) => r.overall.latencyMs.mean! / 1000), 0.99);
    expect(Math.abs(x.mean - exact.X), `X ${x.mean} ± ${x.halfWidth} vs ${exact.X}`).toBeLessThanOrEqual(x.halfWidth!);
    expect(Math.abs(rt.mean - exact.R), `R ${rt.mean} ± ${rt.halfWidth} vs ${exact.R}`).toBeLessThanOrEqual(rt.halfWidth!);
  });
});

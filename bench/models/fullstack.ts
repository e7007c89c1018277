/**
 * Benchmark model: the full stack (LB → 4 instances → cache → pool → primary + 2 replicas)
 * at 2,000 req/s. Simulated hours come from argv (default 1): comparing 1 h with 4 h shows
 * peak memory does not grow with the simulated duration.
 */
import { join } from 'node:path';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';
import { measure } from '../measure.js';

const hours = Number(process.argv[2] ?? 1);
const loaded = loadModel(join(import.meta.dirname, 'fullstack.yaml'));

measure(`Full stack, 2000 req/s, ${hours} h simulated`, hours * 3600, (seconds) => {
  const s = simulate(loaded, { duration: seconds, warmup: 0 });
  return {
    customers: s.requests.started,
    events: 0,
    check: `p95 ${s.overall.latencyMs.p95} ms, hit ratio ${s.components.find((c) => c.kind === 'cache')?.hitRatio?.toFixed(3)}`,
  };
}, 60);

/**
 * `explain`: operational analysis of a model without simulating it. `explainModel` gives
 * the Explanation (plain JSON-ready data); the building blocks — cache hit estimates and
 * key popularity — are exported for capacity planning and tests.
 */
export { explainModel } from './explain.js';
export { estimateHits, ttlHit, type CacheShape, type Eviction, type HitEstimate, type KeyStream } from './che.js';
export { popularityOf, zipfGroups, hotsetGroups, SINGLE_KEY, type KeyGroup, type Popularity } from './popularity.js';
export { recentWriterShare } from './routing.js';
export type { CacheRow, EndpointRow, Explanation, LoadRow, PoolRow, ResourceRow, Verdict } from './types.js';

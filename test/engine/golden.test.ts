// Golden digest of a small run: any change to the order of events or of random draws
// (stream derivation, a sampler's algorithm, tie-breaking) changes these bytes. If you
// changed them on purpose, update the digest and say so in the change's note.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { exponential } from '../../src/engine/random/continuous.js';
import { lognormalMeanCv } from '../../src/engine/random/normal.js';
import { runOpenNetwork } from '../../src/queueing/open-network.js';

describe('golden run', () => {
  it('a two-station network with blocking gives the same bytes as ever', () => {
    const r = runOpenNetwork({
      seed: 'golden',
      interarrival: exponential(0.5),
      stations: [
        { name: 'a', servers: 2, service: lognormalMeanCv(0.8, 1.2) },
        { name: 'b', servers: 1, service: exponential(0.3), capacity: 5 },
      ],
      customers: 5000,
    });
    expect([r.completed, r.dropped, r.meanSojourn]).toEqual([4850, 150, 2.9015688092688743]);
    const digest = createHash('sha256').update(JSON.stringify({ ...r, sojourn: r.sojourn.toJSON() })).digest('hex');
    expect(digest).toBe('9332d1ce0271a39ede72e871f54231172bf3e6550c6deb6ee77ce52c08e4c3bf');
  });
});

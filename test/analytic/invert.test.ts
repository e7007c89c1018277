import { describe, expect, it } from 'vitest';
import { invertTail } from '../../src/analytic/invert.js';
import { expectRel } from './helpers.js';

describe('invertTail', () => {
  it('inverts an exponential tail whatever the starting scale', () => {
    for (const scale of [1e-6, 1, 1e6]) expectRel(invertTail((t) => Math.exp(-2 * t), 0.01, scale), Math.log(100) / 2, 1e-13);
  });

  it('returns 0 when the target is at or above the tail at 0', () => {
    expect(invertTail((t) => 0.3 * Math.exp(-t), 0.5, 1)).toBe(0);
  });
});

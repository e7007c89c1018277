import { describe, expect, it } from 'vitest';
import { murmur3, murmur3Key, murmur3Text } from '../../../../src/components/policies/sharding/murmur3.js';

describe('murmur3_32 (MurmurHash3_x86_32)', () => {
  it('matches the reference test vectors (SMHasher / Appleby)', () => {
    expect(murmur3Text('')).toBe(0);
    expect(murmur3Text('', 1)).toBe(0x514e28b7);
    expect(murmur3Text('', 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3(new Uint8Array(4))).toBe(0x2362f9de);
    expect(murmur3Text('test')).toBe(0xba6bd213);
    expect(murmur3Text('abc')).toBe(0xb3dd93fa);
    expect(murmur3Text('aaaa', 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3Text('Hello, world!', 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3Text('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('hashes a key as its 4 little-endian bytes', () => {
    expect(murmur3Key(0)).toBe(0x2362f9de);
    expect(murmur3Key(0x64636261)).toBe(murmur3Text('abcd'));
    expect(murmur3Key(0xffffffff)).toBe(murmur3(new Uint8Array([255, 255, 255, 255])));
  });

  it('refuses keys outside [0, 2^32) instead of wrapping them', () => {
    expect(() => murmur3Key(-1)).toThrow(/\[0, 2\^32\)/);
    expect(() => murmur3Key(2 ** 32)).toThrow(/got 4294967296/);
    expect(() => murmur3Key(1.5)).toThrow(RangeError);
  });
});

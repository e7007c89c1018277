import { describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, parseHash, verifyPassword } from '../../src/harness/passwords.js';

const cost = { logN: 8, r: 8, p: 1 };

describe('passwords', () => {
  it('stores cost, salt and key, never the password', () => {
    const hash = hashPassword('correct horse', cost);
    expect(hash).toMatch(/^scrypt\$8\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain('correct horse');
    const parsed = parseHash(hash)!;
    expect(parsed.cost).toEqual(cost);
    expect(parsed.salt.length).toBe(16);
    expect(parsed.key.length).toBe(32);
  });

  it('verifies the right password and rejects others', () => {
    const hash = hashPassword('correct horse', cost);
    expect(verifyPassword('correct horse', hash)).toBe(true);
    expect(verifyPassword('correct hors', hash)).toBe(false);
    expect(verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', () => {
    expect(hashPassword('same', cost)).not.toBe(hashPassword('same', cost));
  });

  it('verifies with the cost stored in the hash, not the current setting', () => {
    const old = hashPassword('pw-12345', { logN: 9, r: 4, p: 2 });
    expect(verifyPassword('pw-12345', old)).toBe(true);
  });

  it('rejects malformed hashes instead of throwing', () => {
    expect(verifyPassword('x', 'plaintext')).toBe(false);
    expect(verifyPassword('x', 'scrypt$8$8$1$abc')).toBe(false);
    expect(parseHash('bcrypt$2b$10$abc')).toBeUndefined();
  });

  it('derives the published scrypt test vector (RFC 7914 §12: "password", "NaCl", N=1024, r=8, p=16)', () => {
    // The RFC's 64-byte key begins with these 32 bytes; we store 32-byte keys.
    const key = Buffer.from('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162', 'hex');
    const stored = `scrypt$10$8$16$${Buffer.from('NaCl').toString('base64')}$${key.toString('base64')}`;
    expect(verifyPassword('password', stored)).toBe(true);
    expect(verifyPassword('Password', stored)).toBe(false);
  });

  it('a dummy hash verifies nothing a user would type', () => {
    const decoy = dummyHash(cost);
    expect(verifyPassword('', decoy)).toBe(false);
    expect(verifyPassword('password', decoy)).toBe(false);
  });
});

/**
 * Password hashing with scrypt from node:crypto, stored as
 * `scrypt$<logN>$<r>$<p>$<salt base64>$<key base64>` so a hash carries its own cost.
 *
 * We call scryptSync ON PURPOSE, blocking the event loop: the model treats hashing as CPU
 * on the single event-loop thread, and calibration needs an endpoint (register, login) whose
 * CPU demand saturates that thread. The async scrypt would move the work to libuv's pool.
 * Measured with src/harness/measure.ts on the 2-core dev VM (AMD EPYC, r=8, p=1), per hash:
 *   logN 10 ≈ 2–3 ms, 11 ≈ 4–5 ms, 12 ≈ 8–12 ms (the default), 13 ≈ 17–30 ms, 14 ≈ 40–50 ms,
 * and two to three times that while other processes keep both cores busy.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** N = 2^logN (CPU and memory cost). */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** scrypt needs 128·N·r bytes; allow twice that so high costs do not hit Node's 32 MiB default. */
function maxmem(cost: ScryptCost): number {
  return 256 * 2 ** cost.logN * cost.r;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Buffer {
  return scryptSync(password, salt, KEY_LENGTH, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: maxmem(cost) });
}

/** Hash a password with a fresh random salt. */
export function hashPassword(password: string, cost: ScryptCost): string {
  const salt = randomBytes(SALT_LENGTH);
  const key = derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const HASH_FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Parse a stored hash; undefined when it is not in our format. */
export function parseHash(stored: string): ParsedHash | undefined {
  const m = HASH_FORMAT.exec(stored);
  if (!m) return undefined;
  const cost = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  return { cost, salt: Buffer.from(m[4]!, 'base64'), key: Buffer.from(m[5]!, 'base64') };
}

/** Check a password against a stored hash in constant time (for a given hash). */
export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = derive(password, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** Hash of an unguessable password, verified against when the email is unknown so that a
 * failed login costs the same whether or not the account exists (no user enumeration). */
export function dummyHash(cost: ScryptCost): string {
  return hashPassword(randomBytes(16).toString('hex'), cost);
}

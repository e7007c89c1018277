/**
 * Special functions behind the exact moments, against published values and identities:
 * log-gamma, the normal tail (both tails, far past underflow of naive formulas), the
 * truncated-normal hazard, and generalised harmonic numbers by Euler–Maclaurin.
 */
import { describe, expect, it } from 'vitest';
import { centredSecondMoment, harmonic } from '../../../src/engine/random/harmonic.js';
import { logGamma, millsRatio, normalCdf, normalHazard, normalTail } from '../../../src/engine/random/special.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    for (let n = 1; n <= 30; n++) {
      let f = 1;
      for (let k = 2; k < n; k++) f *= k;
      expect(rel(Math.exp(logGamma(n)), f)).toBeLessThan(1e-13);
    }
    expect(rel(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(rel(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2))).toBeLessThan(1e-13);
    expect(rel(logGamma(1e-3), 6.907178885383854)).toBeLessThan(1e-13); // −ln(0.001) − γ·0.001 + …
  });
});

describe('normal tail', () => {
  it('matches tabulated Q(x)', () => {
    const table: [number, number][] = [
      [0, 0.5], [1, 0.15865525393145707], [1.96, 0.024997895148220435], [3, 0.0013498980316301035],
      [5, 2.866515718791939e-7], [10, 7.619853024160527e-24], [20, 2.7536241186062337e-89],
    ];
    for (const [x, q] of table) expect(rel(normalTail(x), q), `Q(${x})`).toBeLessThan(2e-14);
    expect(rel(normalCdf(-5), 2.866515718791939e-7)).toBeLessThan(2e-14);
    expect(rel(normalCdf(1), 1 - 0.15865525393145707)).toBeLessThan(1e-15);
  });

  it('keeps the Mills ratio accurate where Q underflows: R(x) ~ 1/x − 1/x³ + 3/x⁵', () => {
    const x = 1e3;
    expect(rel(millsRatio(x), 1 / x - 1 / x ** 3 + 3 / x ** 5)).toBeLessThan(1e-14);
    expect(Math.abs(millsRatio(2.999999) - millsRatio(3)) / millsRatio(3)).toBeLessThan(1e-6); // series/CF seam
  });

  it('gives the hazard of the half-normal: E[Z | Z >= 0] = √(2/π)', () => {
    expect(rel(normalHazard(0), Math.sqrt(2 / Math.PI))).toBeLessThan(1e-15);
    expect(rel(normalHazard(-1), 0.24197072451914337 / (1 - 0.15865525393145707))).toBeLessThan(1e-14);
  });
});

describe('harmonic (generalised harmonic numbers)', () => {
  it('is exact for polynomial sums even at n = 10^8 (Euler–Maclaurin terminates)', () => {
    const n = 1e8;
    expect(rel(harmonic(n, 0), n)).toBeLessThan(1e-14);
    expect(rel(harmonic(n, -1), (n * (n + 1)) / 2)).toBeLessThan(1e-14);
    expect(rel(harmonic(n, -2), (n * (n + 1) * (2 * n + 1)) / 6)).toBeLessThan(1e-14);
  });

  it('matches the asymptotics of H(n, 1) and ζ(2) − H(n, 2) at n = 10^8', () => {
    const n = 1e8;
    const gamma = 0.5772156649015329;
    expect(rel(harmonic(n, 1), Math.log(n) + gamma + 1 / (2 * n) - 1 / (12 * n * n))).toBeLessThan(1e-15);
    expect(rel(harmonic(n, 2), Math.PI ** 2 / 6 - 1 / n + 1 / (2 * n * n))).toBeLessThan(1e-15);
  });

  it('matches direct summation past the switch to Euler–Maclaurin', () => {
    const n = 300_000;
    for (const t of [-2.2, -1.2, -0.2, 0.1, 0.5, 0.8, 0.999999, 1, 1.1, 2, 3.5, 8]) {
      let direct = 0;
      for (let k = n; k >= 1; k--) direct += Math.pow(k, -t);
      expect(rel(harmonic(n, t), direct), `t = ${t}`).toBeLessThan(1e-12);
    }
  });

  it('gives centred second moments equal to direct summation', () => {
    const n = 200_000;
    for (const s of [0.8, 1.1, 3]) {
      const c = harmonic(n, s - 1) / harmonic(n, s);
      let direct = 0;
      for (let k = n; k >= 1; k--) direct += Math.pow(k, -s) * (k - c) * (k - c);
      expect(rel(centredSecondMoment(n, s, c), direct), `s = ${s}`).toBeLessThan(1e-11);
    }
  });
});

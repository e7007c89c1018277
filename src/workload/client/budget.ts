/**
 * A retry budget (Finagle's RetryBudget, as a token bucket): every call deposits `ratio`
 * tokens, up to `burst`; every retry spends one whole token or is refused. With every
 * attempt failing, retries therefore stay below ratio × calls + burst, so the load a
 * failing dependency sees is bounded by (1 + ratio)× instead of (1 + max retries)×.
 * Tokens are counted in millionths, so ten deposits of 0.1 make exactly one token.
 */

const UNIT = 1_000_000;

export class RetryBudget {
  private readonly deposit: number;
  private readonly cap: number;
  /** Tokens held, in millionths. */
  private micro = 0;
  granted = 0;
  denied = 0;

  constructor(readonly ratio: number, readonly burst: number) {
    if (!(ratio >= 0 && ratio < Infinity)) throw new RangeError(`retry budget: ratio must be a finite number >= 0 (got ${ratio})`);
    if (!(burst >= 1 && burst < Infinity)) throw new RangeError(`retry budget: burst must be a finite number >= 1 (got ${burst})`);
    this.deposit = Math.round(ratio * UNIT);
    this.cap = Math.round(burst * UNIT);
  }

  get tokens(): number {
    return this.micro / UNIT;
  }

  /** A call started: add its share of a retry. */
  called(): void {
    this.micro = Math.min(this.cap, this.micro + this.deposit);
  }

  /** May a retry go out now? Spends a token when it may. */
  withdraw(): boolean {
    if (this.micro >= UNIT) {
      this.micro -= UNIT;
      this.granted++;
      return true;
    }
    this.denied++;
    return false;
  }

  resetStats(): void {
    this.granted = this.denied = 0;
  }
}

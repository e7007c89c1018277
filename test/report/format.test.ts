import { describe, expect, it } from 'vitest';
import { fmtInterval, fmtMoney, fmtMs, fmtNumber, fmtPercent, fmtRate, fmtValue, MISSING } from '../../src/report/format.js';

describe('report number formats', () => {
  it('latency switches unit and precision with magnitude', () => {
    expect([fmtMs(4.25), fmtMs(183.4), fmtMs(2400), fmtMs(0)]).toEqual(['4.3 ms', '183 ms', '2.4 s', '0.0 ms']);
  });
  it('rates and plain numbers group thousands', () => {
    expect([fmtRate(1234.4), fmtNumber(8000), fmtNumber(2.25), fmtNumber(3)]).toEqual(['1,234 req/s', '8,000', '2.3', '3']);
  });
  it('sweep values are shown as written', () => {
    expect([fmtValue(8000), fmtValue(0.25), fmtValue(1 / 3)]).toEqual(['8,000', '0.25', '0.3333']);
  });
  it('percentages keep two significant digits below 1%', () => {
    expect([fmtPercent(0), fmtPercent(0.000042), fmtPercent(0.031), fmtPercent(0.94)]).toEqual(['0%', '0.0042%', '3.1%', '94%']);
  });
  it('money in cents, or three significant digits under ten cents', () => {
    expect([fmtMoney(0.42), fmtMoney(12.5), fmtMoney(1234), fmtMoney(0.0712)]).toEqual(['$0.42', '$12.50', '$1,234', '$0.071']);
  });
  it('never prints NaN or Infinity', () => {
    for (const f of [fmtMs, fmtRate, fmtNumber, fmtPercent, fmtMoney, fmtValue]) {
      expect([f(NaN), f(Infinity), f(null), f(undefined)]).toEqual([MISSING, MISSING, MISSING, MISSING]);
    }
    expect(fmtInterval(null, 3, String)).toBe('');
    expect(fmtInterval(1, 3, String)).toBe('1–3');
  });
});

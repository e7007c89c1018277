import { describe, expect, it } from 'vitest';
import { WakeUp } from '../../../src/harness/queue/wake.js';

function wakeUp(n: number): WakeUp {
  const w = new WakeUp(n);
  for (let i = 0; i < n; i++) w.register(i, `w${i}`);
  return w;
}

describe('WakeUp', () => {
  it('picks nobody before a worker has registered', () => {
    expect(new WakeUp(3).pick()).toBeUndefined();
  });

  it('rotates over idle workers so back-to-back sends wake different ones', () => {
    const w = wakeUp(3);
    expect([w.pick(), w.pick(), w.pick(), w.pick()]).toEqual(['w0', 'w1', 'w2', 'w0']);
  });

  it('prefers an idle worker to a busy one', () => {
    const w = wakeUp(3);
    w.setBusy(0, true);
    w.setBusy(1, true);
    expect([w.pick(), w.pick()]).toEqual(['w2', 'w2']);
    w.setBusy(0, false);
    expect(w.pick()).toBe('w0');
  });

  it('when all are busy, still names one, in rotation, so it polls again as soon as it is free', () => {
    const w = wakeUp(2);
    w.setBusy(0, true);
    w.setBusy(1, true);
    expect([w.pick(), w.pick(), w.pick()]).toEqual(['w0', 'w1', 'w0']);
  });
});

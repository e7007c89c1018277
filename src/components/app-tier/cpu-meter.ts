/**
 * The autoscaler's view of a tier's CPU: mean utilisation of the instances in rotation since
 * the previous reading, as a metrics pipeline (metrics-server) reports it per sync. Each
 * instance is measured from the later of the last reading and the moment it joined the
 * rotation, so an instance still starting neither counts as idle nor as busy.
 */
import type { AppInstance } from './instance.js';

interface Mark {
  cpu: number;
  t: number;
}

export class CpuMeter {
  private readonly marks = new Map<AppInstance, Mark>();

  /** Start measuring instances that joined the rotation; forget those that left it. */
  track(serving: readonly AppInstance[], now: number): void {
    for (const inst of serving) {
      if (!this.marks.has(inst)) this.marks.set(inst, { cpu: inst.cpuSeconds(now), t: now });
    }
    if (this.marks.size === serving.length) return;
    for (const inst of this.marks.keys()) if (!serving.includes(inst)) this.marks.delete(inst);
  }

  /** Busy core-seconds over available core-seconds since each instance's mark (0 with no time). */
  sample(serving: readonly AppInstance[], cores: number, now: number): number {
    this.track(serving, now);
    let busy = 0;
    let time = 0;
    for (const inst of serving) {
      const mark = this.marks.get(inst)!;
      const cpu = inst.cpuSeconds(now);
      busy += cpu - mark.cpu;
      time += now - mark.t;
      mark.cpu = cpu;
      mark.t = now;
    }
    // at most 1: a saturated instance's busy time equals its time, give or take rounding
    return time > 0 ? Math.min(1, busy / (cores * time)) : 0;
  }
}

/**
 * The app tier's report. Instances come and go when an autoscaler resizes the tier, so every
 * figure is weighted by the time each instance was there: utilisation is busy core-seconds
 * over the core-seconds of instances able to work, and the cost is instance-hours (starting
 * and draining ones included) times the price. For a fixed tier this is the plain average.
 */
import type { ComponentReport } from '../define.js';
import type { Fleet } from './fleet.js';
import { EventLoopInstance } from './event-loop.js';
import type { AppInstance } from './instance.js';
import type { TierSettings } from './schema.js';

export function tierReport(
  name: string, kind: string, settings: TierSettings, fleet: Fleet, pricePerHour: number, since: number, now: number,
): ComponentReport {
  const all = fleet.all;
  const figures = all.map((inst) => inst.figures(now));
  // each instance's statistics window: from the reset, or from its creation
  const span = all.map((inst) => now - inst.since);
  const weighted = (f: (k: number) => number): number => figures.reduce((s, _f, k) => s + f(k) * span[k]!, 0);
  const sum = (f: (i: AppInstance) => number): number => all.reduce((s, inst) => s + f(inst), 0);
  const working = fleet.working.integral(now);
  const per = (x: number): number => (working > 0 ? x / working : 0);
  const window = now - since;
  const extra: Record<string, number> = {
    instances: fleet.serving.length,
    accepted: sum((i) => i.accepted),
    accept_queue_full: sum((i) => i.refusedFull),
    refused_down: sum((i) => i.refusedDown),
    request_timeout: sum((i) => i.timeouts),
    mean_in_progress: window > 0 ? all.reduce((s, inst, k) => s + inst.inProgress.mean(now) * span[k]!, 0) / window : 0,
  };
  if (settings.slots > 0) {
    extra.worker_utilisation = per(weighted((k) => figures[k]!.slotUtilisation));
    const waited = figures.reduce((s, f) => s + f.acceptWaitCount, 0);
    extra.mean_accept_wait_ms = waited > 0 ? (figures.reduce((s, f) => s + f.acceptWaitSum, 0) / waited) * 1000 : 0;
  }
  if (settings.wake !== null) {
    const loops = all.filter((i): i is EventLoopInstance => i instanceof EventLoopInstance);
    extra.wake_ups = loops.reduce((n, i) => n + i.wakeUps, 0);
    extra.wake_cpu_seconds = loops.reduce((n, i) => n + i.wakeSeconds, 0);
  }
  if (fleet.resized) {
    extra.mean_instances = fleet.billed.mean(now);
    extra.max_instances = fleet.billed.max;
    extra.instance_hours = fleet.billed.integral(now) / 3600;
    extra.starting = fleet.starting.length;
    extra.draining = fleet.draining.size;
  }
  all.forEach((inst, k) => {
    if (!fleet.serving.includes(inst) && !fleet.draining.has(inst)) return;
    extra[`${inst.name}.utilisation`] = figures[k]!.busyCores / settings.cores;
    extra[`${inst.name}.accepted`] = inst.accepted;
  });
  return {
    name,
    kind,
    utilisation: per(weighted((k) => figures[k]!.busyCores)) / settings.cores,
    meanQueue: per(weighted((k) => figures[k]!.queueMean)),
    maxQueue: figures.reduce((m, f) => Math.max(m, f.queueMax), 0),
    costPerHour: pricePerHour * fleet.billed.mean(now),
    extra,
  };
}

/**
 * What the driver itself cost: CPU seconds and the share of one core over the run. The
 * driver shares a 2-core machine with the server and Postgres, so its own load is part of
 * every measurement and must be visible in the result.
 */

export interface DriverCost {
  readonly wallSec: number;
  readonly cpuUserSec: number;
  readonly cpuSystemSec: number;
  /** (user + system) / wall: 1 = one core fully busy. */
  readonly cpuCores: number;
}

export interface CostMeter {
  stop(): DriverCost;
}

export function startCostMeter(): CostMeter {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const cpu = process.cpuUsage(cpu0);
      const wallSec = (performance.now() - t0) / 1000;
      const user = cpu.user / 1e6;
      const system = cpu.system / 1e6;
      return { wallSec, cpuUserSec: user, cpuSystemSec: system, cpuCores: wallSec > 0 ? (user + system) / wallSec : 0 };
    },
  };
}

/**
 * How fast can this driver send on this machine? Runs the open-loop driver against a
 * trivial server at rising rates and reports, per rate, what was achieved and how far the
 * schedule slipped. Run directly to print figures (server in a child process):
 *   npx tsx src/harness/driver/max-rate.ts [rate …]
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { runOpenLoop } from './open-loop.js';

export interface RateStep {
  readonly rate: number;
  readonly throughput: number;
  readonly lagP99Ms: number;
  readonly lagMaxMs: number;
  readonly clientQueueP99Ms: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly driverCpuCores: number;
  /** Kept up: throughput within 3 % of the rate, schedule lag p99 under 5 ms, no errors. */
  readonly sustained: boolean;
}

export async function measureRates(target: string, rates: readonly number[], durationSec = 3): Promise<RateStep[]> {
  const steps: RateStep[] = [];
  for (const rate of rates) {
    const r = await runOpenLoop({ target, rate, durationSec, warmupSec: 2, tasks: [{ name: 'get', path: '/' }] });
    const lagP99Ms = r.schedule.lag.p99;
    steps.push({
      rate,
      throughput: r.throughput,
      lagP99Ms,
      lagMaxMs: r.schedule.maxLagMs,
      clientQueueP99Ms: r.schedule.clientQueue.p99,
      p50Ms: r.overall.latency.p50,
      p99Ms: r.overall.latency.p99,
      errors: r.overall.errorCount,
      driverCpuCores: r.driver.cpuCores,
      sustained: r.throughput >= 0.97 * rate && lagP99Ms < 5 && r.overall.errorCount === 0,
    });
  }
  return steps;
}

/** A trivial node:http server in its own process, so it does not share the driver's event loop. */
async function trivialServer(): Promise<{ url: string; stop(): void }> {
  const code = "const s=require('http').createServer((q,r)=>r.end('ok'));s.keepAliveTimeout=60000;" +
    "s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).map(Number);
  const rates = args.length > 0 ? args : [1000, 2000, 4000, 6000, 8000, 10000, 12000];
  const server = await trivialServer();
  try {
    const steps = await measureRates(server.url, rates);
    console.table(steps);
    const best = steps.filter((s) => s.sustained).at(-1);
    console.log(`max sustained send rate: ${best ? `${best.rate} req/s` : `below ${rates[0]} req/s`}`);
  } finally {
    server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

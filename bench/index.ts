/**
 * `npm run bench`: runs each benchmark model in its own process (so peak RSS is per model)
 * and prints customers/s, events/s, wall seconds and peak RSS, ending with the line
 * `mmc_customers_per_sec=<N>` that tracking scripts read.
 * Reference (this 2-core machine): SimPy 4 ~105k/48k customers/s, Ciw ~49k/19k,
 * a bare typed-array event loop ~3.8M/1.2M. Goal: >= 2M (M/M/c) and >= 700k (tandem), < 150 MB.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const models = ['mmc', 'tandem', ...extraModels()].filter((m) => only.length === 0 || only.includes(m));

function extraModels(): string[] {
  // models added by later layers (full-stack) register here when their file exists
  return [];
}

interface Line {
  name: string;
  customers: number;
  events: number;
  wallSeconds: number;
  customersPerSec: number;
  eventsPerSec: number;
  peakRssMB: number;
  check: string;
}

const rows: Line[] = [];
for (const m of models) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'models', `${m}.ts`)], { encoding: 'utf8' });
  const line = JSON.parse(out.trim().split('\n').pop()!) as Line;
  rows.push(line);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `${line.name.padEnd(38)} ${fmt(line.customers).padStart(10)} customers  ${fmt(line.customersPerSec).padStart(10)} customers/s  ` +
      `${fmt(line.eventsPerSec).padStart(11)} events/s  ${line.wallSeconds.toFixed(2).padStart(6)} s  ${line.peakRssMB.toFixed(0).padStart(4)} MB peak RSS   (${line.check})`,
  );
}
const mmc = rows.find((r) => r.name.startsWith('M/M/c'));
if (mmc) console.log(`mmc_customers_per_sec=${Math.round(mmc.customersPerSec)}`);

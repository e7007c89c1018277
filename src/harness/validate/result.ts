/**
 * The shape of validation.json: where it ran (machine facts and CPU layout), what was
 * calibrated, and per configuration and level the measured and predicted figures with
 * their relative errors and verdicts against the targets.
 */
import type { MachineFacts } from '../driver/index.js';
import type { CalibrationRun, ClientSide } from './calibrate.js';
import type { WakeFit } from './wake-fit.js';
import type { Errors, Figures, TargetTally, Verdict } from './compare.js';
import type { ConfigName, VariantName, Workload } from './configs.js';

export interface CpuLayout {
  readonly pinned: boolean;
  /** taskset CPU lists; null = unpinned. */
  readonly api: string | null;
  readonly postgres: string | null;
  readonly driver: string | null;
  /** Cores each part has in the model. */
  readonly modelCores: { readonly app: number; readonly db: number };
  readonly note: string;
}

export interface LevelResult {
  /** Offered rate (req/s) for open loop, users for closed loop. */
  readonly load: number;
  /** The level's load over the measured saturation (throughput for a closed loop). */
  readonly share: number;
  readonly measured: Figures;
  readonly predicted: Figures;
  readonly errors: Errors;
  readonly verdict: Verdict;
  /** The driver's CPU (cores), its median schedule lag, errors, other processes' CPU, and the
   * event loop's and Postgres's CPU per request measured at this level (ms). */
  readonly context: {
    readonly driverCores: number; readonly lagP50Ms: number | null; readonly errors: number; readonly otherCores: number | null;
    readonly loopMsPerRequest: number | null; readonly pgMsPerRequest: number | null; readonly driverMsPerRequest: number | null;
  };
}

export interface SaturationResult {
  /** Highest throughput the real system reached at any level. */
  readonly measured: number;
  /** Throughput of the model under a closed loop with no think time. */
  readonly predicted: number;
  readonly error: number | null;
  readonly withinTarget: boolean | null;
  /** Whether the real system was actually driven past saturation. */
  readonly reached: boolean;
}

export interface ConfigResult {
  readonly name: ConfigName;
  readonly title: string;
  readonly exercises: string;
  readonly variant: VariantName;
  readonly workload: Workload;
  readonly loadUnit: 'req/s' | 'users';
  /** The calibrated model file, relative to the output folder. */
  readonly model: string;
  readonly saturation: SaturationResult;
  readonly levels: readonly LevelResult[];
}

export interface ValidationResult {
  readonly kind: 'stacksim-validation';
  readonly plan: string;
  readonly startedAt: string;
  readonly wallSec: number;
  readonly machine: MachineFacts;
  readonly layout: CpuLayout;
  readonly targets: Readonly<Record<string, number>>;
  readonly calibration: Readonly<Record<string, { readonly idle: { loopMsPerSec: number; pgMsPerSec: number }; readonly client: ClientSide; readonly runs: readonly CalibrationRun[]; readonly wake: WakeFit | null }>>;
  readonly configurations: readonly ConfigResult[];
  readonly summary: { readonly levels: TargetTally; readonly saturation: TargetTally };
}

/**
 * The loaded experiment: what load.ts produces and the runner, the workers and the
 * assembler share — strategies with their model documents and overlays, expanded sweep
 * axes, resolved run settings — plus the helper that raises catalogue errors positioned
 * on the experiment file's lines.
 */
import type { LoadedDocument } from '../model/load.js';
import { ModelError, type ModelErrorInit } from '../model/errors.js';
import type { PathSegment } from '../model/format.js';
import { positionOf } from '../model/positions.js';
import type { Frozen } from '../model/validate.js';
import type { LoadedModel } from '../run/load-model.js';
import type { SloSpec } from './results.js';
import type { ExperimentConfig } from './schema.js';
import type { Point } from './sweep.js';

export interface StrategySetup {
  readonly name: string;
  readonly description?: string;
  readonly check: boolean;
  /** The model document this strategy starts from (the base model or its own `model:`). */
  readonly document: LoadedDocument;
  /** `set:` entries in the order written: dotted path and value. */
  readonly set: readonly { readonly path: string; readonly value: unknown }[];
}

export interface AxisSetup {
  readonly name: string;
  readonly label: string;
  readonly path: string;
  /** Written after each value (`/s` → "100/s"); null writes the bare number. */
  readonly unit: string | null;
  readonly values: readonly number[];
}

export interface RunSettings {
  readonly seed: number | string;
  readonly replications: number;
  readonly duration: number;
  readonly warmup: number;
}

export interface TimeSeriesRequest {
  readonly strategy: string;
  readonly point: Point;
  readonly window: number;
}

export interface LoadedExperiment {
  readonly file: string;
  readonly document: LoadedDocument;
  readonly config: Frozen<ExperimentConfig>;
  /** sha256 prefix of the experiment text and the models (with prices) it uses. */
  readonly hash: string;
  readonly settings: RunSettings;
  readonly baseline: string;
  readonly strategies: readonly StrategySetup[];
  readonly axes: readonly AxisSetup[];
  readonly points: readonly Point[];
  readonly slos: readonly SloSpec[];
  readonly tenX: { readonly axis: string; readonly base: Point; readonly tenX: Point } | null;
  readonly timeseries: readonly TimeSeriesRequest[];
  /** The validated model of a strategy at a sweep point (built on first use, then cached). */
  modelFor(strategy: string, point: Point): LoadedModel;
}

/** Command-line overrides for quick runs (`--replications 1 --duration 10s`). */
export interface ExperimentOverrides {
  seed?: number | string;
  replications?: number;
  duration?: number;
  warmup?: number;
}

/** A catalogue error at `path` in the experiment file. */
export function experimentError(doc: LoadedDocument, path: readonly PathSegment[], init: Omit<ModelErrorInit, 'file' | 'path' | 'line' | 'col'>, part: 'key' | 'value' = 'value'): ModelError {
  const pos = positionOf(doc, path, part);
  return new ModelError({ ...init, file: doc.file, path, line: pos.line, col: pos.col });
}

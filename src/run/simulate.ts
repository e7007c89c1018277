/**
 * The run pipeline, end to end:
 *
 *   models/x.yaml ─load→ validate → normalize (load-model.ts)
 *     ─build (build/graph.ts)→ components + flows + traffic
 *     ─run (engine)→ warm-up, then the measured window
 *     ─summarize (metrics/summary.ts)→ RunSummary
 *
 * `simulate` is a pure function of the loaded model and the options: same inputs, same bytes.
 */
import { buildModel, type BuiltModel } from '../build/graph.js';
import { summarizeRequests, round, type RunSummary } from '../metrics/summary.js';
import type { ClientReport } from '../workload/client/report.js';
import type { LoadedModel } from './load-model.js';

export interface SimulateOptions {
  seed?: number | string;
  /** Measured simulated seconds (after warm-up). */
  duration?: number;
  warmup?: number;
  /** Called with the built model before it runs (time series, tests). */
  observe?: (built: BuiltModel) => void;
}

export function simulate(loaded: LoadedModel, options: SimulateOptions = {}): RunSummary {
  const run = {
    seed: options.seed ?? loaded.model.run.seed,
    duration: options.duration ?? loaded.model.run.duration,
    warmup: options.warmup ?? loaded.model.run.warmup,
  };
  const model = { ...loaded.model, run };
  const built = buildModel(model, loaded.prices);
  options.observe?.(built);
  const { sim, metrics, components, sources, flow } = built;
  for (const s of sources) s.start(run.warmup + run.duration);
  if (run.warmup > 0) {
    sim.schedule(run.warmup, () => {
      metrics.reset(sim.now);
      for (const c of components) c.resetStats(sim.now);
      for (const s of sources) s.generator.resetStats?.(sim.now);
    }, null);
  }
  sim.run({ until: run.warmup + run.duration });
  const end = sim.now;
  const { overall, endpoints } = summarizeRequests(metrics, run.duration);
  const reports = components.map((c) => c.report(end));
  const perHour = round(reports.reduce((s, r) => s + r.costPerHour, 0));
  return {
    model: { name: model.name, hash: loaded.hash },
    seed: run.seed,
    simulated: { warmup: run.warmup, duration: run.duration },
    overall,
    endpoints,
    components: reports,
    cost: {
      perHour,
      perMillionRequests: overall.throughput > 0 ? round((perHour / (overall.throughput * 3600)) * 1e6) : null,
      currency: loaded.prices.currency,
      pricesAsOf: loaded.prices.asOf,
    },
    requests: { started: flow.started, responded: flow.responded, inFlight: flow.started - flow.responded },
    ...clientsOf(sources),
  };
}

/** The client reports of the sources that have a `client:` block, if any (else no field at all). */
function clientsOf(sources: BuiltModel['sources']): { clients?: ClientReport[] } {
  const clients = sources.flatMap((s) => s.generator.report().client ?? []);
  return clients.length > 0 ? { clients } : {};
}

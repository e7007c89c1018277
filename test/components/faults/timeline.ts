// Test helper: run a model and keep a timeline — every response (time, endpoint, error,
// latency) through a flow runner response listener, plus readings of the built model
// taken at chosen simulated times. Sampling adds events but never draws, so the run is the
// same run.
import type { BuiltModel } from '../../../src/build/graph.js';
import type { ComponentInstance } from '../../../src/components/define.js';
import type { Request } from '../../../src/flow/request.js';
import type { RunSummary } from '../../../src/metrics/summary.js';
import { simulate } from '../../../src/run/simulate.js';
import { modelFromYaml } from './yaml-model.js';

export interface Response {
  t: number;
  endpoint: string;
  error: string | null;
  status: number;
  latency: number;
}

export interface Timeline<T> {
  summary: RunSummary;
  responses: Response[];
  readings: { t: number; value: T }[];
  built: BuiltModel;
}

export function runTimeline<T = null>(
  yaml: string,
  read?: { every: number; value: (b: BuiltModel) => T },
): Timeline<T> {
  const responses: Response[] = [];
  const readings: { t: number; value: T }[] = [];
  let built: BuiltModel | undefined;
  const summary = simulate(modelFromYaml(yaml), {
    observe: (b) => {
      built = b;
      const names = b.model.endpoints.map((e) => e.name);
      b.flow.addResponseListener((req: Request) => {
        responses.push({ t: req.respondedAt, endpoint: names[req.endpoint]!, error: req.error, status: req.status, latency: req.respondedAt - req.startedAt });
      });
      if (read === undefined) return;
      const tick = (): void => {
        readings.push({ t: b.sim.now, value: read.value(b) });
        b.sim.schedule(read.every, tick, null);
      };
      b.sim.schedule(0, tick, null);
    },
  });
  return { summary, responses, readings, built: built! };
}

export function component<C extends ComponentInstance>(b: BuiltModel, name: string): C {
  const c = b.components.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no component ${name}`);
  return c as C;
}

/** Responses with an error in [from, to). */
export const errorsIn = (r: readonly Response[], from: number, to: number, cause?: string): number =>
  r.filter((x) => x.t >= from && x.t < to && x.error !== null && (cause === undefined || x.error === cause)).length;

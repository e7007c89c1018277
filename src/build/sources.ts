/**
 * Attach the model's traffic sources to the entry point: one generator per source, each
 * with its own context (`traffic/<name>`) so adding a source never shifts another's draws.
 */
import { dirname } from 'node:path';
import type { Entry } from '../components/contracts.js';
import { createContext } from '../engine/context.js';
import type { Simulation } from '../engine/simulation.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { TrafficSource } from '../model/schema/traffic.js';
import { buildSource, idCounter, sourceName, type TrafficGenerator } from '../workload/index.js';

export interface BuiltSource {
  readonly generator: TrafficGenerator;
  /** Schedule the source's first event; it stops sending at `until` (absolute time). */
  start(until: number): void;
}

export function buildSources(model: NormalizedModel, sim: Simulation, entry: Entry): BuiltSource[] {
  const nextId = idCounter();
  const endpoints = model.endpoints.map((e) => e.name);
  const keySpaces = model.keySpaces.map((k) => ({ name: k.name, spec: k.spec }));
  return model.traffic.map((config, i) => {
    const name = sourceName(config as TrafficSource, i);
    const ctx = createContext(sim, `traffic/${name}`);
    let generator: TrafficGenerator | undefined;
    return {
      get generator(): TrafficGenerator {
        if (!generator) throw new Error(`source ${name} not started`);
        return generator;
      },
      start(until: number): void {
        generator = buildSource(config as TrafficSource, { name, ctx, entry, endpoints, keySpaces, until, modelDir: dirname(model.file), nextId });
        generator.start();
      },
    };
  });
}

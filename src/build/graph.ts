/**
 * Build: the normalized model → a wired simulation. Components are built in dependency
 * order through the registry (the only place that maps a kind to code), each with its own
 * context and named streams; then endpoint flows are compiled against the built components,
 * and traffic generators are attached to the entry point.
 */
import { registry } from '../components/registry.js';
import type { BuildEnv, ComponentDef, ComponentInstance, FlowTable } from '../components/define.js';
import type { Entry } from '../components/contracts.js';
import { createContext } from '../engine/context.js';
import { Simulation } from '../engine/simulation.js';
import { KeyNamespaces } from '../flow/keys.js';
import type { Request } from '../flow/request.js';
import { FlowRunner } from '../flow/runner.js';
import type { Step } from '../flow/step.js';
import { RequestMetrics } from '../metrics/requests.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { LoadedPrices } from '../model/prices.js';
import { buildSources, type BuiltSource } from './sources.js';
import { compileFlows } from './steps.js';

export interface BuiltModel {
  readonly model: NormalizedModel;
  readonly sim: Simulation;
  readonly flow: FlowRunner;
  readonly metrics: RequestMetrics;
  readonly components: readonly ComponentInstance[];
  readonly sources: readonly BuiltSource[];
  readonly prices: LoadedPrices;
}

export function buildModel(model: NormalizedModel, prices: LoadedPrices): BuiltModel {
  const sim = new Simulation(model.run.seed);
  const metrics = new RequestMetrics(model.endpoints.map((e) => e.name));
  const flow = new FlowRunner(createContext(sim, '/flow'), metrics.onRespond);
  const built = new Map<string, ComponentInstance>();
  const spaces = model.keySpaces.map((k) => k.name);
  const keySpaceIndex = (name: string): number => {
    const i = spaces.indexOf(name);
    if (i < 0) throw new Error(`build: unknown key space ${name} (normalize should have caught it)`);
    return i;
  };
  const flows: { endpoints: (readonly Step[])[] } & FlowTable = { endpoints: [] };

  for (const c of model.components) {
    const def = (registry as Record<string, ComponentDef>)[c.kind]!;
    const env: BuildEnv = {
      ctx: createContext(sim, c.name),
      flow,
      lookup: <T>(name: string): T => {
        const other = built.get(name);
        if (!other) throw new Error(`build: ${c.name} looked up ${name} before it was built (missing from refs?)`);
        return other as T;
      },
      prices,
      network: model.network,
      keySpaceIndex,
      subContext: (sub) => createContext(sim, `${c.name}/${sub}`),
      flows,
      endpointIndex: (name: string) => {
        const i = model.endpoints.findIndex((e) => e.name === name);
        if (i < 0) throw new Error(`build: unknown endpoint ${name} (normalize should have caught it)`);
        return i;
      },
    };
    built.set(c.name, def.build(c.name, c.config as never, env));
  }

  const compiled = compileFlows({
    sim,
    model,
    component: <T>(name: string) => built.get(name) as T,
    keySpaceIndex,
    namespaces: new KeyNamespaces(),
  });
  flows.endpoints.push(...compiled.endpoints);

  const entry: Entry = model.entry !== null
    ? (built.get(model.entry) as unknown as Entry)
    : { accept: (req: Request) => flow.start(req, flows.endpoints[req.endpoint]!) };
  const sources = buildSources(model, sim, entry);
  return { model, sim, flow, metrics, components: [...built.values()], sources, prices };
}

/**
 * `stacksim explain <model>`: what a model will do, from queueing theory alone — offered
 * load, utilisation of every resource, the bottleneck and the throughput ceiling, analytic
 * latencies, cache hit ratios and connection needs — in the style of `stacksim run`, or
 * the Explanation as JSON. Nothing is simulated, so it answers in well under a second.
 */
import type { Command } from 'commander';
import { explainModel } from '../../explain/index.js';
import type { EndpointRow, Explanation, ResourceRow } from '../../explain/index.js';
import { loadModel } from '../../run/load-model.js';
import type { LoadedModel } from '../../run/load-model.js';
import { UsageError } from '../errors.js';
import { int, num, pct, table } from '../format.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('operational analysis without simulating: utilisation, bottleneck, max throughput, analytic latency')
    .argument('<model>', 'model file (YAML)')
    .option('--json', 'print the Explanation as JSON')
    .addHelpText('after', `
Examples:
  $ stacksim explain models/monolith.yaml          # which resource saturates first, and at what rate
  $ stacksim explain models/mmc.yaml               # Erlang C next to what \`stacksim run\` measures
  $ stacksim explain models/cached.yaml --json     # the Explanation as JSON (for scripts and plan)`)
    .action((file: string, opts: { json?: boolean }) => {
      const explanation = explained(loadModel(file));
      process.stdout.write(opts.json ? `${JSON.stringify(explanation, null, 2)}\n` : `${renderExplanation(explanation, file)}\n`);
    });
}

/** A figure theory cannot take (an infinite mean) is the user's input: exit 2 with its message. */
function explained(loaded: LoadedModel): Explanation {
  try {
    return explainModel(loaded);
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

const ms = (x: number | null, digits = 2) => (x === null ? 'unstable' : num(x, digits));

function loadLine(e: Explanation): string {
  const l = e.load;
  const mix = Object.entries(l.mix).filter(([, s]) => s > 0).map(([n, s]) => `${n} ${pct(s, 0)}`).join(', ');
  const response = e.responseMs === null ? 'unstable (a queue grows without bound)' : `${num(e.responseMs, 1)} ms`;
  const offered = l.type === 'closed'
    ? `${int(l.users ?? 0)} users thinking ${num(l.thinkSeconds, 2)} s (closed loop) → ~${num(e.throughput, 1)} req/s predicted`
    : l.type === 'none'
      ? 'no traffic'
      : `${num(e.throughput, 2)} req/s (${l.type === 'mixed' ? 'open + closed loop' : 'open loop'})`
        + (l.peakRequestsPerSecond !== null && l.peakRequestsPerSecond > l.requestsPerSecond * 1.001 ? `, peak ${num(l.peakRequestsPerSecond, 1)} req/s` : '');
  return [`offered load: ${offered}; mean response ${response}`, ...(mix ? [`mix: ${mix}`] : [])].join('\n');
}

function resourceTable(rows: readonly ResourceRow[]): string {
  return table(
    ['resource', 'role', 'units × servers', 'visits/req', 'visits/s', 'ms/visit', 'D ms/req', 'util', 'saturates at', 'time ms/req', 'verdict'],
    rows.map((r) => [
      r.id, r.role, `${int(r.units)} × ${+r.servers.toFixed(2)}`, num(r.visitsPerRequest, 2), num(r.throughput, 1), num(r.demandMsPerVisit, 3),
      num(r.demandMsPerRequest, 3), pct(r.utilisation), r.saturatesAt === null ? '–' : `${num(r.saturatesAt, 1)}/s`, ms(r.residenceMsPerRequest), r.verdict,
    ]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  );
}

function endpointTable(endpoints: readonly EndpointRow[], resources: readonly ResourceRow[]): string {
  const ids = resources.filter((r) => endpoints.some((e) => r.id in e.demandMs)).map((r) => r.id);
  return table(
    ['endpoint', 'share', 'req/s', ...ids.map((id) => `${id} ms`), 'delays ms', 'latency ms'],
    endpoints.map((e) => [
      e.name, pct(e.share), num(e.requestsPerSecond, 2), ...ids.map((id) => num(e.demandMs[id] ?? 0, 3)), num(e.delayMs, 3), ms(e.latencyMs),
    ]),
  );
}

/** Each distinct latency formula once, with the endpoints it applies to. */
function formulas(endpoints: readonly EndpointRow[]): string[] {
  const by = new Map<string, string[]>();
  for (const e of endpoints) by.set(e.formula, [...(by.get(e.formula) ?? []), e.name]);
  return [...by].map(([f, names]) => `  ${names.join(', ')}: ${f}`);
}

function cacheTable(e: Explanation): string[] {
  if (e.caches.length === 0) return [];
  const rows = e.caches.flatMap((c) => c.keys.map((k) => [
    c.name, k.key, int(k.keys), num(k.getsPerSecond, 2), num(k.deletesPerSecond, 2), pct(k.hitRatio), `${int(c.capacity)} ${c.eviction}${c.ttlSeconds === null ? '' : `, ttl ${c.ttlSeconds} s`}${c.stores > 1 ? `, ${c.stores} stores` : ''}`,
  ]));
  const methods = [...new Set(e.caches.map((c) => `${c.name}: ${c.method}`))];
  return ['', table(['cache', 'key', 'keys', 'gets/s', 'deletes/s', 'hit ratio', 'capacity'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'l']), ...methods.map((m) => `  ${m}`)];
}

function poolTable(e: Explanation): string[] {
  if (e.pools.length === 0) return [];
  return ['', table(
    ['pool', 'kind', 'per', 'holds', 'hold ms', 'in use', 'size', 'P(wait)', 'verdict'],
    e.pools.map((p) => [
      p.name, p.kind, p.tier === null ? 'shared' : `${p.tier} instance`, p.holds, ms(p.holdMs), p.inUse === null ? 'unbounded' : num(p.inUse, 2),
      p.overflow > 0 ? `${p.size} + ${p.overflow}` : String(p.size), p.pWait === null ? 'saturated' : pct(p.pWait, 2), p.verdict,
    ]),
    ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'],
  )];
}

export function renderExplanation(e: Explanation, file = e.model.file): string {
  const lines = [
    `${e.model.name} (${file}) — explained without simulating, model ${e.model.hash}`,
    `method: ${e.method}`,
    '',
    loadLine(e),
    '',
    e.resources.length > 0 ? resourceTable(e.resources) : 'no queueing resources: only delays',
    '',
    `bottleneck: ${e.bottleneck?.sentence ?? 'none (nothing is busy)'}`,
    `max throughput: ${e.maxThroughput?.sentence ?? 'unbounded (only delays: nothing saturates)'}`,
    '',
    endpointTable(e.endpoints, e.resources),
    'latency formulas:',
    ...formulas(e.endpoints),
    ...cacheTable(e),
    ...poolTable(e),
  ];
  if (e.warnings.length > 0) lines.push('', 'warnings:', ...e.warnings.map((w) => `  ! ${w}`));
  if (e.notes.length > 0) lines.push('', 'approximations:', ...e.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

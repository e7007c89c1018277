/**
 * The terminal form of a PlanResult: the plan with its cost and margin, the runners-up and
 * the near miss with why it fails, how much simulating the search saved against brute
 * force, and every configuration simulated. Plain text, so CI logs read like the terminal.
 */
import { formatSlo } from './evaluate.js';
import type { Candidate, PlanResult } from './types.js';

const money = (x: number | null, digits = 3) => (x === null ? '–' : `$${x.toFixed(digits)}`);
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function loadLine(r: PlanResult): string {
  const l = r.load;
  const parts = [...(l.rate === null ? [] : [`${+l.rate.toPrecision(6)} req/s open loop`]), ...(l.users === null ? [] : [`${l.users} closed-loop users`])];
  return `${parts.join(' + ') || 'the model\'s traffic'}${l.type === 'model' ? ' (the model\'s own load)' : ''}`;
}

function configText(r: PlanResult, c: Candidate): string {
  return r.knobs.map((k) => `${k.id} ${c.config[k.id]}`).join(', ');
}

function margin(r: PlanResult, c: Candidate): string {
  return c.slo.map((o, i) => {
    const spec = r.slos[i]!;
    if (o.value === null) return `${spec.metric}: nothing succeeded`;
    const room = o.headroom === null ? '' : `: ${pct(o.headroom)} headroom`;
    return `${spec.metric} ${formatSlo(spec, o.value)} vs ${formatSlo(spec, spec.threshold)}${room}`;
  }).join('; ');
}

const busiest = (c: Candidate) => (c.busiest === null ? '–' : `${c.busiest.component} ${pct(c.busiest.utilisation, 0)}`);

function planBlock(r: PlanResult): string[] {
  const p = r.plan;
  if (p === null) return ['no configuration found that meets the SLOs'];
  const knobs = table(['knob', 'plan', 'model'], r.knobs.map((k) => [k.id, String(p.config[k.id]), String(k.model)]));
  return [
    `cheapest configuration meeting the SLOs: ${money(p.costPerHour)}/h, ${money(p.costPerMillion, 2)} per million requests (${r.currency})`,
    '', knobs, '',
    `margin: ${margin(r, p)}`,
    `busiest component: ${busiest(p)} utilised`,
  ];
}

function runnersUp(r: PlanResult): string[] {
  const out: string[] = [];
  for (const c of r.runnersUp) out.push(`  next cheapest passing: ${configText(r, c)} — ${money(c.costPerHour)}/h; ${margin(r, c)}`);
  const m = r.nearMiss;
  if (m !== null) out.push(`  ${r.plan === null ? 'closest try' : 'near miss (no dearer, fails)'}: ${configText(r, m)} — ${money(m.costPerHour)}/h; ${m.why ?? 'passes'}`);
  return out.length === 0 ? [] : ['', 'runners-up:', ...out];
}

function searchBlock(r: PlanResult): string[] {
  const s = r.search;
  const reps = r.settings.replications;
  const bounds = r.knobs.map((k) => `${k.id} >= ${k.bound}${k.boundReason ? ` (${k.boundReason})` : ''}`);
  return [
    '',
    `search: ${plural(s.evaluations, 'configuration')} simulated × ${plural(reps, 'replication')} + ${plural(s.pilotRuns, 'pilot run')} = ${plural(s.simulations, 'simulation')}; `
      + `brute force over the ${plural(s.gridSize, 'configuration')} grid would take ${plural(s.bruteForceSimulations, 'simulation')}`,
    `  skipped without simulating: ${s.ruledOutByBounds} over the utilisation bound, ${s.prunedFailing} with no more capacity than a failure, `
      + `${s.prunedSaturated} short of a resource saturated in a failure; stopped: ${s.stoppedBy}`,
    `  bounds (utilisation < ${pct(r.settings.maxUtilisation, 0)} at ${+r.load.boundThroughput.toPrecision(4)} req/s): ${bounds.join('; ')}`,
  ];
}

function evaluatedTable(r: PlanResult): string[] {
  const latency = r.slos.find((s) => s.metric !== 'errors' && s.metric !== 'throughput')?.metric ?? 'p95';
  const key = `${latency === 'mean' ? 'mean' : latency}Ms` as 'p95Ms';
  const rows = r.evaluated.map((c, i) => [
    String(i + 1), ...r.knobs.map((k) => String(c.config[k.id])), money(c.costPerHour),
    c.figures[key] === null ? '–' : c.figures[key]!.toFixed(1), pct(c.figures.errorRate, 2), busiest(c), c.pass ? 'pass' : 'fail',
  ]);
  return ['', 'simulated, in order:', table(['#', ...r.knobs.map((k) => k.id), '$/h', `${latency} ms`, 'errors', 'busiest', 'SLOs'], rows)];
}

export function renderPlanText(r: PlanResult): string {
  const s = r.settings;
  const judged = s.verdict === 'mean' ? 'the mean' : 'the pessimistic end of the 95% interval';
  return [
    `plan for ${r.model.name} (${r.model.file}) at ${loadLine(r)}; SLOs: ${r.slos.map((x) => x.text).join(', ')}`,
    `each configuration: ${plural(s.replications, 'replication')} (common random numbers) of ${s.duration}s after ${s.warmup}s warm-up, judged on ${judged}`,
    '',
    ...planBlock(r),
    ...runnersUp(r),
    ...searchBlock(r),
    ...evaluatedTable(r),
    ...(r.notes.length === 0 ? [] : ['', ...r.notes.map((n) => `note: ${n}`)]),
  ].join('\n');
}

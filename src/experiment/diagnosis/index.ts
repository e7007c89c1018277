/**
 * Diagnosis in plain words, per strategy: every rule's findings, most important first
 * (the bottleneck, exhausted pools, growing queues, database time, then the SLO story).
 */
import type { Diagnosis } from '../results.js';
import { busyRule } from './busy.js';
import { dbTimeRule } from './db-time.js';
import { growingQueueRule } from './growing-queue.js';
import { poolRule } from './pool.js';
import { errorSloRule, kneeRule } from './slo-rules.js';
import type { DiagnosisInput, Rule } from './types.js';

export type { DiagnosisInput, Finding, Rule } from './types.js';

export const RULES: readonly Rule[] = [busyRule, poolRule, growingQueueRule, dbTimeRule, errorSloRule, kneeRule];

export function diagnose(input: DiagnosisInput): Diagnosis {
  // Array.prototype.sort is stable: equal ranks keep the order the rules produced them in.
  const findings = RULES.flatMap((rule) => rule(input)).sort((a, b) => a.rank - b.rank);
  return { strategy: input.strategy, findings: findings.map((f) => f.text) };
}

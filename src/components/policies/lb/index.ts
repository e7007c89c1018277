/**
 * The load-balancing policies by their YAML name. The load_balancer schema's `policy` enum is
 * derived from this table, so a policy added here is offered in YAML and the JSON Schema.
 */
import { hashed } from './hash.js';
import { leastConnections } from './least-connections.js';
import type { LbPolicy } from './policy.js';
import { powerOfTwoChoices } from './power-of-two.js';
import { randomChoice } from './random.js';
import { roundRobin } from './round-robin.js';
import { weightedRoundRobin } from './weighted-round-robin.js';

export const LB_POLICIES = {
  round_robin: roundRobin,
  weighted_round_robin: weightedRoundRobin,
  least_connections: leastConnections,
  random: randomChoice,
  power_of_two_choices: powerOfTwoChoices,
  hash: hashed,
} as const satisfies Record<string, LbPolicy>;

export type LbPolicyName = keyof typeof LB_POLICIES;

export const LB_POLICY_NAMES = Object.keys(LB_POLICIES) as [LbPolicyName, ...LbPolicyName[]];

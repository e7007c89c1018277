/**
 * zod issues → catalogue errors. Each issue kind gets the message a YAML author needs:
 * unknown keys with did-you-mean over the allowed keys, enum values with the list of
 * choices, a failed union reduced to the one branch the user evidently meant (never zod's
 * wall of alternatives), and a missing field pointed at the mapping it belongs in.
 */
import type { z } from 'zod';
import { ModelError, type ErrorCode } from './errors.js';
import { describeValue, formatPath, listOf, type PathSegment } from './format.js';
import { isMissing, valueAt } from './data-path.js';
import { positionOf, type Position } from './positions.js';
import type { LoadedDocument } from './load.js';
import { keyedUnions } from './schema/keyed.js';
import { isSimIssue, simOf, type SimIssue } from './schema/issue.js';
import { didYouMean, suggest } from './suggest.js';

type Issue = z.core.$ZodIssue;

/** What the error map saw of each issue before zod dropped it: the schema that raised it. */
export interface IssueSideTable {
  schemas: z.core.$ZodType[];
}

export interface IssueContext {
  file: string;
  data: unknown;
  located: Pick<LoadedDocument, 'doc' | 'lineCounter'> | undefined;
  side: IssueSideTable;
  /** Paths whose error explains everything below them (see SimIssue.subsumes). */
  subsuming?: Set<string>;
  /** Fields reported missing only because they are misspelt (`max_conections`). */
  misspelt?: Set<string>;
}

/** zod's error-map hook: remember the raising schema and tag the issue with its index. */
export function recordingErrorMap(side: IssueSideTable) {
  return (iss: z.core.$ZodRawIssue): { message: string } => {
    side.schemas.push(iss.inst as z.core.$ZodType);
    return { message: `\u0000sim#${side.schemas.length - 1}` };
  };
}

function schemaOf(issue: Issue, side: IssueSideTable): z.core.$ZodType | undefined {
  const m = /^\u0000sim#(\d+)$/.exec(issue.message);
  return m ? side.schemas[Number(m[1])] : undefined;
}

function ownMessage(issue: Issue): string | undefined {
  return issue.message.startsWith('\u0000sim#') ? undefined : issue.message;
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: 'a string', number: 'a number', int: 'an integer', boolean: 'true or false', bigint: 'an integer',
  object: 'a mapping', record: 'a mapping', map: 'a mapping', array: 'a list', tuple: 'a list', set: 'a list',
  null: 'null', undefined: 'nothing', never: 'nothing here', nonoptional: 'a value', date: 'a date',
};

/** Converts every issue of a failed parse, in zod's order (ModelErrors sorts them). */
export function issuesToErrors(issues: readonly Issue[], ctx: IssueContext): ModelError[] {
  const subsuming = new Set<string>();
  const misspelt = new Set<string>();
  const errors = issues.flatMap((issue) => convert(issue, [], { ...ctx, subsuming, misspelt }));
  const below = (e: ModelError) => [...subsuming].some((p) => e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`));
  // One typo, one error: the unknown-field message already names the missing field.
  const typo = (e: ModelError) => e.code === 'SIM_E_MISSING_FIELD' && misspelt.has(e.path);
  return errors.filter((e) => !below(e) && !typo(e));
}

function convert(issue: Issue, prefix: readonly PathSegment[], ctx: IssueContext, atKey = false): ModelError[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const own = ownMessage(issue);
  const make = (code: ErrorCode, fields: Omit<SimIssue, 'code'>) =>
    error(ctx, code, path, { ...(own !== undefined && { detail: own }), ...fields, atKey: atKey || fields.atKey === true });
  if (issue.code === 'unrecognized_keys') return unknownKeys(issue, path, ctx);
  if (issue.code === 'invalid_union' && issue.discriminator === undefined && issue.errors.length > 0) {
    return union(issue, path, ctx);
  }
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
    // A bad mapping key is reported at the key, not at its value.
    return issue.issues.flatMap((inner) => convert(inner, path, ctx, issue.code === 'invalid_key'));
  }
  const expected = expectedOf(issue, ctx);
  if (isMissing(ctx.data, path)) return [missing(ctx, path, expected)];
  // What the user wrote beats what a transform saw (`"-4ms"`, not -0.004).
  const written = valueAt(ctx.data, path);
  const keyish = atKey || (issue.code === 'custom' && simOf(issue)?.atKey === true);
  const shown = keyish ? path.at(-1) : written.found ? written.value : issue.input;
  const got = shown === undefined ? undefined : describeValue(shown);
  switch (issue.code) {
    case 'custom': {
      const sim = simOf(issue) ?? {};
      if (sim.subsumes) ctx.subsuming?.add(formatPath(path));
      // A bare `.refine(fn, 'message')` speaks through its message; ours through `sim`.
      const detail = isSimIssue(issue) ? sim.detail : own;
      return [make(sim.code ?? 'SIM_E_INVALID_VALUE', { got, ...sim, detail })];
    }
    case 'invalid_value': {
      const choices = issue.values.filter((v) => typeof v === 'string');
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, choices) : undefined;
      return [make('SIM_E_INVALID_VALUE', { expected, got, ...(hint && { hint }) })];
    }
    case 'invalid_union': {
      // Only z.xor-style unions fail by matching twice; tell the user it is ambiguous.
      if (issue.discriminator === undefined) {
        return [make('SIM_E_INVALID_VALUE', { detail: 'this matches more than one alternative', got })];
      }
      // A discriminated union whose tag names no branch; the path ends at the tag.
      const tag = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
      const hint = typeof tag === 'string' ? didYouMean(tag, unionOptions(issue).map(String)) : undefined;
      const detail = `unknown ${issue.discriminator} ${typeof tag === 'string' ? `\`${tag}\`` : describeValue(tag)}`;
      return [make('SIM_E_UNKNOWN_KIND', { detail, expected, ...(hint && { hint }) })];
    }
    case 'invalid_type': {
      const example = keyedMeta(issue, ctx)?.example;
      const hint = example === undefined ? undefined : `write it as a mapping, e.g. \`${example}\``;
      return [make('SIM_E_INVALID_TYPE', { expected, got, ...(hint && { hint }) })];
    }
    default:
      return [make('SIM_E_INVALID_VALUE', { expected, got })];
  }
}

function missing(ctx: IssueContext, path: readonly PathSegment[], expected: string | undefined): ModelError {
  const parent = formatPath(path.slice(0, -1));
  const hint = `add \`${String(path.at(-1))}:\` ${parent === '' ? 'at the top level' : `under \`${parent}\``}`;
  return error(ctx, 'SIM_E_MISSING_FIELD', path, { ...(expected && { expected }), hint });
}

function keyedMeta(issue: Issue, ctx: IssueContext) {
  const schema = schemaOf(issue, ctx.side);
  return schema === undefined ? undefined : keyedUnions.get(schema);
}

/** The text after "expected " for an issue, when zod tells us enough to write one. */
function expectedOf(issue: Issue, ctx: IssueContext): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const keyed = keyedMeta(issue, ctx);
      if (keyed !== undefined) return `a ${keyed.noun}: a mapping with one key among: ${listOf(keyed.kinds)}`;
      return TYPE_NOUNS[issue.expected] ?? issue.expected;
    }
    case 'invalid_value': return issue.values.length === 1 ? describeValue(issue.values[0]) : `one of: ${listOf(issue.values)}`;
    case 'invalid_union': return unionOptions(issue).length === 0 ? undefined : `one of: ${listOf(unionOptions(issue))}`;
    case 'too_small': return bound(issue.origin, issue.inclusive ? '>=' : '>', issue.minimum, 'at least');
    case 'too_big': return bound(issue.origin, issue.inclusive ? '<=' : '<', issue.maximum, 'at most');
    case 'invalid_format': return issue.pattern !== undefined ? `a string matching ${issue.pattern}` : `a valid ${issue.format}`;
    case 'not_multiple_of': return `a multiple of ${issue.divisor}`;
    case 'custom': return simOf(issue)?.expected;
    default: return undefined;
  }
}

/** The tag values of a discriminated union (only the no-match variant carries them). */
function unionOptions(issue: z.core.$ZodIssueInvalidUnion): readonly unknown[] {
  return 'options' in issue ? (issue.options ?? []) : [];
}

function bound(origin: string, op: string, limit: number | bigint, words: string): string {
  if (origin === 'array' || origin === 'set') return `${words} ${limit} item${limit === 1 ? '' : 's'}`;
  if (origin === 'string') return `${words} ${limit} character${limit === 1 ? '' : 's'}`;
  return `${origin === 'int' || origin === 'bigint' ? 'an integer' : 'a number'} ${op} ${limit}`;
}

function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, path: PathSegment[], ctx: IssueContext): ModelError[] {
  const schema = schemaOf(issue, ctx.side);
  const allowed = schema !== undefined && 'shape' in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  const noun = keyedMeta(issue, ctx)?.noun;
  return issue.keys.map((key) => {
    const meant = suggest(key, allowed);
    const hint = meant === undefined ? undefined : `did you mean \`${meant}\`?`;
    if (meant !== undefined) ctx.misspelt?.add(formatPath([...path, meant]));
    const fields = {
      detail: noun === undefined ? `unknown field \`${key}\`` : `unknown ${noun} \`${key}\``,
      ...(allowed.length > 0 && { expected: `one of: ${listOf(allowed)}` }),
      ...(hint && { hint }),
      atKey: true,
    };
    return error(ctx, noun === undefined ? 'SIM_E_UNKNOWN_FIELD' : 'SIM_E_UNKNOWN_KIND', [...path, key], fields);
  });
}

/** A union failed: keep the branches whose top-level type fits, then the one that got furthest. */
function union(issue: z.core.$ZodIssueInvalidUnion, path: PathSegment[], ctx: IssueContext): ModelError[] {
  const fitting = issue.errors.filter((branch) => !branch.some(isRootTypeMismatch));
  if (fitting.length === 0) {
    const each = issue.errors.flatMap((b) => b.filter(isRootTypeMismatch).map((i) => expectedOf(i, ctx)));
    const expected = [...new Set(each.filter((e) => e !== undefined))].join(', or ') || undefined;
    if (isMissing(ctx.data, path)) return [missing(ctx, path, expected)];
    return [error(ctx, 'SIM_E_INVALID_TYPE', path, { ...(expected && { expected }), got: describeValue(issue.input) })];
  }
  const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = fitting.reduce((a, b) => (depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a));
  return best.flatMap((inner) => convert(inner, path, ctx));
}

function isRootTypeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  return issue.code === 'invalid_type' || (issue.code === 'custom' && simOf(issue)?.code === 'SIM_E_INVALID_TYPE');
}

function error(ctx: IssueContext, code: ErrorCode, path: readonly PathSegment[], f: Omit<SimIssue, 'code'>): ModelError {
  const at: Position | undefined = ctx.located && positionOf(ctx.located, path, f.atKey ? 'key' : 'value');
  const { detail, expected, got, hint } = f;
  return new ModelError({ code, file: ctx.file, path, ...at, detail, expected, got, hint });
}

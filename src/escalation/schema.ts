import * as z from 'zod/mini';
import { phraseProblem, wordKey } from './phrases';

/**
 * The escalation rules (knowledge/escalation.yaml) as data. This module has no YAML and no Node in it:
 * the sidebar reads the rules compiled to JSON at build time through `parseRulesJson`.
 */

/** Ascending: an index comparison says which of two levels is higher. */
export const LEVELS = ['low', 'medium', 'high'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'ids are lower-case letters, digits and "-"' }));
const Text = z.string().check(z.minLength(1), z.maxLength(1_000));
/** YAML reads an unquoted `1` as a number; as a priority or a tag it is still a word. */
const Word = z.pipe(z.union([z.string(), z.number()]), z.transform((value) => String(value)));
const Language = z.string().check(z.regex(/^[a-z]{2,3}$/, { error: 'languages are BCP 47 primary subtags: en, ar, he' }));

/**
 * ITIL's two escalation paths: functional goes to the people with the skills (Security, SRE), hierarchical
 * goes up to the people with the authority (an account's manager, a duty manager).
 */
export const PATH_KINDS = ['functional', 'hierarchical'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

const Team = z.strictObject({
  id: Id,
  name: Text,
  /** How an escalation reaches the team: a helpdesk group, a queue, a pager. */
  path: z.optional(Text),
  kind: z.optional(z.enum(PATH_KINDS)),
});

const SeverityTarget = z.strictObject({
  name: Text,
  responseMinutes: z.number().check(z.positive()),
  escalate: z.boolean(),
  /** Who is told of every ticket at this severity, whichever team takes it: the hierarchical path. */
  notify: z.optional(Text),
});

/** `ceo@example.com`, or `@example.com` for everyone at that domain. */
const RequesterPattern = z.string().check(
  z.regex(/^[^\s@]*@[^\s@]+\.[^\s@]+$/, { error: 'requesters are e-mail addresses or @domains' }),
);

/** A customer tier (VIP, enterprise): known by the ticket's tags or by who wrote it. */
const Tier = z.strictObject({
  id: Id,
  name: Text,
  tags: z.optional(z.array(Word)),
  requesters: z.optional(z.array(RequesterPattern)),
});
export type Tier = z.infer<typeof Tier>;

const Count = z.number().check(z.int(), z.positive());

const ByUrgency = z.strictObject({ high: Severity, medium: Severity, low: Severity });

const Trigger = z.strictObject({
  id: Id,
  description: z.optional(Text),
  priority: z.optional(z.array(Word)),
  status: z.optional(z.array(Word)),
  tags: z.optional(z.array(Word)),
  phrases: z.optional(z.record(Language, z.array(Text))),
  /** The requester is in one of these tiers. */
  tier: z.optional(z.array(Id)),
  /** At least this share of the response target has passed since the ticket was created: 1 is a breach. */
  slaElapsed: z.optional(z.number().check(z.positive(), z.lte(100))),
  /** The ticket was reopened at least this many times (where the helpdesk shows it). */
  minReopens: z.optional(Count),
  /** The customer wrote at least this many messages on the ticket (where the helpdesk shows it). */
  minContacts: z.optional(Count),
  /** `false`: the phrases do not count inside a how-to question (see `questions`). */
  inQuestions: z.optional(z.boolean()),
  /** Also required: an amount of money at least this large in the ticket (any currency). */
  minAmount: z.optional(z.number().check(z.positive())),
  impact: z.optional(Level),
  urgency: z.optional(Level),
  team: z.optional(Id),
  /** Escalate to the team whatever the severity. */
  escalate: z.optional(z.boolean()),
  checklist: z.optional(z.array(Text)),
});
export type Trigger = z.infer<typeof Trigger>;

export const RulesSchema = z.strictObject({
  teams: z.array(Team).check(z.minLength(1)),
  severities: z.strictObject({ P1: SeverityTarget, P2: SeverityTarget, P3: SeverityTarget, P4: SeverityTarget }),
  /** impact -> urgency -> severity */
  matrix: z.strictObject({ high: ByUrgency, medium: ByUrgency, low: ByUrgency }),
  /** The helpdesk's priority names and numbers, by the urgency they stand for. */
  priorities: z.strictObject({ high: z.array(Word), medium: z.array(Word), low: z.array(Word) }),
  defaults: z.strictObject({ impact: Level, urgency: Level, team: Id }),
  /** Asked before any escalation. */
  checklist: z.array(Text),
  tiers: z.optional(z.array(Tier)),
  /** How how-to questions start, by language ("how do", "كيف", "איך"). */
  questions: z.optional(z.record(Language, z.array(Text))),
  /** Words that make a how-to question a report of something that happened ("was", "تم", "קרה"), by language. */
  reports: z.optional(z.record(Language, z.array(Text))),
  triggers: z.array(Trigger),
});

/**
 * The rules as checked. `warnings` is set only on rules that stand in for a file that could not be used
 * (`parseRules` with a fallback): the sidebar shows them next to the guidance.
 */
export type Rules = z.infer<typeof RulesSchema> & { warnings?: readonly string[] };

/** Rule ids the evaluation uses for reasons and checklist items that come from no trigger. */
export const PRIORITY_RULE = 'priorities';
export const CHECKLIST_RULE = 'checklist';

export type Path = readonly PropertyKey[];

export interface RulesProblem {
  path: Path;
  message: string;
  line?: number;
}

/** `triggers[3].team` */
export function formatPath(path: Path): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function formatProblem(file: string, problem: RulesProblem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return problem.path.length === 0 ? `${where}: ${problem.message}` : `${where}: ${formatPath(problem.path)}: ${problem.message}`;
}

export class RulesError extends Error {
  readonly file: string;
  readonly problems: readonly RulesProblem[];

  constructor(file: string, problems: readonly RulesProblem[]) {
    super(problems.map((problem) => formatProblem(file, problem)).join('\n'));
    this.name = 'RulesError';
    this.file = file;
    this.problems = problems;
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value) ?? typeof value;
}

function kind(expected: string): string {
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

/** zod/mini carries no message texts: these say what was expected and what the file has instead. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): RulesProblem[] {
  const value = valueAt(data, issue.path);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field' }));
  if (value === undefined && issue.code !== 'invalid_key') return [{ path: issue.path, message: 'missing' }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ path: issue.path, message: `expected ${kind(issue.expected)}, got ${show(value)}` }];
    case 'invalid_union': {
      // An alternative whose type fitted and whose contents did not says best what is wrong.
      const fitted = issue.errors.find((branch) => branch.length > 0 && branch.every((sub) => sub.path.length > 0));
      if (fitted) return fitted.flatMap((sub) => describeIssue({ ...sub, path: [...issue.path, ...sub.path] }, data));
      const kinds = issue.errors.flatMap((branch) => branch.flatMap((sub) => (sub.code === 'invalid_type' && sub.path.length === 0 ? [kind(sub.expected)] : [])));
      return [{ path: issue.path, message: `expected ${[...new Set(kinds)].join(' or ') || 'another value'}, got ${show(value)}` }];
    }
    case 'invalid_value':
      return [{ path: issue.path, message: `expected one of ${issue.values.map(String).join(', ')}, got ${show(value)}` }];
    case 'too_small':
      if (issue.origin === 'string') return [{ path: issue.path, message: 'must not be empty' }];
      if (issue.origin === 'array') return [{ path: issue.path, message: `needs at least ${String(issue.minimum)}` }];
      return [{ path: issue.path, message: `must be more than ${String(issue.minimum)}, got ${show(value)}` }];
    case 'too_big':
      return [{ path: issue.path, message: `too long (at most ${String(issue.maximum)})` }];
    case 'invalid_key':
    case 'invalid_format':
      return [{ path: issue.path, message: `${issue.message}, got ${show(issue.code === 'invalid_key' ? issue.path.at(-1) : value)}` }];
    default:
      return [{ path: issue.path, message: issue.message }];
  }
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [i];
    seen.add(k);
    return [];
  });
}

/** What the schema cannot say: references between sections, and conditions that can never match. */
function crossCheck(rules: Rules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const teamIds = rules.teams.map((team) => team.id);
  const unknownTeam = (id: string) => `unknown team "${id}" (teams: ${teamIds.join(', ')})`;

  for (const i of duplicates(rules.teams, (team) => team.id)) {
    problems.push({ path: ['teams', i, 'id'], message: `duplicate team id "${rules.teams[i]?.id}"` });
  }
  if (!teamIds.includes(rules.defaults.team)) problems.push({ path: ['defaults', 'team'], message: unknownTeam(rules.defaults.team) });

  const listed = new Map<string, string>();
  for (const level of LEVELS) {
    rules.priorities[level].forEach((name, i) => {
      const key = wordKey(name);
      const other = listed.get(key);
      if (other !== undefined && other !== level) {
        problems.push({ path: ['priorities', level, i], message: `"${name}" is listed under ${other} too` });
      }
      listed.set(key, level);
    });
  }

  for (const section of ['questions', 'reports'] as const) {
    for (const [language, list] of Object.entries(rules[section] ?? {})) {
      list.forEach((phrase, j) => {
        const problem = phraseProblem(phrase);
        if (problem) problems.push({ path: [section, language, j], message: `"${phrase}" ${problem}` });
      });
    }
  }

  const tiers = rules.tiers ?? [];
  const tierIds = tiers.map((tier) => tier.id);
  for (const i of duplicates(tiers, (tier) => tier.id)) {
    problems.push({ path: ['tiers', i, 'id'], message: `duplicate tier id "${tiers[i]?.id}"` });
  }
  tiers.forEach((tier, i) => {
    if (!tier.tags?.length && !tier.requesters?.length) problems.push({ path: ['tiers', i], message: 'matches nobody: give tags or requesters' });
  });

  for (const i of duplicates(rules.triggers, (trigger) => trigger.id)) {
    problems.push({ path: ['triggers', i, 'id'], message: `duplicate trigger id "${rules.triggers[i]?.id}"` });
  }
  rules.triggers.forEach((trigger, i) => {
    if (trigger.id === PRIORITY_RULE || trigger.id === CHECKLIST_RULE) {
      problems.push({ path: ['triggers', i, 'id'], message: `"${trigger.id}" is reserved` });
    }
    if (trigger.team !== undefined && !teamIds.includes(trigger.team)) {
      problems.push({ path: ['triggers', i, 'team'], message: unknownTeam(trigger.team) });
    }
    trigger.tier?.forEach((id, j) => {
      if (!tierIds.includes(id)) problems.push({ path: ['triggers', i, 'tier', j], message: `unknown tier "${id}" (tiers: ${tierIds.join(', ') || 'none'})` });
    });
    const phrases = Object.entries(trigger.phrases ?? {});
    const conditions =
      [trigger.priority, trigger.status, trigger.tags, trigger.tier].some((list) => list?.length) ||
      phrases.some(([, list]) => list.length > 0) ||
      [trigger.slaElapsed, trigger.minReopens, trigger.minContacts].some((value) => value !== undefined);
    if (!conditions) {
      problems.push({ path: ['triggers', i], message: 'has no condition: give priority, status, tags, phrases, tier, slaElapsed, minReopens or minContacts' });
    }
    if (trigger.impact === undefined && trigger.urgency === undefined && trigger.team === undefined && trigger.escalate === undefined) {
      problems.push({ path: ['triggers', i], message: 'changes nothing: give impact, urgency, team or escalate' });
    }
    for (const [language, list] of phrases) {
      list.forEach((phrase, j) => {
        const problem = phraseProblem(phrase);
        if (problem) problems.push({ path: ['triggers', i, 'phrases', language, j], message: `"${phrase}" ${problem}` });
      });
    }
  });
  return problems;
}

/** The rules as the build ships them: with the warnings about a user's file that they stand in for. */
const ShippedRulesSchema = z.extend(RulesSchema, { warnings: z.optional(z.array(z.string())) });

/** Validates parsed data; the problems carry paths, which the caller may turn into lines. */
export function validateRules(
  data: unknown,
  schema: typeof RulesSchema | typeof ShippedRulesSchema = RulesSchema,
): { rules: Rules; problems?: undefined } | { rules?: undefined; problems: RulesProblem[] } {
  const result = schema.safeParse(data);
  if (!result.success) return { problems: result.error.issues.flatMap((issue) => describeIssue(issue, data)) };
  const problems = crossCheck(result.data);
  return problems.length > 0 ? { problems } : { rules: result.data };
}

/** The rules as compiled at build time (`kb/rules.json`), with the build's warnings if it had any. */
export function parseRulesJson(json: string, fileName: string): Rules {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new RulesError(fileName, [{ path: [], message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const { rules, problems } = validateRules(data, ShippedRulesSchema);
  if (problems) throw new RulesError(fileName, problems);
  return rules;
}

/** A fault in reading rules as lines that name the file (and the line where known), for a warning. */
export function faultLines(error: unknown, fileName: string): string[] {
  return error instanceof RulesError ? error.message.split('\n') : [`${fileName}: ${error instanceof Error ? error.message : String(error)}`];
}

/**
 * The sidebar's reading of the shipped rules, which never throws: a file it cannot use gives no rules, and
 * warnings saying why for the escalation panel to show in place of the guidance.
 */
export function readRulesJson(json: string, fileName: string): { rules: Rules; warnings?: undefined } | { rules: null; warnings: readonly string[] } {
  try {
    return { rules: parseRulesJson(json, fileName) };
  } catch (error) {
    return { rules: null, warnings: [`${fileName} could not be used: no escalation guidance until the extension is rebuilt.`, ...faultLines(error, fileName)] };
  }
}

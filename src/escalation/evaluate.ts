import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';
import { cleanText, normalize } from '../text/normalize';
import { findAmounts } from './amounts';
import type { Amount } from './amounts';
import { compileRules, isNamed } from './compile';
import type { CompiledTrigger } from './compile';
import { hasPhrase, wordKey } from './phrases';
import { withoutHowToQuestions } from './questions';
import { CHECKLIST_RULE, LEVELS, PRIORITY_RULE, SEVERITIES } from './schema';
import type { Level, PathKind, Rules, Severity, Trigger } from './schema';
import { slaState } from './sla';
import type { Sla } from './sla';
import { tiersOf } from './tiers';

export type { Sla } from './sla';

export interface Reason {
  /** A trigger id, or `priorities`. */
  rule: string;
  /** What matched: the phrase and where, the tag, the priority, the amount. */
  detail: string;
}

/**
 * One thing to do or collect before escalating, with where it comes from: a trigger (`rule` is its id, or
 * `checklist` for the rules' general list) or a suggested article's escalation hint.
 */
export type ChecklistItem =
  | { text: string; from: 'rules'; rule: string }
  | { text: string; from: 'article'; article: { id: string; title: string } };

export interface Guidance {
  escalate: boolean;
  severity: Severity;
  /** Team id from the rules; '' when the ticket does not escalate. */
  team: string;
  teamName?: string;
  /** How an escalation reaches the team, from the rules. */
  teamPath?: string;
  /** Functional (to the skills) or hierarchical (up to authority); set when the ticket escalates. */
  pathKind?: PathKind;
  /** Who is told at this severity besides the team: the hierarchical path. Set when the ticket escalates. */
  notify?: string;
  /** The requester's customer tier, when the rules' tiers place them. */
  tier?: { id: string; name: string };
  /** Strongest first. */
  reasons: Reason[];
  checklist: ChecklistItem[];
  sla: Sla;
  /** Why the rules in use are not the ones the user gave (a broken rules file): shown with the guidance. */
  warnings: readonly string[];
}

/**
 * The ticket fields the rules look at: a full `Ticket` qualifies, so does a ticket read from a file.
 * `reopens` and `contacts` are counts some helpdesks show (times reopened, messages from the customer).
 */
export type EscalationTicket = Pick<Ticket, 'subject' | 'latestMessage' | 'thread' | 'tags' | 'priority' | 'status' | 'createdAt'> & {
  requester?: Ticket['requester'];
  reopens?: number;
  contacts?: number;
};

interface Text {
  label: string;
  text: string;
  /** The text without how-to questions, for triggers whose phrases do not count there; made when first needed. */
  statements?: string;
}

interface Match {
  trigger: Trigger;
  order: number;
  /** The severity the trigger would give on its own: the strongest trigger names the team. */
  strength: number;
  details: string[];
}

const PHRASES_SHOWN = 3;
const SUBJECT = 'subject';
const MINUTE_MS = 60_000;

const higher = (level: Level, other: Level | undefined): Level =>
  other !== undefined && LEVELS.indexOf(other) > LEVELS.indexOf(level) ? other : level;

function urgencyOfPriority(rules: Rules, priority: string | undefined): Level | undefined {
  if (priority === undefined) return undefined;
  return compileRules(rules).priorities.find(({ names }) => isNamed(priority, names))?.level;
}

/** The conditions read from the ticket alone; the SLA condition depends on the severity and comes later. */
function ticketConditions(
  compiled: CompiledTrigger,
  ticket: EscalationTicket,
  texts: readonly Text[],
  tiers: ReadonlyMap<string, string>,
  statements: (text: Text) => string,
): string[] {
  const { trigger } = compiled;
  const details: string[] = [];
  if (ticket.priority !== undefined && isNamed(ticket.priority, compiled.priority)) details.push(`priority "${cleanText(ticket.priority)}"`);
  if (ticket.status !== undefined && isNamed(ticket.status, compiled.status)) details.push(`status "${cleanText(ticket.status)}"`);
  for (const tag of ticket.tags) {
    // Tags are compared whole: a tag "security-training" is not the tag "security".
    if (compiled.tags.has(wordKey(tag))) details.push(`tag "${cleanText(tag)}"`);
  }
  for (const id of trigger.tier ?? []) {
    const name = tiers.get(id);
    if (name !== undefined) details.push(`customer tier ${name}`);
  }
  if (trigger.minReopens !== undefined && (ticket.reopens ?? 0) >= trigger.minReopens) details.push(`reopened ${ticket.reopens} times`);
  if (trigger.minContacts !== undefined && (ticket.contacts ?? 0) >= trigger.minContacts) details.push(`${ticket.contacts} messages from the customer`);
  let shown = 0;
  const searched = phraseTexts(compiled, texts, statements);
  for (const matcher of compiled.phrases) {
    if (shown === PHRASES_SHOWN) break;
    const where = searched.find(({ text }) => hasPhrase(text, matcher));
    if (where) {
      details.push(`"${matcher.phrase}" in ${where.label}`);
      shown += 1;
    }
  }
  return details;
}

/**
 * The texts a trigger's phrases are looked for in. With `inQuestions: false`, the statements only; and when the
 * message mentions what the trigger looks for only in how-to questions, the subject is that question's title
 * and does not count either: "Data breach policy" over "Where can I find your data breach policy?".
 */
function phraseTexts(
  { trigger, phrases }: CompiledTrigger,
  texts: readonly Text[],
  statements: (text: Text) => string,
): readonly { label: string; text: string }[] {
  if (trigger.inQuestions !== false) return texts;
  const stated = texts.map((text) => ({ label: text.label, text: statements(text) }));
  const mentions = (list: readonly { label: string; text: string }[]) =>
    list.some(({ label, text }) => label !== SUBJECT && phrases.some((matcher) => hasPhrase(text, matcher)));
  return mentions(texts) && !mentions(stated) ? stated.filter(({ label }) => label !== SUBJECT) : stated;
}

function slaDetail(elapsed: number, targetMinutes: number): string {
  return elapsed >= 1
    ? `the ${targetMinutes} min response target has passed`
    : `${Math.floor(elapsed * 100)}% of the ${targetMinutes} min response target has passed`;
}

/**
 * Escalation guidance for a ticket: severity from impact x urgency, where to escalate and by which path, why,
 * what to do first, and the response target. Pure: the same rules, ticket and `now` give the same guidance.
 * `articles` are the suggested articles; their owners' escalation hints join the checklist.
 */
export function evaluate(rules: Rules, ticket: EscalationTicket, opts: { now: Date; articles?: readonly Article[] }): Guidance {
  const texts: Text[] = [
    { label: SUBJECT, text: normalize(ticket.subject) },
    { label: 'latest message', text: normalize(ticket.latestMessage) },
    { label: 'thread', text: normalize(ticket.thread) },
  ];
  let found: Amount[] | undefined;
  const amounts = () => (found ??= texts.flatMap(({ text }) => findAmounts(text)));
  const tiers = tiersOf(rules, ticket);
  const tierNames = new Map(tiers.map(({ tier }) => [tier.id, tier.name]));

  const fromPriority = urgencyOfPriority(rules, ticket.priority);
  const baseUrgency = fromPriority ?? rules.defaults.urgency;
  const severityOf = (impact: Level, urgency: Level) => rules.matrix[impact][urgency];
  const { triggers: compiled, questions } = compileRules(rules);
  const statements = (text: Text) => (text.statements ??= withoutHowToQuestions(text.text, questions));
  const conditions = compiled.map((trigger) => ticketConditions(trigger, ticket, texts, tierNames, statements));

  /** `elapsed`: the share of the response target used so far, once the severity it depends on is known. */
  const matchAll = (elapsed: number | undefined, targetMinutes: number): Match[] => {
    const matches = compiled.flatMap(({ trigger }, order): Match[] => {
      const details = [...(conditions[order] ?? [])];
      if (trigger.slaElapsed !== undefined && elapsed !== undefined && elapsed >= trigger.slaElapsed) {
        details.push(slaDetail(elapsed, targetMinutes));
      }
      if (details.length === 0) return [];
      const { minAmount } = trigger;
      if (minAmount !== undefined) {
        const large = amounts().find((amount) => amount.value >= minAmount);
        if (!large) return [];
        details.push(`amount ${large.text} (${minAmount} or more)`);
      }
      const alone = severityOf(higher(rules.defaults.impact, trigger.impact), higher(baseUrgency, trigger.urgency));
      return [{ trigger, order, strength: SEVERITIES.indexOf(alone), details }];
    });
    return matches.sort((a, b) => a.strength - b.strength || a.order - b.order);
  };
  const severityFrom = (matches: readonly Match[]) =>
    severityOf(
      matches.reduce((level, { trigger }) => higher(level, trigger.impact), rules.defaults.impact),
      matches.reduce((level, { trigger }) => higher(level, trigger.urgency), baseUrgency),
    );

  let matches = matchAll(undefined, 0);
  const created = ticket.createdAt === undefined ? Number.NaN : Date.parse(ticket.createdAt);
  if (!Number.isNaN(created) && compiled.some(({ trigger }) => trigger.slaElapsed !== undefined)) {
    // The SLA conditions can only raise the severity, which shortens the target: one more pass is enough.
    const target = rules.severities[severityFrom(matches)].responseMinutes;
    matches = matchAll((opts.now.getTime() - created) / (target * MINUTE_MS), target);
  }
  const severity = severityFrom(matches);
  const escalate = rules.severities[severity].escalate || matches.some(({ trigger }) => trigger.escalate === true);

  const teamId = escalate ? (matches.find(({ trigger }) => trigger.team !== undefined)?.trigger.team ?? rules.defaults.team) : '';
  const team = rules.teams.find(({ id }) => id === teamId);
  const notify = escalate ? rules.severities[severity].notify : undefined;
  const [tier] = tiers;

  const reasons = matches.map(({ trigger, details }) => ({ rule: trigger.id, detail: details.join('; ') }));
  if (fromPriority !== undefined && fromPriority !== rules.defaults.urgency && ticket.priority !== undefined) {
    reasons.push({ rule: PRIORITY_RULE, detail: `priority "${cleanText(ticket.priority)}" means urgency ${fromPriority}` });
  }

  const checklist: ChecklistItem[] = matches.flatMap(({ trigger }) =>
    (trigger.checklist ?? []).map((text): ChecklistItem => ({ text, from: 'rules', rule: trigger.id })),
  );
  if (escalate) checklist.push(...rules.checklist.map((text): ChecklistItem => ({ text, from: 'rules', rule: CHECKLIST_RULE })));
  for (const article of opts.articles ?? []) {
    const hint = cleanText(article.escalation ?? '');
    // A hint tells the agent when to escalate; it is not a reason the severity is what it is.
    if (hint) checklist.push({ text: hint, from: 'article', article: { id: article.id, title: cleanText(article.title) } });
  }
  const seen = new Set<string>();
  const unique = checklist.filter(({ text }) => {
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });

  return {
    escalate,
    severity,
    team: teamId,
    ...(team && {
      teamName: team.name,
      ...(team.path !== undefined && { teamPath: team.path }),
      pathKind: team.kind ?? 'functional',
    }),
    ...(notify !== undefined && { notify }),
    ...(tier && { tier: { id: tier.tier.id, name: tier.tier.name } }),
    reasons,
    checklist: unique,
    sla: slaState(rules.severities[severity].responseMinutes, ticket.createdAt, opts.now),
    warnings: rules.warnings ?? [],
  };
}

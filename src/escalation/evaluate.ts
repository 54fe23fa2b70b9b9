import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';
import { cleanText, normalize } from '../text/normalize';
import { type Amount, findAmounts } from './amounts';
import { type CompiledTrigger, compileRules, isNamed } from './compile';
import { wordKey } from './phrases';
import { LEVELS, type Level, PRIORITY_RULE, type Rules, type Severity, SEVERITIES } from './schema';
import { type Sla, slaState } from './sla';

export type { Sla } from './sla';

export interface Reason {
  /** A trigger id, or `priorities`. */
  rule: string;
  /** What matched: the phrase and where, the tag, the priority, the amount. */
  detail: string;
}

export interface Guidance {
  escalate: boolean;
  severity: Severity;
  /** Team id from the rules; '' when the ticket does not escalate. */
  team: string;
  teamName?: string;
  /** How an escalation reaches the team, from the rules. */
  teamPath?: string;
  /** Strongest first. */
  reasons: Reason[];
  checklist: string[];
  sla: Sla;
}

/** The ticket fields the rules look at: a full `Ticket` qualifies, so does a ticket read from a file. */
export type EscalationTicket = Pick<Ticket, 'subject' | 'latestMessage' | 'thread' | 'tags' | 'priority' | 'status' | 'createdAt'>;

interface Text {
  label: string;
  text: string;
}

interface Match {
  trigger: CompiledTrigger['trigger'];
  order: number;
  /** The severity the trigger would give on its own: the strongest trigger names the team. */
  strength: number;
  details: string[];
}

const PHRASES_SHOWN = 3;

const higher = (level: Level, other: Level | undefined): Level =>
  other !== undefined && LEVELS.indexOf(other) > LEVELS.indexOf(level) ? other : level;

function urgencyOfPriority(rules: Rules, priority: string | undefined): Level | undefined {
  if (priority === undefined) return undefined;
  return compileRules(rules).priorities.find(({ names }) => isNamed(priority, names))?.level;
}

function matchTrigger(compiled: CompiledTrigger, ticket: EscalationTicket, texts: readonly Text[], amounts: () => Amount[]): string[] | undefined {
  const { minAmount } = compiled.trigger;
  const large = minAmount === undefined ? undefined : amounts().find((amount) => amount.value >= minAmount);
  if (minAmount !== undefined && !large) return undefined;

  const details: string[] = [];
  if (ticket.priority !== undefined && isNamed(ticket.priority, compiled.priority)) details.push(`priority "${cleanText(ticket.priority)}"`);
  if (ticket.status !== undefined && isNamed(ticket.status, compiled.status)) details.push(`status "${cleanText(ticket.status)}"`);
  for (const tag of ticket.tags) {
    // Tags are compared whole: a tag "security-training" is not the tag "security".
    if (compiled.tags.has(wordKey(tag))) details.push(`tag "${cleanText(tag)}"`);
  }
  let shown = 0;
  for (const { phrase, pattern, needle } of compiled.phrases) {
    if (shown === PHRASES_SHOWN) break;
    const where = texts.find(({ text }) => text.includes(needle) && pattern.test(text));
    if (where) {
      details.push(`"${phrase}" in ${where.label}`);
      shown += 1;
    }
  }
  if (details.length === 0) return undefined;
  if (large) details.push(`amount ${large.text} (${minAmount} or more)`);
  return details;
}

/**
 * Escalation guidance for a ticket: severity from impact x urgency, where to escalate, why, what to do
 * first, and the response target. Pure: the same rules, ticket and `now` give the same guidance.
 * `articles` are the suggested articles; their owners' escalation hints join the checklist.
 */
export function evaluate(rules: Rules, ticket: EscalationTicket, opts: { now: Date; articles?: readonly Article[] }): Guidance {
  const texts: Text[] = [
    { label: 'subject', text: normalize(ticket.subject) },
    { label: 'latest message', text: normalize(ticket.latestMessage) },
    { label: 'thread', text: normalize(ticket.thread) },
  ];
  let found: Amount[] | undefined;
  const amounts = () => (found ??= texts.flatMap(({ text }) => findAmounts(text)));

  const fromPriority = urgencyOfPriority(rules, ticket.priority);
  const baseUrgency = fromPriority ?? rules.defaults.urgency;
  const severityOf = (impact: Level, urgency: Level) => rules.matrix[impact][urgency];

  const matches: Match[] = compileRules(rules).triggers.flatMap((compiled, order) => {
    const details = matchTrigger(compiled, ticket, texts, amounts);
    if (!details) return [];
    const { trigger } = compiled;
    const alone = severityOf(higher(rules.defaults.impact, trigger.impact), higher(baseUrgency, trigger.urgency));
    return [{ trigger, order, strength: SEVERITIES.indexOf(alone), details }];
  });
  matches.sort((a, b) => a.strength - b.strength || a.order - b.order);

  const impact = matches.reduce((level, { trigger }) => higher(level, trigger.impact), rules.defaults.impact);
  const urgency = matches.reduce((level, { trigger }) => higher(level, trigger.urgency), baseUrgency);
  const severity = severityOf(impact, urgency);
  const escalate = rules.severities[severity].escalate || matches.some(({ trigger }) => trigger.escalate === true);

  const teamId = escalate ? (matches.find(({ trigger }) => trigger.team !== undefined)?.trigger.team ?? rules.defaults.team) : '';
  const team = rules.teams.find(({ id }) => id === teamId);

  const reasons = matches.map(({ trigger, details }) => ({ rule: trigger.id, detail: details.join('; ') }));
  if (fromPriority !== undefined && fromPriority !== rules.defaults.urgency && ticket.priority !== undefined) {
    reasons.push({ rule: PRIORITY_RULE, detail: `priority "${cleanText(ticket.priority)}" means urgency ${fromPriority}` });
  }
  const checklist = matches.flatMap(({ trigger }) => trigger.checklist ?? []);
  if (escalate) checklist.push(...rules.checklist);
  for (const article of opts.articles ?? []) {
    const hint = cleanText(article.escalation ?? '');
    if (!hint) continue;
    // A hint tells the agent when to escalate; it is not a reason the severity is what it is.
    checklist.push(hint);
  }

  return {
    escalate,
    severity,
    team: teamId,
    ...(team && { teamName: team.name, ...(team.path !== undefined && { teamPath: team.path }) }),
    reasons,
    checklist: [...new Set(checklist)],
    sla: slaState(rules.severities[severity].responseMinutes, ticket.createdAt, opts.now),
  };
}

import type { Ticket } from '../model/ticket';
import { cleanBlock, cleanText } from '../text/normalize';
import type { Guidance } from './evaluate';
import { type Sla, slaState } from './sla';

/** Every word the note prints, by language: an Arabic or Hebrew note is one more entry. */
const LABELS = {
  en: {
    heading: 'Escalation note',
    ticket: 'Ticket',
    link: 'Link',
    subject: 'Subject',
    requester: 'Requester',
    priority: 'Priority',
    status: 'Status',
    created: 'Created',
    tags: 'Tags',
    severity: 'Severity',
    escalate: 'escalate',
    noEscalation: 'no escalation needed',
    team: 'Target team',
    via: 'via',
    reasons: 'Reasons',
    sla: 'SLA',
    triedSoFar: 'Tried so far',
    articles: 'Articles consulted',
    ask: 'Ask',
    written: 'Written',
    none: 'none',
    notShown: 'not shown',
    nothingYet: 'nothing recorded',
    slaTarget: (sla: Sla) => `respond within ${sla.targetMinutes} min (created time unknown)`,
    slaLeft: (sla: Sla, minutes: number, due: string) => `${minutes} min left of ${sla.targetMinutes} (due ${due})`,
    slaBreached: (sla: Sla, minutes: number, due: string) => `breached ${minutes} min ago (target ${sla.targetMinutes} min, due ${due})`,
  },
} as const;

type Labels = (typeof LABELS)['en'];

export interface NoteArticle {
  id: string;
  title: string;
  url?: string;
}

/** The ticket fields the note shows: a full `Ticket` qualifies, so does a ticket read from a file. */
export type NoteTicket = Pick<Ticket, 'id' | 'subject' | 'requester' | 'priority' | 'status' | 'createdAt' | 'tags'> & { url?: string };

export interface NoteInput {
  ticket: NoteTicket;
  guidance: Guidance;
  /** The articles the agent opened or used on this ticket. */
  articles: readonly NoteArticle[];
  triedSoFar: string;
  /** What the agent asks the team for. */
  ask?: string;
  now: Date;
}

/** One line of the note: a label and its value, or a label over a list or a block of text. */
type Part =
  | { label: string; value: string; href?: string }
  | { label: string; items: readonly { text: string; href?: string }[] }
  | { label: string; block: string };

function requesterText(requester: NoteTicket['requester'], labels: Labels): string {
  const name = cleanText(requester?.name ?? '');
  const email = cleanText(requester?.email ?? '');
  if (name && email) return `${name} <${email}>`;
  return name || email || labels.notShown;
}

/** The SLA as of the note's own time, which may be later than the guidance's. */
function slaText(guidance: Guidance, createdAt: string | undefined, now: Date, labels: Labels): string {
  const sla = slaState(guidance.sla.targetMinutes, createdAt, now);
  if (sla.dueAt === undefined || sla.remainingMinutes === undefined) return labels.slaTarget(sla);
  return sla.breached
    ? labels.slaBreached(sla, -sla.remainingMinutes, sla.dueAt)
    : labels.slaLeft(sla, sla.remainingMinutes, sla.dueAt);
}

/** Only web links become links: a `javascript:` or `data:` URL from a page stays inert text. */
function webUrl(url: string | undefined): string | undefined {
  const trimmed = cleanText(url ?? '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}

function parts(input: NoteInput, labels: Labels): Part[] {
  const { ticket, guidance } = input;
  const team = guidance.team
    ? `${guidance.teamName ?? guidance.team} (${guidance.team})${guidance.teamPath ? ` ${labels.via} ${guidance.teamPath}` : ''}`
    : labels.none;
  const tags = ticket.tags.map(cleanText).filter(Boolean);
  const url = webUrl(ticket.url);
  return [
    { label: labels.ticket, value: cleanText(ticket.id), ...(url && { href: url }) },
    { label: labels.link, value: cleanText(ticket.url ?? '') || labels.notShown, ...(url && { href: url }) },
    { label: labels.subject, value: cleanText(ticket.subject) },
    { label: labels.requester, value: requesterText(ticket.requester, labels) },
    { label: labels.priority, value: cleanText(ticket.priority ?? '') || labels.notShown },
    ...(ticket.status ? [{ label: labels.status, value: cleanText(ticket.status) }] : []),
    { label: labels.created, value: cleanText(ticket.createdAt ?? '') || labels.notShown },
    { label: labels.tags, value: tags.length > 0 ? tags.join(', ') : labels.none },
    { label: labels.severity, value: `${guidance.severity} (${guidance.escalate ? labels.escalate : labels.noEscalation})` },
    { label: labels.team, value: team },
    { label: labels.sla, value: slaText(guidance, ticket.createdAt, input.now, labels) },
    { label: labels.reasons, items: guidance.reasons.map((reason) => ({ text: `${reason.rule}: ${cleanText(reason.detail)}` })) },
    { label: labels.triedSoFar, block: cleanBlock(input.triedSoFar) || labels.nothingYet },
    {
      label: labels.articles,
      items: input.articles.map((article) => {
        const href = webUrl(article.url);
        return { text: `${cleanText(article.id)}: ${cleanText(article.title)}${href ? ` (${href})` : ''}`, ...(href && { href }) };
      }),
    },
    ...(input.ask?.trim() ? [{ label: labels.ask, block: cleanBlock(input.ask) }] : []),
    { label: labels.written, value: input.now.toISOString() },
  ];
}

function plainText(heading: string, list: readonly Part[], labels: Labels): string {
  const lines = [heading];
  for (const part of list) {
    if ('value' in part) lines.push(`${part.label}: ${part.value}`);
    else if ('items' in part) {
      lines.push(`${part.label}:${part.items.length === 0 ? ` ${labels.none}` : ''}`);
      for (const item of part.items) lines.push(`- ${item.text}`);
    } else lines.push(`${part.label}:`, ...part.block.split('\n'));
  }
  return lines.join('\n');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function link(text: string, href: string | undefined): string {
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** Every value is escaped; `dir="auto"` lets Arabic and Hebrew lines run right to left in the editor. */
function html(heading: string, list: readonly Part[], labels: Labels): string {
  const out = [`<p><strong>${escapeHtml(heading)}</strong></p>`];
  for (const part of list) {
    const label = `<strong>${escapeHtml(part.label)}:</strong>`;
    if ('value' in part) out.push(`<p dir="auto">${label} ${link(part.value, part.href)}</p>`);
    else if ('items' in part) {
      if (part.items.length === 0) out.push(`<p>${label} ${escapeHtml(labels.none)}</p>`);
      else out.push(`<p>${label}</p><ul>${part.items.map((item) => `<li dir="auto">${link(item.text, item.href)}</li>`).join('')}</ul>`);
    } else out.push(`<p>${label}</p><p dir="auto">${part.block.split('\n').map(escapeHtml).join('<br>')}</p>`);
  }
  return out.join('\n');
}

/**
 * The escalation note, as plain text and as HTML for rich editors. Pure: nothing from the ticket reaches
 * the HTML unescaped, and only http(s) URLs become links.
 */
export function writeNote(input: NoteInput): { text: string; html: string } {
  const labels = LABELS.en;
  const list = parts(input, labels);
  return { text: plainText(labels.heading, list, labels), html: html(labels.heading, list, labels) };
}

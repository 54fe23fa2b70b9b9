import type { Ticket } from '../model/ticket';
import { cleanBlock, cleanText } from '../text/normalize';
import type { Guidance } from './evaluate';
import { noteLabels } from './note-labels';
import type { NoteLabels } from './note-labels';
import { addCounts, noRedactions, redact } from './redact';
import type { RedactionCounts } from './redact';
import { formatRelativeMinutes, formatTarget, slaState } from './sla';

export interface NoteArticle {
  id: string;
  title: string;
  url?: string;
}

/** The ticket fields the note shows: a full `Ticket` qualifies, so does a ticket read from a file. */
export type NoteTicket = Pick<Ticket, 'id' | 'subject' | 'requester' | 'priority' | 'status' | 'createdAt' | 'tags'> & {
  url?: string;
  /** The note is written in this language where it has a template (en, ar, he), else in English. */
  language?: string;
  latestMessage?: string;
};

/** What the agent adds to the note in the sidebar before copying or inserting it. */
export interface NoteDraft {
  triedSoFar: string;
  /** What the agent asks the team for, and by when. */
  ask?: string;
  /** The checklist as the agent ticked it. */
  checklist?: readonly { text: string; done: boolean }[];
  /** Mask e-mail addresses, phone and card numbers, IBANs, tokens and passwords (the default). */
  redact?: boolean;
}

export interface NoteInput extends NoteDraft {
  ticket: NoteTicket;
  guidance: Guidance;
  /** The articles the agent opened or used on this ticket. */
  articles: readonly NoteArticle[];
  /** The articles suggested for the ticket. */
  matched?: readonly NoteArticle[];
  now: Date;
}

export interface Note {
  text: string;
  html: string;
  /** The note's language and direction: `en` for tickets in languages without a template. */
  language: string;
  dir: 'ltr' | 'rtl';
  /** How many values of each kind were masked. */
  masked: RedactionCounts;
}

/** One line of the note: a label and its value, or a label over a list or a block of text. */
type Part =
  | { label: string; value: string; href?: string }
  | { label: string; items: readonly { text: string; href?: string }[] }
  | { label: string; block: string };

/** The customer's words go in as an excerpt: the ticket link leads to the rest. */
const MESSAGE_EXCERPT = 1_500;

/** Only web links become links: a `javascript:` or `data:` URL from a page stays inert text. */
function webUrl(url: string | undefined): string | undefined {
  const trimmed = cleanText(url ?? '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}

function excerpt(text: string): string {
  const block = cleanBlock(text);
  return block.length > MESSAGE_EXCERPT ? `${block.slice(0, MESSAGE_EXCERPT).trimEnd()}…` : block;
}

/** The SLA as of the note's own time, which may be later than the guidance's. */
function slaText(guidance: Guidance, createdAt: string | undefined, now: Date, labels: NoteLabels): string {
  const sla = slaState(guidance.sla.targetMinutes, createdAt, now);
  const target = formatTarget(sla.targetMinutes, labels.locale);
  if (sla.dueAt === undefined || sla.remainingMinutes === undefined) return labels.slaUnknown(target);
  const relative = formatRelativeMinutes(sla.remainingMinutes, labels.locale);
  return sla.breached ? labels.slaBreached(relative, sla.dueAt, target) : labels.slaDue(relative, sla.dueAt, target);
}

function teamText(guidance: Guidance, labels: NoteLabels): string {
  if (!guidance.team) return labels.none;
  const kind = guidance.pathKind === 'hierarchical' ? labels.hierarchical : labels.functional;
  const via = guidance.teamPath ? ` ${labels.via} ${guidance.teamPath}` : '';
  return `${guidance.teamName ?? guidance.team} (${guidance.team}), ${kind}${via}`;
}

function articleItem(article: NoteArticle): { text: string; href?: string } {
  const href = webUrl(article.url);
  return { text: `${cleanText(article.id)}: ${cleanText(article.title)}${href ? ` (${href})` : ''}`, ...(href && { href }) };
}

function parts(input: NoteInput, labels: NoteLabels, hide: (text: string) => string): Part[] {
  const { ticket, guidance } = input;
  const name = cleanText(ticket.requester?.name ?? '');
  const email = cleanText(ticket.requester?.email ?? '');
  const requester = name && email ? `${name} <${email}>` : name || email;
  const tags = ticket.tags.map(cleanText).filter(Boolean);
  const rawUrl = cleanText(ticket.url ?? '');
  const shownUrl = rawUrl ? hide(rawUrl) : '';
  // The link stays a link only when it is a web address that masking left whole.
  const url = webUrl(rawUrl);
  const href = url !== undefined && shownUrl === url ? url : undefined;
  const message = excerpt(ticket.latestMessage ?? '');
  const consulted = new Set(input.articles.map((article) => article.id));
  const matched = (input.matched ?? []).filter((article) => !consulted.has(article.id));
  const checklist = input.checklist ?? [];
  const tried = cleanBlock(input.triedSoFar);
  const ask = cleanBlock(input.ask ?? '');

  return [
    { label: labels.ticket, value: cleanText(ticket.id), ...(href && { href }) },
    { label: labels.link, value: shownUrl || labels.notShown, ...(href && { href }) },
    { label: labels.subject, value: hide(cleanText(ticket.subject)) },
    { label: labels.requester, value: requester ? hide(requester) : labels.notShown },
    ...(guidance.tier ? [{ label: labels.tier, value: guidance.tier.name }] : []),
    { label: labels.priority, value: cleanText(ticket.priority ?? '') || labels.notShown },
    ...(ticket.status ? [{ label: labels.status, value: cleanText(ticket.status) }] : []),
    { label: labels.created, value: cleanText(ticket.createdAt ?? '') || labels.notShown },
    { label: labels.tags, value: tags.length > 0 ? hide(tags.join(', ')) : labels.none },
    { label: labels.severity, value: `${guidance.severity} (${guidance.escalate ? labels.escalate : labels.noEscalation})` },
    { label: labels.team, value: teamText(guidance, labels) },
    ...(guidance.notify ? [{ label: labels.notify, value: guidance.notify }] : []),
    { label: labels.sla, value: slaText(guidance, ticket.createdAt, input.now, labels) },
    { label: labels.reasons, items: guidance.reasons.map((reason) => ({ text: hide(`${reason.rule}: ${cleanText(reason.detail)}`) })) },
    ...(message ? [{ label: labels.customerWrote, block: hide(message) }] : []),
    ...(checklist.length > 0
      ? [{ label: labels.checklist, items: checklist.map((item) => ({ text: `[${item.done ? 'x' : ' '}] ${cleanText(item.text)}` })) }]
      : []),
    { label: labels.triedSoFar, block: tried ? hide(tried) : labels.nothingYet },
    ...(matched.length > 0 ? [{ label: labels.matched, items: matched.map(articleItem) }] : []),
    { label: labels.articles, items: input.articles.map(articleItem) },
    ...(ask ? [{ label: labels.ask, block: hide(ask) }] : []),
    { label: labels.written, value: input.now.toISOString() },
  ];
}

function plainText(list: readonly Part[], labels: NoteLabels): string {
  const lines = [labels.heading];
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

/**
 * Every value is escaped. Each block carries its own `dir`, since editors keep paragraphs and drop wrappers:
 * the note's direction for its labelled lines, `auto` for text the customer or the agent wrote.
 */
function html(list: readonly Part[], labels: NoteLabels): string {
  const dir = `dir="${labels.dir}"`;
  const out = [`<p ${dir}><strong>${escapeHtml(labels.heading)}</strong></p>`];
  for (const part of list) {
    const label = `<strong>${escapeHtml(part.label)}:</strong>`;
    if ('value' in part) out.push(`<p ${dir}>${label} ${link(part.value, part.href)}</p>`);
    else if ('items' in part) {
      if (part.items.length === 0) out.push(`<p ${dir}>${label} ${escapeHtml(labels.none)}</p>`);
      else out.push(`<p ${dir}>${label}</p><ul ${dir}>${part.items.map((item) => `<li dir="auto">${link(item.text, item.href)}</li>`).join('')}</ul>`);
    } else out.push(`<p ${dir}>${label}</p><p dir="auto">${part.block.split('\n').map(escapeHtml).join('<br>')}</p>`);
  }
  return out.join('\n');
}

/**
 * The escalation note, as plain text and as HTML for rich editors, in the ticket's language where a
 * template exists. Pure: nothing from the ticket reaches the HTML unescaped, only http(s) URLs become links,
 * and unless `redact` is false, personal data and secrets in what the ticket and the agent wrote are masked.
 */
export function writeNote(input: NoteInput): Note {
  const labels = noteLabels(input.ticket.language);
  let masked = noRedactions();
  const hide =
    input.redact === false
      ? (text: string) => text
      : (text: string) => {
          const result = redact(text, labels.mask);
          masked = addCounts(masked, result.counts);
          return result.text;
        };
  const list = parts(input, labels, hide);
  return { text: plainText(list, labels), html: html(list, labels), language: labels.locale, dir: labels.dir, masked };
}

import type { Ticket } from '../model/ticket';
import { normalize } from '../text/normalize';

/** One piece of the ticket with how much its words count in the query. */
export interface QueryPart {
  text: string;
  weight: number;
}

/**
 * The subject is written to summarise the problem; the latest customer message states it in full;
 * older thread text is partly agents' replies and earlier, settled questions.
 */
export const PART_WEIGHTS = { subject: 2, latest: 1, thread: 0.3 } as const;

// Older messages beyond this add more noise than signal, and keep a 60 kB thread cheap.
export const THREAD_CHARS = 4_000;

// Lines after which the rest of a message is someone else's text or boilerplate.
const CUT_LINES: readonly RegExp[] = [
  /^(?:on|am|le|el|em|il|op)\s.{4,200}(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s?:?$/i,
  /^(?:في|בתאריך)\s.{4,200}(?:كتب|כתב|כתבה)\s?:?$/,
  /^-{2,}\s*(?:original message|forwarded message|ursprüngliche nachricht|message d'origine|mensaje original)\s*-{2,}$/i,
  /^(?:from|von|de|من|מאת)\s?:.{0,120}(?:@|<|\[mailto:)/i,
  /^_{10,}$/,
  /^--\s?$/,
  /^(?:sent from|envoyé de|enviado desde|von meinem|enviado do|get outlook for)\b/i,
  /^(?:this (?:e-?mail|message)|the information (?:in|contained in) this|confidentiality notice|disclaimer)\b.{0,80}(?:confidential|intended|privileged)/i,
];

// An e-mail header block quoted without addresses: "From: Name" directly followed by "Sent:" or "Date:".
const HEADER_FROM = /^(?:from|von|de|من|מאת)\s?:\s/i;
const HEADER_NEXT = /^(?:sent|date|to|gesendet|datum|an|envoyé|enviado|fecha|para|التاريخ|تاريخ|נשלח|תאריך)\s?:\s/i;

// A line that only closes the message; what follows it is a signature.
const SIGN_OFF =
  /^(?:thanks|thank you|many thanks|thanks again|thx|regards|best|best regards|kind regards|warm regards|cheers|sincerely|br|mit freundlichen grüßen|viele grüße|cordialement|merci|saludos|gracias|atenciosamente|obrigad[oa]|شكرا|شكرا لكم|مع التحيه|مع خالص التحيه|تحياتي|תודה|בברכה|תודה רבה)[\s,،.!]*$/i;
const SIGNATURE_LINES = 5;
const SIGNATURE_LINE_CHARS = 80;

const GREETING_WORD =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|guten tag|bonjour|salut|hola|buenos días|olá|oi|مرحبا|اهلا|السلام عليكم|صباح الخير|مساء الخير|שלום|היי)(?=[\s,،!.:;]|$)/i;
// The greeting word and up to three words of address ("Hi team,", "Dear Support Desk:") when closed by punctuation.
const GREETING_ADDRESS = /^[\s,،]*(?:[\p{L}.'-]+\s*){0,3}[,،!:;.]\s*/u;
const GREETING_ONLY = /^[\s,،!.:;]*(?:[\p{L}.'-]+\s*){0,3}[\s,،!.:;]*$/u;

// Courtesy lines that say nothing about the problem.
const FILLER = /^(?:i )?(?:hope|trust) (?:you(?:'re| are)?|this|all|everyone)\b.{0,50}$|^thanks? (?:you )?in advance\b.{0,30}$/i;

const URL = /\bhttps?:\/\/[^\s/]+/gi;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
const SUBJECT_PREFIX = /^(?:\s*(?:re|fwd?|aw|wg|tr|rv|sv|antw)\s*(?:\[\d+\])?\s*:\s*)+/i;

/** `alone`: the line is the whole message, so "Hi, my card" is content, not a greeting line. */
/**
 * Lines as the index sees them (case, Arabic and Hebrew variants folded), so that the patterns below
 * need one spelling each and the text the query is built from is already clean.
 */
function normalizedLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map(normalize);
}

function dropGreeting(line: string, alone: boolean): string {
  const greeting = GREETING_WORD.exec(line);
  if (!greeting) return line;
  const rest = line.slice(greeting[0].length);
  if (!alone && GREETING_ONLY.test(rest)) return '';
  const address = GREETING_ADDRESS.exec(rest);
  return (address ? rest.slice(address[0].length) : rest).trim();
}

function startsQuote(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (CUT_LINES.some((pattern) => pattern.test(line))) return true;
  return HEADER_FROM.test(line) && HEADER_NEXT.test(lines[i + 1] ?? '');
}

function withoutAddresses(line: string): string {
  return line.replace(URL, ' ').replace(EMAIL, ' ').replace(/\s{2,}/g, ' ').trim();
}

function isSignatureTail(lines: readonly string[], from: number): boolean {
  let count = 0;
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    if (++count > SIGNATURE_LINES || line.length > SIGNATURE_LINE_CHARS) return false;
  }
  return true;
}

/**
 * The customer's own words in one message: quoted replies, forwarded headers, signatures, device footers,
 * disclaimers, greetings and courtesy lines dropped; codes, product names and numbers left untouched.
 */
export function cleanMessage(text: string): string {
  const lines = normalizedLines(text);
  const last = lines.findLastIndex(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (startsQuote(lines, i) || (SIGN_OFF.test(line) && isSignatureTail(lines, i))) break;
    if (line.startsWith('>') || FILLER.test(line)) continue;
    const content = withoutAddresses(kept.length === 0 ? dropGreeting(line, i >= last) : line);
    if (content) kept.push(content);
  }
  return kept.join('\n');
}

/**
 * Older thread text holds several messages, so nothing is cut at a quote header or sign-off:
 * only the boilerplate lines themselves are dropped.
 */
export function cleanThread(text: string): string {
  return normalizedLines(text)
    .filter((line, i, lines) => line && !line.startsWith('>') && !startsQuote(lines, i) && !SIGN_OFF.test(line) && !FILLER.test(line))
    .map((line) => withoutAddresses(dropGreeting(line, false)))
    .filter(Boolean)
    .join('\n');
}

/** A subject without reply/forward prefixes. */
export function cleanSubject(subject: string): string {
  return normalize(subject).replace(SUBJECT_PREFIX, '').trim();
}

/** The thread without its newest customer message, which is weighed on its own. */
function olderThread(thread: string, latest: string): string {
  const trimmed = latest.trim();
  const at = trimmed ? thread.indexOf(trimmed) : -1;
  const older = at < 0 ? thread : thread.slice(0, at) + thread.slice(at + trimmed.length);
  return older.slice(0, THREAD_CHARS);
}

/** The ticket as weighted query parts: subject above the latest customer message above older thread text. */
export function ticketQuery(ticket: Pick<Ticket, 'subject' | 'latestMessage' | 'thread'>): QueryPart[] {
  const parts: QueryPart[] = [
    { text: cleanSubject(ticket.subject), weight: PART_WEIGHTS.subject },
    { text: cleanMessage(ticket.latestMessage), weight: PART_WEIGHTS.latest },
    { text: cleanThread(olderThread(ticket.thread, ticket.latestMessage)), weight: PART_WEIGHTS.thread },
  ];
  return parts.filter((part) => part.text.length > 0);
}

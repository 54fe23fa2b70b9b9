import type { Guidance } from '../escalation/evaluate';
import type { NoteDraft } from '../escalation/note';
import { REDACTION_KINDS } from '../escalation/redact';
import type { RedactionCounts, RedactionKind } from '../escalation/redact';
import { formatRelativeMinutes, formatTarget } from '../escalation/sla';
import type { InsertResult } from '../model/messages';

/** The sidebar speaks English; the note follows the ticket's language. */
const UI_LOCALE = 'en';
const MINUTE_MS = 60_000;

/** The response target as of `now`, counted down from the due time the guidance computed. */
export function slaLine(sla: Guidance['sla'], now: Date): { text: string; breached: boolean } {
  const target = formatTarget(sla.targetMinutes, UI_LOCALE);
  if (sla.dueAt === undefined) return { text: `Respond within ${target} (created time unknown)`, breached: false };
  const left = Date.parse(sla.dueAt) - now.getTime();
  const relative = formatRelativeMinutes(Math.floor(left / MINUTE_MS), UI_LOCALE);
  return left < 0
    ? { text: `Response target missed: was due ${relative} (target ${target})`, breached: true }
    : { text: `Response due ${relative} (target ${target})`, breached: false };
}

/** "Functional escalation via helpdesk group "Security"" */
export function pathLine(guidance: Guidance): string | undefined {
  if (!guidance.escalate || !guidance.team) return undefined;
  const kind = guidance.pathKind === 'hierarchical' ? 'Hierarchical escalation' : 'Functional escalation';
  return guidance.teamPath ? `${kind} via ${guidance.teamPath}` : kind;
}

export function insertMessage(result: InsertResult): string {
  if (result.ok) return 'Added to the internal note.';
  if (result.reason === 'wrong-mode') return 'The composer is on public reply: switch it to Internal note, or paste the note, which was copied.';
  if (result.reason === 'no-editor') return 'No internal-note editor found: the note was copied instead.';
  return 'The note could not be added: it was copied instead.';
}

const KIND_NAMES: Readonly<Record<RedactionKind, [string, string]>> = {
  email: ['email address', 'email addresses'],
  phone: ['phone number', 'phone numbers'],
  card: ['card number', 'card numbers'],
  iban: ['IBAN', 'IBANs'],
  token: ['token', 'tokens'],
  password: ['password', 'passwords'],
};

/** "2 email addresses and 1 card number hidden", or '' when nothing was. */
export function maskedSummary(counts: RedactionCounts): string {
  const parts = REDACTION_KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${KIND_NAMES[kind][counts[kind] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return '';
  const list = new Intl.ListFormat(UI_LOCALE, { type: 'conjunction' }).format(parts);
  return `${list} hidden`;
}

/**
 * For a host that forwards only "tried so far" to the note: the ticked items and the ask go in there, so
 * that nothing the agent entered is lost.
 */
export function foldDraft(draft: NoteDraft): NoteDraft {
  const ticked = (draft.checklist ?? []).filter((item) => item.done).map((item) => `- [x] ${item.text}`);
  const ask = draft.ask?.trim() ? [`Ask: ${draft.ask.trim()}`] : [];
  return { triedSoFar: [...ticked, draft.triedSoFar.trim(), ...ask].filter(Boolean).join('\n') };
}

import type { Guidance } from '../escalation/evaluate';
import type { NoteDraft } from '../escalation/note';
import { REDACTION_KINDS } from '../escalation/redact';
import type { RedactionCounts, RedactionKind } from '../escalation/redact';
import { formatRelativeMinutes, formatTarget } from '../escalation/sla';
import { type MessageKey, t } from '../i18n/messages';
import { formatList, plural, uiLanguage } from '../i18n/ui';
import type { InsertResult } from '../model/messages';

// The panel speaks the interface's language; the note it writes follows the ticket's (src/escalation/note-labels.ts).
const MINUTE_MS = 60_000;

/** The response target as of `now`, counted down from the due time the guidance computed. */
export function slaLine(sla: Guidance['sla'], now: Date): { text: string; breached: boolean } {
  const language = uiLanguage();
  const target = formatTarget(sla.targetMinutes, language);
  if (sla.dueAt === undefined) return { text: t('slaUnknown', target), breached: false };
  const left = Date.parse(sla.dueAt) - now.getTime();
  const relative = formatRelativeMinutes(Math.floor(left / MINUTE_MS), language);
  return left < 0 ? { text: t('slaMissed', relative, target), breached: true } : { text: t('slaDue', relative, target), breached: false };
}

/** "Functional escalation via helpdesk group "Security"" */
export function pathLine(guidance: Guidance): string | undefined {
  if (!guidance.escalate || !guidance.team) return undefined;
  const hierarchical = guidance.pathKind === 'hierarchical';
  if (!guidance.teamPath) return t(hierarchical ? 'hierarchicalEscalation' : 'functionalEscalation');
  return t(hierarchical ? 'hierarchicalVia' : 'functionalVia', guidance.teamPath);
}

export function insertMessage(result: InsertResult): string {
  if (result.ok) return t('noteAdded');
  if (result.reason === 'wrong-mode') return t('noteWrongMode');
  if (result.reason === 'no-editor') return t('noteNoEditor');
  return t('noteNotAdded');
}

const KIND_MESSAGES: Readonly<Record<RedactionKind, MessageKey>> = {
  email: 'maskedEmail',
  phone: 'maskedPhone',
  card: 'maskedCard',
  iban: 'maskedIban',
  token: 'maskedToken',
  password: 'maskedPassword',
};

/** "2 email addresses and 1 card number hidden", or '' when nothing was. */
export function maskedSummary(counts: RedactionCounts): string {
  const parts = REDACTION_KINDS.filter((kind) => counts[kind] > 0).map((kind) => plural(KIND_MESSAGES[kind], counts[kind]));
  return parts.length === 0 ? '' : t('maskedSummary', formatList(parts, 'conjunction'));
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

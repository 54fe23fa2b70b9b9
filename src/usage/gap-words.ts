import { redact } from '../escalation/redact';
import { USAGE_BOUNDS } from './model';

/** Words kept of a content gap: enough to say what was asked, few enough to say nothing about who asked. */
const MAX_WORDS = 12;

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The words of a search or a ticket subject that found no good answer, as a knowledge owner may see them:
 * e-mail addresses, phone, card and account numbers, tokens and passwords masked away (src/escalation/redact.ts),
 * then every word holding a digit (order and ticket numbers, dates, amounts) and the names given in `names`
 * (the requester's, the agent's) dropped, lower-cased so the same question counts once.
 */
export function gapWords(text: string, names: readonly string[] = []): string {
  const nameWords = new Set(
    names.flatMap((name) => name.toLocaleLowerCase().split(/\s+/)).filter((word) => word.length > 1),
  );
  const words = redact(text, () => ' ')
    .text.split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, '').toLocaleLowerCase())
    .filter((word) => word && !/\p{N}/u.test(word) && !word.includes('@') && !nameWords.has(word));
  let kept = '';
  for (const word of words.slice(0, MAX_WORDS)) {
    const next = kept ? `${kept} ${word}` : word;
    if (next.length > USAGE_BOUNDS.gapLength) break;
    kept = next;
  }
  return kept;
}

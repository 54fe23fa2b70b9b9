import { cleanText } from '../text/normalize';
import { textTerms } from './terms';

const MAX_CHARS = 200;
// Long articles are searched for a passage only this far: the top of an article is its most useful part.
const SCAN_CHARS = 20_000;
const LEAD_WORDS = 4;

function truncate(words: readonly string[], from: number): string {
  let text = from > 0 ? '… ' : '';
  for (let i = from; i < words.length; i++) {
    const next = `${text}${text && !text.endsWith(' ') ? ' ' : ''}${words[i]}`;
    if (next.length > MAX_CHARS - 2) return `${text} …`;
    text = next;
  }
  return text;
}

/**
 * A short passage of the article (plain text, at most ~200 characters) around the words that matched:
 * the line or sentence holding the most distinct query terms, cut to a window starting near the first match.
 */
export function makeSnippet(plain: string, matched: ReadonlySet<string>): string {
  const segments = plain
    .slice(0, SCAN_CHARS)
    .split(/\n+|(?<=[.!?؟።。])\s+/u)
    .map(cleanText)
    .filter(Boolean);
  let best = segments[0] ?? '';
  let bestHits = 0;
  for (const segment of segments) {
    const hits = new Set(textTerms(segment).filter((term) => matched.has(term))).size;
    if (hits > bestHits) {
      best = segment;
      bestHits = hits;
    }
  }
  if (best.length <= MAX_CHARS) return best;
  const words = best.split(' ');
  const first = bestHits ? words.findIndex((word) => textTerms(word).some((term) => matched.has(term))) : 0;
  return truncate(words, Math.max(0, first - LEAD_WORDS));
}

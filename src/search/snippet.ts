import { tokenizeNormalized, wordTerms } from '../text/analyze';
import { normalizeClean } from '../text/normalize';

const MAX_CHARS = 200;
// Long articles are searched for a passage only this far: the top of an article is its most useful part.
const SCAN_CHARS = 20_000;
const LEAD_WORDS = 4;
const SEGMENTS = /\n+|(?<=[.!?؟።。])\s+/u;
// Joins segments for one normalisation pass: a private-use character, which normalisation keeps and no token holds.
const SEPARATOR = '\ue000';

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
 * A cheap necessary condition for a token to yield one of the matched terms, so that most of an article's
 * tokens are never stemmed: stemming only changes the end of a Latin word, and removes at most three
 * leading letters (prefixes) of an Arabic or Hebrew one. Tokens with apostrophes or other letters are always checked.
 */
function mayMatch(matched: ReadonlySet<string>): (token: string) => boolean {
  const latin = new Set<number>();
  const other: string[] = [];
  for (const term of matched) {
    if (isAsciiAlphanumeric(term.charCodeAt(0))) latin.add(term.charCodeAt(0) * 0x10000 + term.charCodeAt(1));
    else other.push(term.slice(0, 2));
  }
  return (token) => {
    const first = token.charCodeAt(0);
    if (isAsciiAlphanumeric(first) && !token.includes("'") && !token.includes('’')) return latin.has(first * 0x10000 + token.charCodeAt(1));
    if (first >= 0x590 && first < 0x700) {
      return other.some((start) => {
        const at = token.indexOf(start);
        return at >= 0 && at <= 3;
      });
    }
    return true;
  };
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** How many distinct matched terms a normalised text holds. */
function hits(normalized: string, matched: ReadonlySet<string>, candidate: (token: string) => boolean): number {
  const found = new Set<string>();
  for (const token of tokenizeNormalized(normalized)) {
    if (!candidate(token)) continue;
    for (const term of wordTerms(token)) if (matched.has(term)) found.add(term);
  }
  return found.size;
}

/**
 * A short passage of the article (plain text, at most ~200 characters) around the words that matched:
 * the line or sentence holding the most distinct query terms, cut to a window starting near the first match.
 * Expects the plain text of an article as loaded (already cleaned); it is normalised in one pass, not per segment.
 */
export function makeSnippet(plain: string, matched: ReadonlySet<string>): string {
  const segments = plain
    .slice(0, SCAN_CHARS)
    .split(SEGMENTS)
    .map((segment) => segment.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const normalized = normalizeClean(segments.join(SEPARATOR)).split(SEPARATOR);
  const candidate = mayMatch(matched);
  let best = 0;
  let bestHits = 0;
  for (let i = 0; i < segments.length && bestHits < matched.size; i++) {
    const found = hits(normalized[i] ?? '', matched, candidate);
    if (found > bestHits) {
      best = i;
      bestHits = found;
    }
  }
  const text = segments[best] ?? '';
  if (text.length <= MAX_CHARS) return text;
  const words = text.split(' ');
  const first = bestHits ? words.findIndex((word) => hits(normalizeClean(word), matched, candidate) > 0) : 0;
  return truncate(words, Math.max(0, first - LEAD_WORDS));
}

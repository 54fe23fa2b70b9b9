import { isGram, processTerm, tokenize } from '../text/analyze';
import type { ArticleDraft } from './draft';

/**
 * Title checks for lint. Near-duplicate titles split the answers to one question between articles and make
 * agents pick; a title mixing scripts is usually a look-alike letter (Cyrillic "а" in "pаssword") or a
 * half-translated title, which search in either language then misses.
 */

/** Titles at least this similar (Jaccard of their index terms) are near duplicates. */
const NEAR = 0.9;

function titleTerms(title: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(title)) {
    const processed = processTerm(token);
    for (const term of processed === null ? [] : typeof processed === 'string' ? [processed] : processed) if (!isGram(term)) terms.add(term);
  }
  return [...terms];
}

/**
 * Pairs of articles of the same locale whose titles have the same index terms, or nearly (Jaccard at least
 * 0.9: stems and stop words aside, "How do I reset my password?" and "Resetting your password" are one
 * title). Each article is paired with the first earlier one it repeats. Prefix filtering keeps this near
 * linear: two sets that similar must share one of the rarest few terms of each.
 */
export function nearDuplicateTitles(drafts: readonly ArticleDraft[]): { draft: ArticleDraft; other: ArticleDraft }[] {
  const titled = drafts.flatMap((draft) => {
    const title = draft.fields.title;
    const terms = typeof title === 'string' ? titleTerms(title) : [];
    return terms.length ? [{ draft, terms: new Set(terms), sorted: terms, locale: String(draft.fields.locale ?? '').toLowerCase() }] : [];
  });
  const frequency = new Map<string, number>();
  for (const { sorted } of titled) for (const term of sorted) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  for (const entry of titled) entry.sorted.sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : 1));
  const seen = new Map<string, number[]>();
  const pairs: { draft: ArticleDraft; other: ArticleDraft }[] = [];
  titled.forEach((entry, i) => {
    const size = entry.terms.size;
    const prefix = entry.sorted.slice(0, size - Math.ceil(NEAR * size) + 1);
    const candidates = new Set(prefix.flatMap((term) => seen.get(`${entry.locale}\u0000${term}`) ?? []));
    const match = [...candidates]
      .sort((a, b) => a - b)
      .find((j) => {
        const other = titled[j];
        if (!other || Math.min(size, other.terms.size) < NEAR * Math.max(size, other.terms.size)) return false;
        let shared = 0;
        for (const term of entry.terms) if (other.terms.has(term)) shared++;
        return shared / (size + other.terms.size - shared) >= NEAR;
      });
    const other = match === undefined ? undefined : titled[match];
    if (other) pairs.push({ draft: entry.draft, other: other.draft });
    for (const term of prefix) {
      const key = `${entry.locale}\u0000${term}`;
      const list = seen.get(key);
      if (list) list.push(i);
      else seen.set(key, [i]);
    }
  });
  return pairs;
}

const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function scriptsOf(word: string): string[] {
  const found = new Set<string>();
  for (const letter of word) {
    const script = SCRIPTS.find(([, pattern]) => pattern.test(letter));
    if (script) found.add(script[0]);
  }
  return [...found];
}

/**
 * Scripts mixed in a title: inside one word always; across words when Arabic meets Hebrew, or when a word in
 * another script than the title's is not a name. Names are words with a capital or a digit ("SSO", "iPhone",
 * "2FA") or one of the article's tags.
 */
export function titleScriptProblems(title: string, tags: unknown): string[] {
  const tagSet = new Set((Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : []).map((tag) => String(tag).trim().toLowerCase()));
  const problems: string[] = [];
  const letters = new Map<string, number>();
  const words: { word: string; script: string }[] = [];
  for (const [word] of title.matchAll(WORD)) {
    const scripts = scriptsOf(word);
    if (scripts.length > 1) problems.push(`mixed scripts in the title's word "${word}" (${scripts.join(' and ')})`);
    const script = scripts[0];
    if (scripts.length !== 1 || script === undefined) continue;
    words.push({ word, script });
    letters.set(script, (letters.get(script) ?? 0) + word.length);
  }
  if (letters.has('Arabic') && letters.has('Hebrew')) problems.push('title mixes Arabic and Hebrew');
  const main = [...letters].sort((a, b) => b[1] - a[1])[0]?.[0];
  const foreign = words.filter(({ word, script }) => script !== main && !/[\p{Lu}\p{N}]/u.test(word) && !tagSet.has(word.toLowerCase()));
  if (foreign.length && !(letters.has('Arabic') && letters.has('Hebrew'))) {
    const scripts = [...new Set(foreign.map((f) => f.script))].join(', ');
    problems.push(`title mixes scripts: ${foreign.map((f) => `"${f.word}"`).join(', ')} (${scripts}) in ${/^[AEIOU]/.test(main ?? '') ? 'an' : 'a'} ${main} title, not a name or a tag`);
  }
  return problems;
}

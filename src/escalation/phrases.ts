import { cleanText, normalize } from '../text/normalize';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const NOT_WORD_CHAR = '[^\\p{L}\\p{M}\\p{N}]';
const HEBREW = /^[\u0590-\u05ff]/;
const ARABIC = /^[\u0600-\u06ff]/;

// Hebrew writes the conjunction, article and prepositions ו ה ש ב כ ל מ as letters glued to the word
// ("ולבטל", "השירות"); up to three stack.
const HEBREW_PREFIX = '[והשבכלמ]{0,3}';
// Arabic glues و/ف ("and"), ب/ك/ل ("with", "like", "for") and the article ال, in that order; ل + ال is
// written لل.
const ARABIC_PREFIX = '(?:[وف]?(?:[بك]?ال|لل|[بكل])?)';
const ARABIC_ARTICLE = 'ال';
const HEBREW_ARTICLE = 'ה';

/**
 * A helpdesk value (priority, status, tag) as words: "On-Hold", "on_hold" and "on hold" are one key.
 * Empty when the value has no letters or digits.
 */
export function wordKey(value: string): string {
  return (normalize(value).match(WORD) ?? []).join(' ');
}

/** Why a rule phrase can never match, or undefined when it is usable. */
export function phraseProblem(phrase: string): string | undefined {
  const body = phrase.trim().replace(/\*$/, '');
  if (body.includes('*')) return 'only the end of a phrase may be "*"';
  if (!normalize(body).match(WORD)) return 'has no letters or digits';
  return undefined;
}

export interface PhraseMatcher {
  pattern: RegExp;
  /** A word the text must contain for the pattern to match: a plain substring test skips most texts cheaply. */
  needle: string;
}

/** Whether `normalize`d text contains the phrase. */
export function hasPhrase(text: string, { pattern, needle }: PhraseMatcher): boolean {
  return text.includes(needle) && pattern.test(text);
}

// Decided on the text as written: folding turns the hamza of "إلغاء" into a plain alef, and "الغاء" has no article.
function hasArabicArticle(normalized: string, written: string | undefined): boolean {
  return written !== undefined && written.startsWith(ARABIC_ARTICLE) && normalized.length > ARABIC_ARTICLE.length + 1;
}

/**
 * Compiles a rule phrase into a whole-word pattern over `normalize`d text. Words may be separated by any
 * punctuation or space ("not-loading", "can’t"); the first word may carry Hebrew or Arabic prefixes and
 * later ones the definite article (construct state: "עורך הדין", "خرق بيانات"); a trailing `*` lets the
 * last word go on (حساب* → حسابي, حسابنا).
 */
export function compilePhrase(phrase: string): PhraseMatcher | undefined {
  const written = phrase.trim();
  const open = written.endsWith('*');
  const body = open ? written.slice(0, -1) : written;
  const words = normalize(body).match(WORD);
  if (!words) return undefined;
  // The same words before folding, to see how each was written (same count: folding keeps word breaks).
  const asWritten = cleanText(body).match(WORD) ?? [];

  // Each word as prefix pattern + the core that must appear as it is.
  const parts = words.map((word, i) => {
    const article = ARABIC.test(word) && hasArabicArticle(word, asWritten[i]);
    const core = article ? word.slice(ARABIC_ARTICLE.length) : word;
    if (i === 0 && HEBREW.test(word)) return { prefix: HEBREW_PREFIX, core };
    if (i === 0 && ARABIC.test(word)) return { prefix: ARABIC_PREFIX, core };
    if (HEBREW.test(word)) return { prefix: `${HEBREW_ARTICLE}?`, core };
    return { prefix: article ? `(?:${ARABIC_ARTICLE})?` : '', core };
  });
  const end = open ? `${WORD_CHAR}*` : `(?!${WORD_CHAR})`;
  const source = parts.map(({ prefix, core }) => prefix + core).join(`${NOT_WORD_CHAR}+`);
  const needle = parts.reduce((longest, { core }) => (core.length > longest.length ? core : longest), '');
  return { pattern: new RegExp(`(?<!${WORD_CHAR})${source}${end}`, 'u'), needle };
}

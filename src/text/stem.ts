import { stem as porter2 } from 'porter2';

/** English: Porter2 (Snowball English). Accents are folded first so that "café" and "cafe" meet. */
export function stemEnglish(word: string): string {
  const plain = /[^\p{ASCII}]/u.test(word) ? word.normalize('NFD').replace(/\p{M}+/gu, '') : word;
  return porter2(plain);
}

// Longest first, so that "وال" wins over "و".
const ARABIC_ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
// Pronoun endings (my, your, his, her, our, their), after normalisation (ة is already ه). Longest first.
const ARABIC_PRONOUNS = ['كما', 'هما', 'كم', 'هم', 'كن', 'هن', 'ها', 'نا', 'ك', 'ه', 'ي'];
// Plural, dual and adjective endings (ية is already يه). Longest first.
const ARABIC_PLURALS = ['ات', 'ان', 'ون', 'ين', 'يه'];
const ARABIC_MIN_STEM = 3;

function stripEnd(word: string, endings: readonly string[]): string | undefined {
  const end = endings.find((e) => word.endsWith(e) && word.length - e.length >= ARABIC_MIN_STEM);
  return end === undefined ? undefined : word.slice(0, -end.length);
}

/**
 * Arabic light stemming: a conjunction or article prefix, then a pronoun ending (with a plural ending
 * before it: حساباتكم -> حساب) or else a plural ending, each only when at least
 * three letters remain. Light stemming keeps forms of a word together without the root extraction
 * that merges unrelated words.
 */
export function stemArabic(word: string): string {
  let w = word;
  const article = ARABIC_ARTICLES.find((prefix) => w.startsWith(prefix) && w.length - prefix.length >= ARABIC_MIN_STEM - 1);
  if (article) w = w.slice(article.length);
  else if (w.startsWith('و') && w.length - 1 > ARABIC_MIN_STEM) w = w.slice(1);
  const withoutPronoun = stripEnd(w, ARABIC_PRONOUNS);
  if (withoutPronoun === undefined) return stripEnd(w, ARABIC_PLURALS) ?? w;
  // A feminine noun's ة is written ت before a pronoun (بطاقة, بطاقتي): both meet at بطاق.
  return stripEnd(withoutPronoun, ['ات', 'ت']) ?? withoutPronoun;
}

const HEBREW_PREFIXES = new Set(['ו', 'ה', 'ש', 'ב', 'כ', 'ל', 'מ']);
const HEBREW_FINALS: Readonly<Record<string, string>> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const HEBREW_PLURALS = ['ים', 'ות'];

/**
 * Hebrew: a plural ending while three letters remain, then up to two one-letter prefixes (and, the, that,
 * in, as, to, from), the first while three letters remain and the second while four do (so בבוקר keeps its
 * own ב), and final letter forms folded so that חשבון and חשבונות meet. The ending goes first so that
 * the prefixes of a singular and its plural are judged on the same letters (משתמש, משתמשים).
 */
export function stemHebrew(word: string): string {
  let w = word;
  const plural = HEBREW_PLURALS.find((end) => w.endsWith(end) && w.length - end.length >= 3);
  if (plural) w = w.slice(0, -plural.length);
  if (w.length > 3 && HEBREW_PREFIXES.has(w[0] ?? '')) {
    w = w.slice(1);
    if (w.length > 4 && HEBREW_PREFIXES.has(w[0] ?? '')) w = w.slice(1);
  }
  return w.replace(/[ךםןףץ]/g, (letter) => HEBREW_FINALS[letter] ?? letter);
}

import { normalize } from './normalize';
import { scanRuns } from './scan';
import { type Script, scriptOf } from './script';
import { stemArabic, stemEnglish, stemHebrew } from './stem';
import { isStopWord } from './stopwords';

const JOINER = /[-_./]/;
const DIGIT = /\p{N}/u;
const APOSTROPHE = /['’]/g;
const MAX_TOKEN = 64;

// Verbs whose particle makes the noun that articles use: "log in" / "login", "top up" / "top-up" / "topup".
const PHRASAL_VERBS = new Set(['log', 'sign', 'top', 'set', 'check', 'back', 'cash', 'opt', 'roll', 'pay', 'pick', 'start']);
const PARTICLES = new Set(['in', 'on', 'out', 'up', 'off', 'back']);

/** English contractions whose negation carries meaning ("haven't received"); the rest lose their clitic. */
const NEGATION = /n['’]t$/;
const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall' };

/**
 * Splits text into index tokens. A joined run that holds a digit is kept whole as a code (`e-1021`, `v2.3`)
 * besides its parts; a hyphenated word also yields its closed form (`sign-in` -> `signin`) so both spellings meet.
 */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalize(text));
}

/** `tokenize` for text that is already the output of `normalize`. */
export function tokenizeNormalized(normalized: string): string[] {
  const tokens: string[] = [];
  let previous = '';
  // Runs of letters, marks and digits, possibly joined by code punctuation (E-1021, v2.3, sign-in) or apostrophes.
  scanRuns(normalized, (match, joined) => {
    if (match.length > MAX_TOKEN) return;
    if (PARTICLES.has(match) && PHRASAL_VERBS.has(previous)) tokens.push(previous + match);
    previous = match;
    if (!joined) {
      tokens.push(match);
      return;
    }
    const parts = match.split(JOINER).filter(Boolean);
    tokens.push(...parts);
    if (DIGIT.test(match)) tokens.push(match.replace(APOSTROPHE, ''));
    else if (!/[./]/.test(match) && parts.length <= 3) tokens.push(parts.join('').replace(APOSTROPHE, ''));
  });
  return tokens;
}

function processLatin(term: string): string | string[] | null {
  if (term.includes("'") || term.includes('’')) {
    const negated = NEGATION.test(term);
    const base = negated ? (IRREGULAR_NEGATIONS[term.slice(0, -3)] ?? term.slice(0, -3)) : (term.split(APOSTROPHE)[0] ?? '');
    const stems = [base, ...(negated ? ['not'] : [])].flatMap((word) => processLatin(word) ?? []);
    return stems.length ? stems : null;
  }
  if (isStopWord(term, 'latin')) return null;
  return stemEnglish(term);
}

const STEMMERS: Readonly<Record<Exclude<Script, 'latin'>, (word: string) => string>> = {
  arabic: stemArabic,
  hebrew: stemHebrew,
  other: (word) => word,
};

/** Marks letter n-gram terms, which can never collide with a word: `#` is not part of any token. */
export const GRAM_MARK = '#';
const GRAM_LENGTH = 3;

/**
 * Letter trigrams of a whole word, padded at both ends. Arabic and Hebrew attach particles and pronouns
 * to words and inflect inside them (broken plurals); trigrams let forms the light stemmers miss still meet.
 */
function letterGrams(word: string): string[] {
  const padded = `_${word}_`;
  const letters = /[\uD800-\uDFFF]/.test(padded) ? [...padded] : padded;
  const grams: string[] = [];
  for (let i = 0; i + GRAM_LENGTH <= letters.length; i++) grams.push(GRAM_MARK + letters.slice(i, i + GRAM_LENGTH));
  return grams;
}

export function isGram(term: string): boolean {
  return term.startsWith(GRAM_MARK);
}

/**
 * Turns one token into index terms: stop words dropped, the word stemmed by the rules of its own script,
 * so an English word inside an Arabic sentence is stemmed as English. Codes and numbers pass unchanged.
 * Expects tokens from `tokenize` (already normalized).
 */
export function processTerm(token: string): string | string[] | null {
  if (DIGIT.test(token)) return token;
  if (token.length < 2 || (token.length === 2 && (token.codePointAt(0) ?? 0) > 0xffff)) return null;
  const script = scriptOf(token);
  if (script === 'latin') return processLatin(token);
  if (isStopWord(token, script)) return null;
  const stem = STEMMERS[script](token);
  if (isStopWord(stem, script)) return null;
  return stem;
}

interface Analysed {
  words: readonly string[];
  all: readonly string[];
}

// Tokens repeat (Zipf): remembering the analysis of the last few thousand distinct ones makes indexing and
// snippets cost a lookup per token. Cleared when full rather than evicted one by one: cheap and bounded.
const MEMO_SIZE = 50_000;
const memo = new Map<string, Analysed>();

function analyse(token: string): Analysed {
  let analysed = memo.get(token);
  if (analysed) return analysed;
  const processed = processTerm(token);
  const words = processed === null ? [] : typeof processed === 'string' ? [processed] : processed;
  const script = words.length === 1 && !DIGIT.test(token) ? scriptOf(token) : 'other';
  analysed = { words, all: script === 'arabic' || script === 'hebrew' ? [...words, ...letterGrams(token)] : words };
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(token, analysed);
  return analysed;
}

/** Every index term of one token: its processed form(s) and, for an Arabic or Hebrew word, its letter trigrams (`isGram`). */
export function tokenTerms(token: string): readonly string[] {
  return analyse(token).all;
}

/** The word terms of one token, without letter trigrams. */
export function wordTerms(token: string): readonly string[] {
  return analyse(token).words;
}

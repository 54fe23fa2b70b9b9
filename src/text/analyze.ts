import { normalize } from './normalize';
import { type Script, scriptOf } from './script';
import { stemArabic, stemEnglish, stemHebrew } from './stem';
import { isStopWord } from './stopwords';

/** A run of letters, marks and digits, possibly joined to more runs by code punctuation (E-1021, v2.3, sign-in). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-_./'’][\p{L}\p{M}\p{N}]+)*/gu;
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
  const tokens: string[] = [];
  let previous = '';
  for (const [match] of normalize(text).matchAll(TOKEN)) {
    if (match.length > MAX_TOKEN) continue;
    if (PARTICLES.has(match) && PHRASAL_VERBS.has(previous)) tokens.push(previous + match);
    previous = match;
    if (!JOINER.test(match)) {
      tokens.push(match);
      continue;
    }
    const parts = match.split(JOINER).filter(Boolean);
    tokens.push(...parts);
    if (DIGIT.test(match)) tokens.push(match.replace(APOSTROPHE, ''));
    else if (!/[./]/.test(match) && parts.length <= 3) tokens.push(parts.join('').replace(APOSTROPHE, ''));
  }
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
  const letters = [...`_${word}_`];
  const grams: string[] = [];
  for (let i = 0; i + GRAM_LENGTH <= letters.length; i++) grams.push(GRAM_MARK + letters.slice(i, i + GRAM_LENGTH).join(''));
  return grams;
}

export function isGram(term: string): boolean {
  return term.startsWith(GRAM_MARK);
}

/**
 * Turns one token into index terms: stop words dropped, the word stemmed by the rules of its own script,
 * so an English word inside an Arabic sentence is stemmed as English. Arabic and Hebrew words also yield
 * letter trigrams (`isGram`). Codes and numbers pass unchanged.
 * Expects tokens from `tokenize` (already normalized).
 */
export function processTerm(token: string): string | string[] | null {
  if (DIGIT.test(token)) return token;
  if ([...token].length < 2) return null;
  const script = scriptOf(token);
  if (script === 'latin') return processLatin(token);
  if (isStopWord(token, script)) return null;
  const stem = STEMMERS[script](token);
  if (isStopWord(stem, script)) return null;
  return script === 'other' ? stem : [stem, ...letterGrams(token)];
}

/**
 * A cheap language guess from the script of the letters, then from a handful of function words
 * for Latin-script text. The first few thousand characters are enough for a ticket and keep the cost flat.
 */

const SAMPLE = 4_000;

// A script wins when its letters are at least this share of all letters: Arabic and Hebrew tickets
// routinely carry English product names, codes and URLs.
const SCRIPT_SHARE = 0.3;

const ARABIC = /(?=\p{L})\p{Script=Arabic}/gu;
const HEBREW = /(?=\p{L})\p{Script=Hebrew}/gu;
const LETTER = /\p{L}/gu;
const LATIN_WORD = /[a-zà-ÿ]+/g;

// Frequent words that are (nearly) unique to one language; English is the default and needs none.
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  es: ['el', 'los', 'las', 'una', 'por', 'para', 'con', 'que', 'del', 'pero', 'mi', 'su', 'es', 'está', 'hola', 'gracias', 'cuenta', 'cómo', 'cuando', 'puedo', 'tengo', 'también'],
  fr: ['le', 'les', 'une', 'des', 'est', 'pour', 'avec', 'dans', 'pas', 'que', 'je', 'vous', 'nous', 'mon', 'votre', 'bonjour', 'merci', 'sur', 'ai', 'été', 'très', 'aussi'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'sie', 'mit', 'für', 'auf', 'ein', 'eine', 'mein', 'ihr', 'bitte', 'danke', 'hallo', 'wir', 'den', 'dem', 'auch'],
  pt: ['o', 'os', 'uma', 'não', 'com', 'para', 'por', 'que', 'meu', 'minha', 'você', 'obrigado', 'olá', 'está', 'isso', 'também', 'conta', 'em', 'do', 'da', 'ao'],
  en: ['the', 'and', 'is', 'to', 'my', 'i', 'you', 'it', 'of', 'for', 'with', 'not', 'this', 'have', 'please', 'thanks', 'hello', 'hi', 'was', 'can', 'your', 'on'],
};

const WORD_SETS = Object.entries(FUNCTION_WORDS).map(([language, words]) => [language, new Set(words)] as const);

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}

function guessLatin(sample: string): string {
  const scores = new Map<string, number>();
  for (const [word] of sample.toLowerCase().matchAll(LATIN_WORD)) {
    for (const [language, words] of WORD_SETS) {
      if (words.has(word)) scores.set(language, (scores.get(language) ?? 0) + 1);
    }
  }
  const english = scores.get('en') ?? 0;
  let best = 'en';
  let bestScore = english;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  // Two function words are not evidence: short texts stay English unless another language clearly leads.
  return bestScore >= 3 && bestScore >= english * 1.5 ? best : 'en';
}

/** BCP 47 primary subtag: `ar`, `he`, `es`, `fr`, `de`, `pt`, or `en` when nothing else is evident. */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const letters = count(sample, LETTER);
  if (letters === 0) return 'en';
  const arabic = count(sample, ARABIC);
  const hebrew = count(sample, HEBREW);
  if (arabic >= hebrew && arabic / letters >= SCRIPT_SHARE) return 'ar';
  if (hebrew > arabic && hebrew / letters >= SCRIPT_SHARE) return 'he';
  return guessLatin(sample);
}

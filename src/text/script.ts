/** The writing systems the analyser treats differently. */
export type Script = 'latin' | 'arabic' | 'hebrew' | 'other';

const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** The script of one letter, by code point range for the common blocks and by Unicode property otherwise. */
function scriptOfLetter(letter: string): Script {
  const code = letter.charCodeAt(0);
  if (code < 0x250) return 'latin';
  if (code >= 0x590 && code < 0x600) return 'hebrew';
  if (code >= 0x600 && code < 0x700) return 'arabic';
  if (LATIN.test(letter)) return 'latin';
  if (ARABIC.test(letter)) return 'arabic';
  if (HEBREW.test(letter)) return 'hebrew';
  return 'other';
}

/** The script of a single token, from its first letter: mixed-script tokens are rare and codes are handled before. */
export function scriptOf(token: string): Script {
  const first = token.charCodeAt(0);
  // Lower-case ASCII letters: nearly every token of English text.
  if (first >= 0x61 && first <= 0x7a) return 'latin';
  const letter = LETTER.exec(token)?.[0];
  return letter === undefined ? 'other' : scriptOfLetter(letter);
}

/** The writing systems the analyser treats differently. */
export type Script = 'latin' | 'arabic' | 'hebrew' | 'other';

const ARABIC = /\p{Script=Arabic}/u;
const HEBREW = /\p{Script=Hebrew}/u;
const LATIN = /\p{Script=Latin}/u;

/** The script of a single token, from its first letter: mixed-script tokens are rare and codes are handled before. */
export function scriptOf(token: string): Script {
  const letter = /\p{L}/u.exec(token)?.[0];
  if (letter === undefined) return 'other';
  if (LATIN.test(letter)) return 'latin';
  if (ARABIC.test(letter)) return 'arabic';
  if (HEBREW.test(letter)) return 'hebrew';
  return 'other';
}

import fc from 'fast-check';

/*
 * Text a stranger can type or paste, for property-based tests: every code point, broken UTF-16, combining marks,
 * bidi and zero-width controls, escapes that decode into them, compatibility characters that grow under NFKC,
 * Arabic and Hebrew with their marks, and the line breaks and separators the readers split on.
 */

/** Zero-width, bidi embedding, override and isolate controls, marks and invisible formatting characters. */
export const INVISIBLES = [
  '\u00ad', '\u034f', '\u061c', '\u180e', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2061', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff',
];

const ESCAPES = ['\\u200b', '\\u202E', '\\u{1F600}', '\\u{110000}', '\\x00', '\\xad', '&#x200b;', '&#8238;', '&#0;', '&zwsp;', '&rlm;', '&amp;lt;', '&nbsp;', '&#xD800;', '\\ud83d'];

const LETTERS = ['a', 'Z', 'é', 'İ', 'ß', '9', 'ب', 'أ', 'ة', 'ـ', 'ש', 'ך', '中', '😀', '𝔘', 'ﷺ', 'ﬁ', '№', '㎒', '-', '.', '/', "'", '@', '>', ':', ',', '!', '#'];

const SEPARATORS = [' ', '  ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\u3000', '\u0000', '\u0007', '\u007f', '\u0085'];

const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 3, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 2, arbitrary: fc.constantFrom(...ESCAPES) },
  // Combining marks: Latin, Arabic harakat, Hebrew points.
  { weight: 2, arbitrary: fc.integer({ min: 0x0300, max: 0x036f }).map((cp) => String.fromCharCode(cp)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x064b, max: 0x065f }).map((cp) => String.fromCharCode(cp)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x0591, max: 0x05c7 }).map((cp) => String.fromCharCode(cp)) },
  // Lone and mismatched surrogates.
  { weight: 2, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((cp) => String.fromCharCode(cp)) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Short hostile text. */
export function hostileText(maxLength = 40): fc.Arbitrary<string> {
  return fc.string({ unit, maxLength });
}

/** Hostile text now and then blown up to `max` characters by repeating a piece of it. */
export function hugeText(max: number, short = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileText(short) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileText(short).filter((piece) => piece.length > 0), fc.integer({ min: 1, max }))
        .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length)),
    },
  );
}

/** Lines of hostile text mixed with the given words, so that parsers and rankers get past their first checks. */
export function textWith(words: readonly string[], maxWords = 30): fc.Arbitrary<string> {
  const word = words.length > 0 ? fc.oneof(fc.constantFrom(...words), hostileText(12)) : hostileText(12);
  return fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '\n', ', ', '\n\n', '\u200f ')), { maxLength: maxWords }).map((parts) => parts.flat().join(''));
}

/**
 * Text clean-up shared by indexing, querying and display. Every step is a single linear regex pass,
 * so a multi-megabyte thread costs a few passes over the string and nothing can throw.
 */

// Named entities that show up in pasted helpdesk HTML. Unknown names are left as written.
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwsp: '\u200b',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
  cent: '\u00a2',
  deg: '\u00b0',
  times: '\u00d7',
  divide: '\u00f7',
  agrave: '\u00e0',
  aacute: '\u00e1',
  acirc: '\u00e2',
  auml: '\u00e4',
  ccedil: '\u00e7',
  egrave: '\u00e8',
  eacute: '\u00e9',
  ecirc: '\u00ea',
  euml: '\u00eb',
  iacute: '\u00ed',
  iuml: '\u00ef',
  ntilde: '\u00f1',
  oacute: '\u00f3',
  ocirc: '\u00f4',
  ouml: '\u00f6',
  uacute: '\u00fa',
  ugrave: '\u00f9',
  uuml: '\u00fc',
  szlig: '\u00df',
};

const ESCAPE =
  /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|&#[xX]([0-9a-fA-F]{1,6});|&#([0-9]{1,7});|&([a-zA-Z][a-zA-Z0-9]{1,15});/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Zero-width, joiners, bidi embeddings/overrides/isolates, word joiner, invisible operators, BOM, soft hyphen,
// Arabic letter mark, Mongolian vowel separator, combining grapheme joiner.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]|\u034f/g;

// Control characters other than tab and line breaks.
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

const WHITESPACE = /\s+/g;

const BLANK_LINES = /\n{3,}/g;

// Arabic harakat, superscript alef, tatweel and Quranic annotation marks.
const ARABIC_MARKS = /[\u0610-\u061a]|[\u064b-\u065f]|\u0670|\u0640|[\u06d6-\u06dc]|[\u06df-\u06e8]|[\u06ea-\u06ed]/g;
const ARABIC_ALEF = /[\u0622\u0623\u0625\u0671]/g;
const ARABIC_YEH = /[\u0649\u06cc]/g;
const ARABIC_TEH_MARBUTA = /\u0629/g;
const ARABIC_KEHEH = /\u06a9/g;
// Hamza on waw and yeh are written with and without the hamza, more so in dialect text (مسؤول, مسئول, مسوول).
const ARABIC_HAMZA_WAW = /\u0624/g;
const ARABIC_HAMZA_YEH = /\u0626/g;
// A letter written three or more times in a row ("شكرااا") is emphasis, not spelling.
const ELONGATION = /([\u0621-\u064a\u05d0-\u05ea])\1{2,}/g;

// Hebrew points and cantillation; maqaf, paseq and sof pasuq are punctuation and stay.
const HEBREW_MARKS = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g;

function codePointToString(cp: number): string | undefined {
  if (!Number.isFinite(cp) || cp < 0 || cp > 0x10ffff) return undefined;
  return String.fromCodePoint(cp);
}

/** Decodes literal `\uXXXX`, `\u{...}`, `\xXX` escapes and HTML character references, once (no double decoding). */
export function decodeEscapes(text: string): string {
  if (!text.includes('\\') && !text.includes('&')) return text;
  return text.replace(ESCAPE, (match, braced?: string, u4?: string, x2?: string, hexRef?: string, decRef?: string, name?: string) => {
    const hex = braced ?? u4 ?? x2 ?? hexRef;
    if (hex !== undefined) return codePointToString(parseInt(hex, 16)) ?? match;
    if (decRef !== undefined) return codePointToString(parseInt(decRef, 10)) ?? match;
    if (name !== undefined) return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? match;
    return match;
  });
}

/** Steps shared by both functions: escapes, broken UTF-16, invisible characters, compatibility forms, controls. */
function scrub(text: string): string {
  let s = decodeEscapes(text);
  s = s.replace(LONE_SURROGATE, '');
  // Before NFKC, which never produces these: marks they separated are then ordered and composed in one pass,
  // so that cleaning cleaned text changes nothing.
  s = s.replace(INVISIBLE, '');
  s = s.normalize('NFKC');
  return s.replace(CONTROL, ' ');
}

/** Folds letters that writers use interchangeably, so that spelling variants meet in the index. */
function foldLetters(text: string): string {
  return text
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_ALEF, '\u0627')
    .replace(ARABIC_YEH, '\u064a')
    .replace(ARABIC_TEH_MARBUTA, '\u0647')
    .replace(ARABIC_KEHEH, '\u0643')
    .replace(ARABIC_HAMZA_WAW, '\u0648')
    .replace(ARABIC_HAMZA_YEH, '\u064a')
    .replace(ELONGATION, '$1')
    .replace(HEBREW_MARKS, '')
    .toLowerCase()
    // Lower-casing can leave marks out of canonical order (İ becomes i and U+0307) and a removed tatweel can
    // bring a letter and a mark together: composed again, so that normalising normalised text changes nothing.
    .normalize('NFKC');
}

/** Text for matching: cleaned, Arabic and Hebrew letter variants folded, lower-cased, whitespace collapsed. */
export function normalize(text: string): string {
  return foldLetters(scrub(text)).replace(WHITESPACE, ' ').trim();
}

/** `normalize` for text already cleaned by `cleanText` or `cleanBlock` (knowledge-base articles): folding only. */
export function normalizeClean(text: string): string {
  return foldLetters(text).replace(WHITESPACE, ' ').trim();
}

/** Text for display (titles, snippets): the same clean-up as `normalize` but case and letters kept as written. */
export function cleanText(text: string): string {
  return scrub(text).replace(WHITESPACE, ' ').trim();
}

/**
 * Like `cleanText` for multi-line text whose line structure carries meaning (Markdown bodies):
 * line breaks and indentation are kept, trailing spaces and runs of blank lines are trimmed.
 */
export function cleanBlock(text: string): string {
  return scrub(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(BLANK_LINES, '\n\n')
    .trim();
}

export interface Amount {
  value: number;
  /** The amount as it stands in the text, for the reason shown to the agent. */
  text: string;
}

// Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic decimal and thousands separators:
// NFKC leaves them as they are.
const ARABIC_NUMERALS = /[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g;

function westernDigits(text: string): string {
  return text.replace(ARABIC_NUMERALS, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

// Grouped thousands ("1,200.50", "1.200,50", "1 200", "1'200") or plain digits with up to two decimals.
const NUMBER = String.raw`\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SYMBOL = '[$€£₪¥₹]';
// In normalised (lower-cased, folded) form: ة is written ه.
const CURRENCY_WORD = [
  'usd|eur|gbp|ils|nis|sar|aed|egp|jod|kwd|qar|cad|aud|chf',
  'dollars?|euros?|pounds?|shekels?',
  'دولار(?:ات)?|يورو|ريال(?:ات)?|درهم|دراهم|دينار|دنانير|جنيه(?:ات)?|شيكل|شواقل',
  'ש"ח|ש״ח|שקל(?:ים)?|דולר(?:ים)?|יורו|אירו',
].join('|');
const AMOUNT = new RegExp(
  `(?:${SYMBOL}|(?<![\\p{L}])(?:${CURRENCY_WORD}))\\s?(${NUMBER})(?!\\p{N})` +
    `|(?<![\\p{L}\\p{N}.,])(${NUMBER})\\s?(?:${SYMBOL}|(?:${CURRENCY_WORD})(?!\\p{L}))`,
  'gu',
);

/** Reads "1,200.50", "1.200,50", "1 200" and "12,50" the way their writers meant them. */
function parseNumber(text: string): number {
  const digits = text.replace(/[' ]/g, '');
  const last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
  if (last === -1) return Number(digits);
  // Three digits after the last separator: it groups thousands; one or two: it is the decimal point.
  if (digits.length - last - 1 === 3) return Number(digits.replace(/[.,]/g, ''));
  return Number(`${digits.slice(0, last).replace(/[.,]/g, '')}.${digits.slice(last + 1)}`);
}

/** Amounts of money in normalised text: a number next to a currency symbol, code or name. */
export function findAmounts(text: string): Amount[] {
  const found: Amount[] = [];
  for (const match of westernDigits(text).matchAll(AMOUNT)) {
    const number = match[1] ?? match[2];
    if (number !== undefined) found.push({ value: parseNumber(number), text: match[0].trim() });
  }
  return found;
}

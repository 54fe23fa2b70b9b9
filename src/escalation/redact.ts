import { passesIbanCheck, passesLuhn } from './checksums';

/**
 * Masks personal data and secrets in text that leaves the ticket (the escalation note): e-mail addresses,
 * phone numbers, card numbers (Luhn), IBANs (mod 97), API keys and tokens, and passwords. Numbers are
 * masked only when their shape and checksums say what they are, so ticket ids, dates, order numbers and
 * amounts stay readable. Pure; no detector looks further than a few hundred characters.
 */

export const REDACTION_KINDS = ['email', 'phone', 'card', 'iban', 'token', 'password'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];
export type RedactionCounts = Record<RedactionKind, number>;

/** What replaces a masked value: `hint` is what may be shown of it (last digits, the kind of token). */
export type Mask = (kind: RedactionKind, hint: string | undefined) => string;

const ENGLISH_NAMES: Readonly<Record<RedactionKind, string>> = {
  email: 'email',
  phone: 'phone number',
  card: 'card number',
  iban: 'IBAN',
  token: 'token',
  password: 'password',
};

export const englishMask: Mask = (kind, hint) => `[hidden ${ENGLISH_NAMES[kind]}${hint ? ` (${hint})` : ''}]`;

export function noRedactions(): RedactionCounts {
  return { email: 0, phone: 0, card: 0, iban: 0, token: 0, password: 0 };
}

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  hint?: string;
}

/**
 * A detector pattern. With `prefix`, group 1 is context that stays (`password: `) and group 2 is the value
 * that is masked; without, the whole match is.
 */
interface Pattern {
  re: RegExp;
  kind: RedactionKind;
  hint?: string;
  prefix?: true;
  /** Checks the masked value; false keeps it. */
  accept?: (value: string) => boolean;
}

// Values after "password:" or "token=" that are words about the secret rather than the secret.
const NOT_SECRETS = new Set(
  (
    'not no none n/a na null empty blank missing required wrong incorrect invalid expired correct right ok fine ' +
    'reset changed updated accepted rejected working broken locked forgotten lost stolen compromised leaked ' +
    'weak strong long short too very still now also same different set saved sent shown hidden visible ' +
    'being been is was the a an my our your their it this that here there in on at for of to and or but ' +
    'field box page link manager policy reset-link change'
  ).split(' '),
);

const trimValue = (value: string) => value.replace(/[.,!?;:)\]}>]+$/u, '');
const looksSecret = (value: string) => {
  const trimmed = trimValue(value);
  return trimmed.length > 0 && !NOT_SECRETS.has(trimmed.toLowerCase());
};

const PASSWORD_KEYS = [
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'pwd',
  'pass',
  'pin',
  'كلمة المرور',
  'كلمة السر',
  'الرقم السري',
  'סיסמה',
  'סיסמא',
  'הסיסמה',
  'הסיסמא',
].join('|');
const TOKEN_KEYS = [
  'secret',
  'client[_ -]?secret',
  'secret[_ -]?key',
  'api[_ -]?key',
  'apikey',
  'api[_ -]?token',
  'access[_ -]?token',
  'auth[_ -]?token',
  'refresh[_ -]?token',
  'token',
  'private[_ -]?key',
  'aws_secret_access_key',
].join('|');
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const ASSIGN = `["']?\\s*[:=：]\\s*["']?`;
const VALUE = `([^\\s"'<>,;]+)`;
const SAYS = `\\s+(?:is|was|would be|هي|هو|היא|הוא|זה)\\s*:?\\s+["']?`;

const PATTERNS: readonly Pattern[] = [
  { re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, kind: 'token', hint: 'private key' },
  { re: /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]*/g, kind: 'token', hint: 'JWT' },
  { re: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}/g, kind: 'token', hint: 'Stripe' },
  { re: /\bwhsec_[A-Za-z0-9+/=]{20,}/g, kind: 'token', hint: 'Stripe' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{20,}/g, kind: 'token', hint: 'GitHub' },
  { re: /\bgithub_pat_\w{20,}/g, kind: 'token', hint: 'GitHub' },
  { re: /\bglpat-[\w-]{20,}/g, kind: 'token', hint: 'GitLab' },
  { re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, kind: 'token', hint: 'Slack' },
  { re: /\bxapp-[A-Za-z0-9-]{10,}/g, kind: 'token', hint: 'Slack' },
  { re: /https:\/\/hooks\.slack\.com\/services\/[\w/-]+/g, kind: 'token', hint: 'Slack webhook' },
  { re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}\b/g, kind: 'token', hint: 'AWS' },
  { re: /\bAIza[\w-]{35}/g, kind: 'token', hint: 'Google' },
  { re: /\bsk-(?:proj-|ant-)?[\w-]{20,}/g, kind: 'token', hint: 'API key' },
  { re: /\bnpm_[A-Za-z0-9]{36}\b/g, kind: 'token', hint: 'npm' },
  { re: /\bSG\.[\w-]{16,}\.[\w-]{16,}/g, kind: 'token', hint: 'SendGrid' },
  { re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g, kind: 'token', hint: 'Shopify' },
  { re: /(\bBearer\s+)([\w.~+/-]{16,}=*)/g, kind: 'token', hint: 'bearer', prefix: true },
  // user:password@host in a URL
  // A scheme is short: an unbounded one would rescan the rest of the text from every word.
  { re: /(\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/:@]{1,200}:)([^\s/@]+)(?=@)/gi, kind: 'password', prefix: true },
  { re: new RegExp(`(${NOT_WORD_BEFORE}(?:${PASSWORD_KEYS})${ASSIGN})${VALUE}`, 'giu'), kind: 'password', prefix: true, accept: looksSecret },
  { re: new RegExp(`(${NOT_WORD_BEFORE}(?:${TOKEN_KEYS})${ASSIGN})${VALUE}`, 'giu'), kind: 'token', prefix: true, accept: looksSecret },
  {
    re: new RegExp(`(${NOT_WORD_BEFORE}(?:password|passcode|pwd|pin|كلمة المرور|كلمة السر|ה?סיסמ[הא](?:\\s+שלי)?)${SAYS})${VALUE}`, 'giu'),
    kind: 'password',
    prefix: true,
    accept: looksSecret,
  },
  // Not the password of a user:password@host URL, which the pattern above masks as a password.
  { re: /(?<![\p{L}\p{N}._%+-])(?<!:\/\/[^\s/@]{1,200}:)[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu, kind: 'email' },
];

// Arabic-Indic and Eastern Arabic-Indic digits read as 0-9; one code unit each, so offsets do not move.
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

function fromPatterns(text: string): Span[] {
  const spans: Span[] = [];
  for (const { re, kind, hint, prefix, accept } of PATTERNS) {
    for (const match of text.matchAll(re)) {
      const kept = prefix ? (match[1] ?? '').length : 0;
      const raw = prefix ? (match[2] ?? '') : match[0];
      const value = prefix ? trimValue(raw) : raw;
      if (!value || (accept && !accept(value))) continue;
      const start = match.index + kept;
      spans.push({ start, end: start + value.length, kind, hint });
    }
  }
  return spans;
}

const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/giu;

function ibans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(IBAN)) {
    // A greedy match may have taken a word after the number: shorten it a group at a time.
    let candidate = match[0];
    while (candidate.length >= 15) {
      const compact = candidate.replace(/[ -]/g, '').toUpperCase();
      if (passesIbanCheck(compact)) {
        spans.push({ start: match.index, end: match.index + candidate.length, kind: 'iban', hint: `${compact.slice(0, 2)}…${compact.slice(-4)}` });
        break;
      }
      candidate = candidate.replace(/[ -]?[A-Z0-9]{1,4}$/i, '');
    }
  }
  return spans;
}

// Runs of digit groups joined by single spaces or dashes; a card number is some of the groups in a row.
const DIGIT_RUN = /(?<![\p{L}\p{N}.,_/+])(?<!\p{N}[.,-])\d+(?:[ -]\d+)*(?!\p{N})/gu;
const MAX_GROUPS = 12;

function cards(digitsText: string): Span[] {
  const spans: Span[] = [];
  for (const match of digitsText.matchAll(DIGIT_RUN)) {
    const groups: { start: number; digits: string }[] = [];
    for (const group of match[0].matchAll(/\d+/g)) groups.push({ start: match.index + group.index, digits: group[0] });
    if (groups.length > MAX_GROUPS) continue;
    for (let i = 0; i < groups.length; i++) {
      for (let j = groups.length - 1; j >= i; j--) {
        const digits = groups
          .slice(i, j + 1)
          .map((group) => group.digits)
          .join('');
        // Issuer numbers start with 2 (Mastercard) to 6 (Discover, UnionPay): other long numbers are not cards.
        if (digits.length < 13 || digits.length > 19 || digits[0]! < '2' || digits[0]! > '6' || !passesLuhn(digits)) continue;
        const last = groups[j]!;
        spans.push({ start: groups[i]!.start, end: last.start + last.digits.length, kind: 'card', hint: `…${digits.slice(-4)}` });
        i = j;
        break;
      }
    }
  }
  return spans;
}

const PHONE_WORDS = [
  'phone',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'whatsapp',
  'fax',
  'call me (?:at|on)',
  'هاتف',
  'هاتفي',
  'الهاتف',
  'جوال',
  'جوالي',
  'الجوال',
  'موبايل',
  'الموبايل',
  'טלפון',
  'הטלפון',
  'נייד',
  'הנייד',
  'פלאפון',
].join('|');

const PHONES: readonly RegExp[] = [
  // +44 20 7946 0958, +1 (415) 555-2671, +49 (0)30 123456, 00972 52-123-4567
  /(?:(?<![\p{N}+])\+|(?<![\p{L}\p{N}])00)\s?[1-9]\d{0,3}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}(?!\p{N})/gu,
  // (415) 555-2671, 415-555-2671, 415.555.2671
  /(?<![\p{L}\p{N}+.])(?<!\p{N}[.-])(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\p{N}|[.-]\d)/gu,
  // Numbers with a trunk 0: 020 7946 0958, 052-123-4567, 06 12 34 56 78
  /(?<![\p{L}\p{N}+.])(?<!\p{N}[.-])0\d{1,3}(?:[ .-]?\d{2,4}){2,4}(?!\p{N}|[.-]\d)/gu,
  // Anything number-like after a word for phone: "mobile: 0501234567", "هاتفي 0501234567"
  new RegExp(`((?<![\\p{L}])(?:${PHONE_WORDS})(?:\\s*(?:number|no\\.?|#|رقم|מספר))?(?:\\s+שלי)?(?:\\s+(?:is|هو|הוא|זה))?\\s*[:：]?\\s*)(\\+?\\d[\\d ().-]{5,}\\d)`, 'giu'),
];

const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

function phones(digitsText: string): Span[] {
  const spans: Span[] = [];
  PHONES.forEach((re, i) => {
    const contextual = i === PHONES.length - 1;
    for (const match of digitsText.matchAll(re)) {
      const kept = contextual ? (match[1] ?? '').length : 0;
      const value = contextual ? (match[2] ?? '') : match[0];
      const digits = value.replace(/^00/, '').replace(/\D/g, '');
      const [min, max] = contextual ? [7, 15] : value.startsWith('0') && !value.startsWith('00') ? [9, 11] : [8, 15];
      if (digits.length < min || digits.length > max || DATE_LIKE.test(value)) continue;
      // A trunk-0 number without any separator is as likely an order or account number.
      if (i === 2 && !/[ .-]/.test(value)) continue;
      const start = match.index + kept;
      spans.push({ start, end: start + value.length, kind: 'phone' });
    }
  });
  return spans;
}

// Long runs of letters and digits that look random: keys of services no pattern above names.
const CANDIDATE = /(?<![\w+/=-])[\w+/-]{20,}={0,2}(?![\w+/=-])/g;
const ENTROPY_BITS = 3.5;
const CLASS_CHANGES = 0.3;

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const charClass = (c: string) => (c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 3 : 4);

/** Words in CamelCase ("ProductVersion2024Release") change class a few times; random keys at most characters. */
function classChanges(text: string): number {
  let changes = 0;
  for (let i = 1; i < text.length; i++) if (charClass(text[i]!) !== charClass(text[i - 1]!)) changes++;
  return changes / (text.length - 1);
}

function randomLooking(text: string, start: number, end: number): Span | undefined {
  // Separators are not counted: "24/7-Incident-Response" is words joined, not a key.
  const value = text.slice(start, end).replace(/[=_/+-]/g, '');
  // Upper and lower case and digits: hex ids, hashes and UUIDs (which engineers need) have no upper case.
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return undefined;
  if (entropy(value) < ENTROPY_BITS || classChanges(value) < CLASS_CHANGES) return undefined;
  // Inside a URL it is a path or a document id, and the URL is needed as it is.
  const wordStart = text.lastIndexOf(' ', start) + 1;
  if (/^\S*(?::\/\/|www\.)/.test(text.slice(wordStart, start))) return undefined;
  return { start, end, kind: 'token' };
}

function highEntropy(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const span = randomLooking(text, match.index, match.index + match[0].length);
    if (span) spans.push(span);
  }
  return spans;
}

/** The spans to mask: where two overlap, the one that starts first wins, then the longer. */
function chooseSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Span[] = [];
  let reached = 0;
  for (const span of spans) {
    if (span.start < reached) continue;
    chosen.push(span);
    reached = span.end;
  }
  return chosen;
}

export interface Redacted {
  text: string;
  counts: RedactionCounts;
}

export function redact(text: string, mask: Mask = englishMask): Redacted {
  const counts = noRedactions();
  if (!text) return { text, counts };
  const digitsText = latinDigits(text);
  const spans = chooseSpans([...fromPatterns(text), ...ibans(digitsText), ...cards(digitsText), ...phones(digitsText), ...highEntropy(text)]);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + mask(span.kind, span.hint);
    at = span.end;
    counts[span.kind] += 1;
  }
  return { text: out + text.slice(at), counts };
}

export function addCounts(a: RedactionCounts, b: RedactionCounts): RedactionCounts {
  const sum = noRedactions();
  for (const kind of REDACTION_KINDS) sum[kind] = a[kind] + b[kind];
  return sum;
}

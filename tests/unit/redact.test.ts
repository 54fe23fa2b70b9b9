import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passesIbanCheck, passesLuhn } from '../../src/escalation/checksums';
import { redact } from '../../src/escalation/redact';
import type { RedactionKind } from '../../src/escalation/redact';

const CORPUS = 'tests/fixtures/escalation/redaction';
const rows = (file: string) =>
  readFileSync(`${CORPUS}/${file}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));

/** Each secret in a sentence of its own, or in English, Arabic and Hebrew sentences. */
const SENTENCES = ['Please reach me at {} today.', 'يرجى التواصل على {} اليوم', 'אפשר לפנות אליי ב-{} היום'];

const secrets = rows('must-mask.tsv').flatMap((line) => {
  const [kind, secret, sentence] = line.split('\t');
  const value = secret!.replace(/\\n/g, '\n');
  return (sentence ? [sentence] : SENTENCES).map((template) => ({ kind: kind as RedactionKind, secret: value, text: template.replace('{}', value) }));
});

describe('masking the corpus', () => {
  it('covers every kind in several formats', () => {
    const kinds = new Map<string, number>();
    for (const { kind } of secrets) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    for (const kind of ['email', 'phone', 'card', 'iban', 'token', 'password']) expect(kinds.get(kind)).toBeGreaterThanOrEqual(10);
  });

  it.each(secrets.map((row) => [row.kind, row.text, row]))('masks the %s in %j', (_kind, _text, { kind, secret, text }) => {
    const result = redact(text);
    expect(result.text).not.toContain(secret);
    expect(result.counts[kind]).toBeGreaterThanOrEqual(1);
  });

  it.each(rows('must-keep.txt'))('keeps %j as it is', (text) => {
    expect(redact(text)).toEqual({ text, counts: { email: 0, phone: 0, card: 0, iban: 0, token: 0, password: 0 } });
  });
});

describe('what a mask shows', () => {
  it('says what was hidden, with the last digits of cards and IBANs and the kind of token', () => {
    expect(redact('Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, key ghp_16C7e42F292c6912E7710c838347Ae178B4a').text).toBe(
      'Card [hidden card number (…1111)], IBAN [hidden IBAN (GB…5432)], key [hidden token (GitHub)]',
    );
    expect(redact('Write to dana@example.com or +1 (415) 555-2671, password: hunter2.').text).toBe(
      'Write to [hidden email] or [hidden phone number], password: [hidden password].',
    );
  });

  it('keeps the text around a masked value, and the host of a URL with a password in it', () => {
    expect(redact('https://admin:Sup3rS3cret@example.com/login').text).toBe('https://admin:[hidden password]@example.com/login');
    expect(redact('Authorization: Bearer abcdef0123456789ABCDEFxyz').text).toBe('Authorization: Bearer [hidden token (bearer)]');
  });

  it('takes the note’s own words for the mask', () => {
    expect(redact('dana@example.com', (kind, hint) => `<${kind}${hint ?? ''}>`).text).toBe('<email>');
  });

  it('leaves a card-like number that fails the checksum, and one no issuer starts with', () => {
    expect(redact('Order 4111 1111 1111 1112').text).toBe('Order 4111 1111 1111 1112');
    expect(redact('Ref 7992 7398 7130 0000 4').text).toBe('Ref 7992 7398 7130 0000 4');
  });
});

describe('checksums', () => {
  it('Luhn', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('79927398710')).toBe(false);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111x11111111111')).toBe(false);
  });

  it('IBAN mod 97', () => {
    expect(passesIbanCheck('DE89370400440532013000')).toBe(true);
    expect(passesIbanCheck('DE89370400440532013001')).toBe(false);
    expect(passesIbanCheck('DE8937040044')).toBe(false);
  });
});

describe('cost', () => {
  // Catastrophic backtracking would run for minutes and hit the timeout; the cost itself is measured by `npm run bench`.
  it('finishes on long and hostile text', { timeout: 20_000 }, () => {
    const hostile = ['a'.repeat(50_000), '1 '.repeat(25_000), `${'x'.repeat(5_000)}@`.repeat(10), 'password: '.repeat(5_000), '+1 '.repeat(20_000), 'ab.'.repeat(15_000), 'a:'.repeat(25_000), 'aB3-'.repeat(12_000)];
    for (const text of hostile) {
      expect(typeof redact(text).text).toBe('string');
    }
  });
});

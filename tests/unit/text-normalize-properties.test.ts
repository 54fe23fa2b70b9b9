import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanText, decodeEscapes, normalize, normalizeClean } from '../../src/text/normalize';
import { hostileText, hugeText, INVISIBLES } from '../support/hostile-text';

// NFKC turns one code unit into at most 18 (U+FDFA); lower-casing what it produces grows nothing further.
const MAX_GROWTH = 18;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[^\P{Cc}\t\n\r]/u;

function expectClean(output: string): void {
  for (const invisible of INVISIBLES) expect(output).not.toContain(invisible);
  expect(output).not.toMatch(LONE_SURROGATE);
  expect(output).not.toMatch(CONTROL);
}

describe('normalisation of random Unicode', () => {
  it('leaves no invisible, control or broken characters and no loose whitespace, within a bounded length', () => {
    fc.assert(
      fc.property(hugeText(100_000), (text) => {
        const output = normalize(text);
        expectClean(output);
        expect(output).toBe(output.trim());
        expect(output).not.toMatch(/[^\S ]| {2}/);
        expect(output.length).toBeLessThanOrEqual(MAX_GROWTH * text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('cleans display text and Markdown blocks the same way, keeping their lines', () => {
    fc.assert(
      fc.property(hugeText(20_000), (text) => {
        const line = cleanText(text);
        const block = cleanBlock(text);
        expectClean(line);
        expectClean(block);
        expect(line).not.toMatch(/\s{2}|\n/);
        expect(block).not.toMatch(/\n{3}|[^\S\n]\n|^\s|\s$/);
        expect(Math.max(line.length, block.length)).toBeLessThanOrEqual(MAX_GROWTH * text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('indexes cleaned text as it normalises a query: articles and tickets meet on the same terms', () => {
    fc.assert(
      fc.property(hostileText(60), (text) => {
        expect(normalizeClean(cleanText(text))).toBe(normalize(text));
        expect(normalizeClean(cleanBlock(text))).toBe(normalize(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('is idempotent once nothing is left to decode', () => {
    fc.assert(
      fc.property(hostileText(60), (text) => {
        const once = normalize(text);
        fc.pre(!once.includes('\\') && !once.includes('&'));
        expect(normalize(once)).toBe(once);
        expect(normalizeClean(once)).toBe(once);
        const shown = cleanText(text);
        expect(cleanText(shown)).toBe(shown);
      }),
      { numRuns: 1_000 },
    );
  });

  it('decodes each escape once and never grows the text', () => {
    fc.assert(
      fc.property(hostileText(60), (text) => {
        expect(decodeEscapes(text).length).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1_000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRuns } from '../../src/text/scan';

// The pattern the scanner stands for, as the tokenizer once matched it.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-_./'’][\p{L}\p{M}\p{N}]+)*/gu;

function runs(text: string): [string, boolean][] {
  const found: [string, boolean][] = [];
  scanRuns(text, (run, joined) => found.push([run, joined]));
  return found;
}

describe('scanRuns', () => {
  it('finds words, codes and joined runs', () => {
    expect(runs("E-1021 on sign-in, v2.3 isn't x_y ok.")).toEqual([
      ['E-1021', true],
      ['on', false],
      ['sign-in', true],
      ['v2.3', true],
      ["isn't", false],
      ['x_y', true],
      ['ok', false],
    ]);
    expect(runs('مرحبا بالعالم שלום 𝔘𝔫𝔦 e\u0301té')).toEqual([
      ['مرحبا', false],
      ['بالعالم', false],
      ['שלום', false],
      ['𝔘𝔫𝔦', false],
      ['e\u0301té', false],
    ]);
  });

  it('matches the Unicode pattern on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.array(fc.constantFrom('a', 'Z', '9', '-', '_', '.', '/', "'", '’', ' ', 'ب', 'ש', 'é', '\u0301', '𝔘', '中', '!', '\n'), { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(runs(value).map(([run]) => run)).toEqual([...value.matchAll(TOKEN)].map(([match]) => match));
      }),
      { numRuns: 2_000 },
    );
  });
});

import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/knowledge/markdown';

// Letters of three scripts, spaces, line breaks, and every character that can start a Markdown construct.
const CHARACTERS = [...'ab AZ09.,;:!?\'"()-+=*_#>&<\n\n\n١تשé\u00a0\\`~|1)\t\r\0\f\u2028'];

describe('renderMarkdown', () => {
  it('writes exactly what micromark writes, plain paragraphs included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        expect(renderMarkdown(text)).toBe(micromark(text));
      }),
      { numRuns: 20_000 },
    );
    const plain = 'Refunds reach the card in "ten" days.\nAsk the bank after that.\n\nاسترداد المبلغ خلال عشرة أيام.\n';
    expect(renderMarkdown(plain)).toBe(micromark(plain));
  });
});

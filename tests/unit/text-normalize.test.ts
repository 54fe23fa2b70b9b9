import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanText, decodeEscapes, normalize } from '../../src/text/normalize';

describe('normalize', () => {
  it('folds case, compatibility forms and whitespace', () => {
    expect(normalize('  Ｐａｓｓｗｏｒｄ\t\n RESET  ')).toBe('password reset');
    expect(normalize('ﬁle № 5')).toBe('file no 5');
  });

  it('removes zero-width, bidi controls and soft hyphens', () => {
    expect(normalize('pass\u200bword\u200d \u202eset\u202c up\u00adgrade \ufeffx\u2066y\u2069')).toBe('password set upgrade xy');
  });

  it('decodes literal escapes and HTML entities once, then removes what they hid', () => {
    expect(normalize('pass\\u200bword caf\\u00e9 \\x41 \\u{1F600}')).toBe('password café a 😀');
    expect(normalize('a&nbsp;b &amp;lt; &#x41;&#66; &zwj;c &unknown;')).toBe('a b &lt; ab c &unknown;');
    expect(decodeEscapes('\\u{110000} &#99999999;')).toBe('\\u{110000} &#99999999;');
  });

  it('folds Arabic diacritics, tatweel and letter variants', () => {
    expect(normalize('أَهْلاً بِكُمْ فِي الْمَدْرَسَةِ')).toBe('اهلا بكم في المدرسه');
    expect(normalize('إلى آخر ٱلكتاب مكتبـــة مستشفى')).toBe('الي اخر الكتاب مكتبه مستشفي');
  });

  it('folds hamza on waw and yeh, and letters drawn out for emphasis', () => {
    expect(normalize('مسؤول مسئول')).toBe('مسوول مسيول');
    expect(normalize('شكراااا')).toBe('شكرا');
    expect(normalize('tooo good')).toBe('tooo good');
  });

  it('removes Hebrew points and cantillation but keeps the letters', () => {
    expect(normalize('שָׁלוֹם עוֹלָם')).toBe('שלום עולם');
    expect(normalize('בְּרֵאשִׁ֖ית')).toBe('בראשית');
  });

  it('never throws on lone surrogates and leaves mojibake as it is', () => {
    expect(normalize('a\ud800b\udc00c')).toBe('abc');
    expect(normalize('x\ud83d\ude00y')).toBe('x😀y');
    expect(normalize('CafÃ© don’t Ø§')).toBe('cafã© don’t ø§');
  });

  it('finishes on a 5 MB string', { timeout: 30_000 }, () => {
    const big = 'é\u200bword \\u200b &nbsp; أَهْلاً \ud800 '.repeat(150_000);
    const result = normalize(big);
    expect(result.length).toBeGreaterThan(1_000_000);
  });
});

describe('cleanText', () => {
  it('cleans like normalize but keeps case and letters', () => {
    expect(cleanText('  Reset\u200b Your\u202e PASSWORD ')).toBe('Reset Your PASSWORD');
    expect(cleanText('مكتبــة إلى')).toBe('مكتبــة إلى');
    expect(cleanText('Caf\\u00e9 &amp; more')).toBe('Café & more');
  });
});

describe('cleanBlock', () => {
  it('keeps Markdown structure', () => {
    expect(cleanBlock('# Title \r\n\r\n\r\n\r\n  - item\u200b\n')).toBe('# Title\n\n  - item');
  });
});

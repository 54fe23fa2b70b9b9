import { JSDOM } from 'jsdom';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createHtmlCleaner } from '../../src/knowledge/html';
import { repairText } from '../../src/knowledge/repair';

type CleanerWindow = Parameters<typeof createHtmlCleaner>[0];
const cleaner = createHtmlCleaner(new JSDOM('').window as unknown as CleanerWindow);

/** What Latin-1 makes of the UTF-8 bytes of a text. */
function garble(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

describe('createHtmlCleaner', () => {
  it('keeps headings, lists, links and tables as Markdown-style text', () => {
    const { text } = cleaner.clean(
      '<h1>Title</h1><p>Intro with <a href="https://example.com/a">a link</a> and <a href="other-article">another</a>.</p>' +
        '<ul><li>one<ul><li>nested</li></ul></li><li><p>two</p></li></ul><ol><li>first</li><li>second</li></ol>' +
        '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><p>line<br>break</p>',
    );
    expect(text).toBe(
      '# Title\n\nIntro with [a link](https://example.com/a) and [another](other-article).\n- one\n  - nested\n- two\n1. first\n2. second\n\na | b\n\n1 | 2\n\nline\n\nbreak',
    );
  });

  it('removes what runs or loads, and says what it removed', () => {
    const { html, fixes } = cleaner.clean(
      '<p onclick="x()" style="color:red">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><a href="data:text/html,<script>">y</a>' +
        '<img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" style="display:none"><img src="data:image/png;base64,AAAA" alt="chart">' +
        '<iframe src="https://x.example"></iframe><svg><script>alert(2)</script></svg><object data="x"></object>',
    );
    expect(html).toBe('<p>Hi</p><a>x</a><a>y</a>[chart]');
    expect(fixes).toEqual([
      'removed 2 style attribute(s), 1 event handler(s), 1 script, 2 unsafe link(s), 1 iframe, 1 svg, 1 object, 2 tracking pixel(s)',
      '1 embedded image(s) removed',
    ]);
  });

  it('refuses a DOM in which DOMPurify lets handlers through', () => {
    expect(() => createHtmlCleaner(new Window() as unknown as CleanerWindow)).toThrow(/cannot sanitise HTML safely/);
  });
});

describe('repairText', () => {
  it('re-decodes UTF-8 read as Latin-1 or Windows-1252, in Arabic, Hebrew and accented Latin, once or twice over', () => {
    for (const text of ['تفعيل البطاقة الجديدة', 'איפוס סיסמה לחשבון', 'Café crème brûlée', 'don’t — “quoted”']) {
      expect(repairText(garble(text)).text).toBe(text);
      expect(repairText(garble(garble(text))).text).toBe(text);
    }
    // As Windows-1252 shows them; 0x9D is not a Windows-1252 character and stays U+009D.
    expect(repairText('donâ€™t â€” â€œquotedâ€\u009d, Ø´ÙƒØ±Ø§ ×ª×•×“×”').text).toBe('don’t — “quoted”, شكرا תודה');
    expect(repairText(garble('Café')).fixed).toEqual(['repaired garbled encoding (UTF-8 read as Latin-1 or Windows-1252): "CafÃ©" → "Café"']);
  });

  it('leaves correct Latin-1 text alone and flags garbling that does not round-trip', () => {
    for (const text of ['Øresund Ñandú ×2', 'café', 'Ã la carte']) expect(repairText(text)).toEqual({ text, fixed: [], flagged: [] });
    const mixed = repairText('cafÃ©é');
    expect(mixed.text).toBe('cafÃ©é');
    expect(mixed.flagged).toEqual(['garbled encoding ("Ã©") that does not re-decode cleanly: fix it in the source']);
  });

  it('decodes literal escapes, removes invisible characters and flags U+FFFD', () => {
    expect(repairText('a\\u200bb\u200fc \\u00e9 \ufffd')).toEqual({
      text: 'abc é \ufffd',
      fixed: ['decoded 2 literal escape sequence(s) such as "\\u200b"', 'removed 2 invisible character(s) (zero-width or bidi control)'],
      flagged: ['replacement character U+FFFD: text lost to a wrong decoding, fix it in the source'],
    });
  });

  it('never turns escaped text into markup in HTML', () => {
    expect(repairText('<p>&lt;script&gt; \\u003cb\\u003e&zwj;x\\u200b</p>', true).text).toBe('<p>&lt;script&gt; \\u003cb\\u003ex</p>');
  });
});

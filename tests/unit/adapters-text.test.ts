// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pathPattern, toIsoDate } from '../../src/adapters/read';
import { ownText, readText } from '../../src/adapters/text';

function html(markup: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = markup;
  return el;
}

describe('readText', () => {
  it('keeps paragraph and line breaks and folds other whitespace', () => {
    const el = html('<p>Hello   <b>there</b>,\n  friend.</p><p>Second<br>line</p><div>third</div><ul><li>one</li><li>two</li></ul>');
    expect(readText(el, 1_000)).toBe('Hello there, friend.\n\nSecond\nline\n\nthird\n\none\ntwo');
  });

  it('skips controls, scripts, media and hidden parts, and runs nothing', () => {
    const el = html(
      '<p>Keep</p><script>globalThis.ran = true</script><style>p{}</style><button>Click</button><img alt="pic" src="x.png" onerror="globalThis.ran = true"><span hidden>secret</span><span style="display:none">gone</span><svg><text>icon</text></svg><p>this</p>',
    );
    expect(readText(el, 1_000)).toBe('Keep\n\nthis');
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('keeps preformatted text as written', () => {
    expect(readText(html('<pre>a  b\n  c</pre>'), 100)).toBe('a  b\n  c');
  });

  it('leaves out parts matching the ignore selector', () => {
    expect(readText(html('<p>New</p><div class="quote"><p>Old</p></div>'), 100, '.quote')).toBe('New');
  });

  it('stops at the budget', () => {
    const el = html(`<p>${'word '.repeat(10_000)}</p>`.repeat(50));
    const text = readText(el, 1_000);
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text.startsWith('word word')).toBe(true);
  });

  it('reads an element own text without its children', () => {
    expect(ownText(html('Subject <span>badge</span> line').firstChild!.parentElement!)).toBe('Subject line');
  });
});

describe('toIsoDate', () => {
  it('reads ISO stamps and the dates helpdesks print', () => {
    expect(toIsoDate('2025-03-03T09:12:00Z')).toBe('2025-03-03T09:12:00.000Z');
    expect(toIsoDate('(Mon, 3 Mar 2025 at 9:12 AM)')).toBe(new Date('Mon, 3 Mar 2025 9:12 AM').toISOString());
  });

  it('leaves relative or numeric text alone', () => {
    expect(toIsoDate('2 days ago')).toBeUndefined();
    expect(toIsoDate('35120')).toBeUndefined();
    expect(toIsoDate('not 2025 at all')).toBeUndefined();
  });
});

describe('pathPattern', () => {
  it('hides ids, keeps the route', () => {
    expect(pathPattern(new URL('https://acme.zendesk.com/agent/tickets/35120/events'))).toBe('/agent/tickets/:id/events');
    expect(pathPattern(new URL('https://acme.freshdesk.com/a/tickets/742'))).toBe('/a/tickets/:id');
  });
});

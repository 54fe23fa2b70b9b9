// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/escalation/rules';
import type { Article } from '../../src/model/article';
import { DEFAULT_LAYOUT } from '../../src/model/messages';
import type { PageState, Ticket } from '../../src/model/ticket';
import { buildIndex } from '../../src/search/engine';
import { App } from '../../src/sidebar/App';
import type { Knowledge } from '../../src/sidebar/knowledge';
import { MAX_ARTICLE_HTML, sanitizeArticleHtml } from '../../src/sidebar/safe-html';

/**
 * Every payload of the corpus, in every field the sidebar renders: ticket fields, article titles, bodies and
 * HTML (collapsed and opened), the search box, and the status panels. Nothing may come out as markup that
 * runs, loads or covers the page.
 */
const payloads = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8').split('\n').filter(Boolean);
const long = '<img src=x onerror=fetch(1)>'.repeat(40_000);

const ACTIVE = 'script, iframe, frame, object, embed, form, style, link, meta, base, svg, math, img, video, audio, source, template, select, marquee, noscript, isindex';

function assertInert(root: Element): void {
  expect(root.querySelectorAll(ACTIVE).length).toBe(0);
  // The sidebar's own fields ("tried so far", "the ask") live in the escalation panel; none come from text.
  for (const area of Array.from(root.querySelectorAll('textarea'))) expect(area.closest('[data-testid="aa-escalation"]')).not.toBeNull();
  for (const input of Array.from(root.querySelectorAll('input'))) expect(['search', 'checkbox']).toContain(input.type);
  for (const element of Array.from(root.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(element.attributes)) {
      expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
      if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/i);
      if (name === 'style') expect(value).not.toMatch(/url\(|position/i);
    }
  }
}

const hostileArticles: Article[] = payloads.map((payload, i) => ({
  id: `xss-${i}`,
  title: `Login help ${payload}`,
  body: `Reset your login password. ${payload}`,
  html: `<p>Reset your login password.</p>${payload}`,
  tags: ['login', payload.slice(0, 90)],
  locale: i % 2 ? 'ar' : 'en',
  url: i % 3 ? `javascript:fetch('//xss.invalid/url${i}')` : `https://help.example.com/${i}`,
}));

function hostileTicket(i: number): Ticket {
  const payload = payloads[i % payloads.length]!;
  return {
    id: String(1000 + i),
    helpdesk: 'zendesk',
    url: `https://acme.zendesk.com/agent/tickets/${1000 + i}`,
    subject: `Login problem ${payload}`,
    latestMessage: `I cannot log in. ${payload}`,
    thread: payloads.join('\n').slice(0, 60_000),
    requester: { name: payload.slice(0, 300), email: `"><script>x</script>@example.com` },
    priority: payload.slice(0, 300),
    status: payload.slice(0, 300),
    tags: payloads.map((p) => p.slice(0, 100)).slice(0, 50),
    createdAt: payload.slice(0, 300),
  };
}

describe('the sidebar renders hostile text as text', () => {
  let knowledge: Knowledge;
  let host: HTMLElement;

  beforeAll(async () => {
    knowledge = {
      index: buildIndex(hostileArticles),
      articles: new Map(hostileArticles.map((a) => [a.id, a])),
      rules: await loadRules('knowledge'),
    };
    host = document.createElement('div');
    document.body.append(host);
  });

  const show = (page: PageState, failure: string | null = null) =>
    act(() => {
      render(
        <App page={page} knowledge={knowledge} failure={failure} connection={null} layout={DEFAULT_LAYOUT} onLayout={() => undefined} />,
        host,
      );
    });

  it.each(payloads.map((_, i) => i))('ticket and answers with payload %i, opened and closed', async (i) => {
    await show({ state: 'ready', ticket: hostileTicket(i), missing: [] });
    expect(host.querySelectorAll('[data-testid="aa-suggestion"]').length).toBeGreaterThan(0);
    assertInert(host);
    for (const title of Array.from(host.querySelectorAll<HTMLButtonElement>('.suggestion-title'))) {
      await act(() => title.click());
      assertInert(host);
    }
    expect(host.querySelector('[data-testid="aa-ticket"] h2')?.textContent).toContain(payloads[i]!.slice(0, 20));
  });

  it('typed into the search box', async () => {
    await show({ state: 'no-ticket', helpdesk: 'zendesk' });
    const search = host.querySelector<HTMLInputElement>('[data-testid="aa-search"]')!;
    for (const payload of payloads) {
      search.value = payload;
      await act(() => {
        search.dispatchEvent(new Event('input', { bubbles: true }));
      });
      assertInert(host);
    }
  });

  it('in the unreadable and error panels, and at 1 MB', async () => {
    await show({ state: 'unreadable', helpdesk: 'zendesk', id: '<b>1</b>', missing: payloads.slice(0, 5), diagnostic: long.slice(0, 4000) });
    assertInert(host);
    await show({ state: 'ready', ticket: { ...hostileTicket(0), subject: long.slice(0, 1000) }, missing: [] }, long);
    assertInert(host);
  });

  it('sanitises article HTML for display, copying and insertion', () => {
    const sandbox = document.createElement('div');
    for (const payload of payloads) {
      sandbox.innerHTML = sanitizeArticleHtml(payload);
      assertInert(sandbox);
    }
    // Cut to a bounded length before parsing, whatever comes after.
    sandbox.innerHTML = sanitizeArticleHtml(`${'<p>long answer</p>'.repeat(100_000)}<img src=x onerror=fetch(1)>`);
    assertInert(sandbox);
    expect(sandbox.innerHTML.length).toBeLessThan(MAX_ARTICLE_HTML + 100); // plus the tags that close the cut
    expect(sanitizeArticleHtml('<p dir="rtl">مرحبا <a href="https://x.example/a">link</a></p>')).toBe(
      '<p dir="rtl">مرحبا <a href="https://x.example/a" target="_blank" rel="noopener noreferrer">link</a></p>',
    );
    expect(sanitizeArticleHtml('<img src="https://cdn.example/p.png" alt="diagram">')).toBe(
      '<a href="https://cdn.example/p.png" target="_blank" rel="noopener noreferrer">[diagram]</a>',
    );
  });
});

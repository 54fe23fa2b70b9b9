// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedSearch } from '../../src/knowledge/installed';
import type { Article } from '../../src/model/article';
import { Lookup } from '../../src/popup/Lookup';
import { buildIndex } from '../../src/search/engine';

const articles: Article[] = [
  {
    id: 'billing-charged-twice',
    title: 'Charged twice for one order',
    body: 'Hi {{requester.first_name}}, a second charge is a pending authorisation. It drops off within 5 days.',
    html: '<p>Hi {{requester.first_name}}, a second charge is a <strong>pending authorisation</strong>.</p>',
    url: 'https://help.example.com/charged-twice',
    tags: ['billing'],
    locale: 'en',
  },
  { id: 'billing-refund', title: 'Refund a charge', body: 'Refunds of a charge reach the card in 5 to 10 days.', tags: ['billing'], locale: 'en' },
  { id: 'billing-ar', title: 'تم خصم المبلغ مرتين', body: 'الخصم الثاني هو تفويض معلّق يختفي خلال خمسة أيام.', tags: [], locale: 'ar' },
];

const knowledge = (): LoadedSearch => ({ index: buildIndex(articles), articles: new Map(articles.map((article) => [article.id, article])) });

let host: HTMLElement;
let clipboard: { text: string[]; items: number };

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  clipboard = { text: [], items: 0 };
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => void clipboard.text.push(text),
      write: async (items: ClipboardItem[]) => {
        clipboard.items += items.length;
        clipboard.text.push(await (await items[0]!.getType('text/plain')).text());
      },
    },
  });
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector);
const ids = () => Array.from(host.querySelectorAll('[data-testid="aa-suggestion"]')).map((item) => item.getAttribute('data-article-id'));
const press = (target: Element, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });

async function show(load: () => Promise<LoadedSearch> = async () => knowledge()) {
  await act(async () => {
    render(<Lookup load={load} />, host);
  });
}

async function search(text: string) {
  const box = $<HTMLInputElement>('[data-testid="aa-search"]')!;
  box.value = text;
  await act(() => {
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return box;
}

describe('quick lookup in the toolbar popup', () => {
  it('has the focus as the popup opens, and finds answers with snippets, each in its own direction', async () => {
    await show();
    expect(document.activeElement).toBe($('[data-testid="aa-search"]'));
    await search('charged twice');
    expect(ids()[0]).toBe('billing-charged-twice');
    expect($('[data-article-id="billing-charged-twice"] .snippet')?.textContent).toMatch(/second charge/);
    expect($('[data-article-id="billing-charged-twice"]')?.getAttribute('dir')).toBe('ltr');
    await search('مرتين');
    expect(ids()).toEqual(['billing-ar']);
    expect($('[data-article-id="billing-ar"]')?.getAttribute('dir')).toBe('rtl');
  });

  it('moves by arrow keys, opens with Enter, copies with c (rich and plain) and the link with l', async () => {
    await show();
    const box = await search('charge');
    expect(ids().length).toBeGreaterThan(1);
    const focusedId = () => document.activeElement?.closest('[data-article-id]')?.getAttribute('data-article-id');
    await press(box, 'ArrowDown');
    expect(focusedId()).toBe(ids()[0]);
    await press(document.activeElement!, 'ArrowDown');
    expect(focusedId()).toBe(ids()[1]);
    await press(document.activeElement!, 'ArrowUp');
    expect(focusedId()).toBe(ids()[0]);

    await search('charged twice');
    const first = $<HTMLButtonElement>('[data-article-id="billing-charged-twice"] .suggestion-title')!;
    first.focus();
    await act(() => first.click());
    expect($('[data-article-id="billing-charged-twice"] .article-body')?.textContent).toBe('Hi, a second charge is a pending authorisation.');
    await act(async () => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    // No ticket in the popup: the placeholder drops out with its space.
    expect(clipboard.text.at(-1)).toBe('Hi, a second charge is a pending authorisation.');
    expect(clipboard.items).toBe(1);
    expect($('[role="status"]')?.textContent).toBe('Answer copied.');

    await act(async () => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(clipboard.text.at(-1)).toBe('https://help.example.com/charged-twice');
    expect($('[role="status"]')?.textContent).toBe('Link copied.');
  });

  it('goes back to the box from the first result, and Esc clears the box', async () => {
    await show();
    const box = await search('charge');
    await press(box, 'ArrowDown');
    await press(document.activeElement!, 'ArrowUp');
    expect(document.activeElement).toBe(box);
    await press(box, 'Escape');
    expect(box.value).toBe('');
    expect(ids()).toEqual([]);
  });

  it('says when nothing matches, and when the knowledge base cannot be loaded', async () => {
    await show();
    await search('xylophone');
    expect(host.textContent).toContain('No good answer found.');
    render(null, host);
    await show(() => Promise.reject(new Error('Failed to fetch')));
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toBe('The knowledge base could not be loaded (Failed to fetch).'));
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../src/options/Options';
import { OPTIONS_SECTIONS } from '../../src/options/sections';
import { loadSettings } from '../../src/settings/settings';
import { addUsage, readUsage } from '../../src/usage/store';
import { emptyUsage } from '../../src/usage/model';
import { onUsageMessage } from '../../src/usage/channel';
import { captureDownloads, type Download } from '../support/downloads';
import { useUiLocale } from '../support/i18n';

let host: HTMLElement;
let downloads: Download[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  useUiLocale('en');
  // The background's listener, as entrypoints/background.ts registers it, for this extension's pages.
  fakeBrowser.runtime.onMessage.addListener((raw) => onUsageMessage(raw, { id: fakeBrowser.runtime.id }));
  host = document.createElement('div');
  document.body.append(host);
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify([{ id: 'sso', title: '=SSO, "sign-in"', body: 'x', tags: [] }])));
  downloads = captureDownloads();
  await addUsage(
    [
      { kind: 'article', articleId: 'sso', event: 'shown', delta: 1 },
      { kind: 'article', articleId: 'sso', event: 'inserted', delta: 1 },
      { kind: 'article', articleId: 'sso', event: 'up', delta: 1 },
      { kind: 'gap', words: 'vpn drops at night', source: 'search' },
    ],
    new Date(2026, 10, 18),
  );
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
const open = () => act(() => render(<Options sections={OPTIONS_SECTIONS} />, host));

describe('the options page', () => {
  it('is a shell of titled sections, each reachable from its list', async () => {
    await open();
    const links = Array.from(host.querySelectorAll('nav a')).map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['#general', 'General'],
      ['#knowledge', 'Knowledge base'],
      ['#usage', 'Usage'],
      ['#flags', 'Flagged answers'],
    ]);
    for (const [href] of links) {
      const section = $(href!);
      expect(section.getAttribute('aria-labelledby')).toBe(`${href!.slice(1)}-title`);
      expect(section.querySelector('h2')?.id).toBe(`${href!.slice(1)}-title`);
    }
    expect($('nav').getAttribute('aria-label')).toBe('Sections');
    expect($('h1').textContent).toBe('Deskmate options');
  });

  it('shows usage by week, by answer and the content gaps', async () => {
    await open();
    await vi.waitFor(() => expect($('[data-testid="options-by-article"] tbody th').textContent).toContain('=SSO, "sign-in"'));
    const cells = (table: string) => Array.from(host.querySelectorAll(`[data-testid="${table}"] tbody tr`)).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(cells('options-by-week')).toEqual([[expect.stringMatching(/^2026-W47 \(.*16.*22\)$/), '1', '0', '1', '1', '0', '1']]);
    expect(cells('options-by-article')).toEqual([['=SSO, "sign-in" (sso)', '1', '0', '1', '0', '0', '1', '0']]);
    expect(cells('options-gaps')).toEqual([['vpn drops at night', 'Search', '1', '2026-W47']]);
    expect(Array.from(host.querySelectorAll('[data-testid="options-by-week"] thead th')).map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
  });

  it('exports CSV that a spreadsheet opens as text', async () => {
    await open();
    await vi.waitFor(() => expect($('[data-testid="options-by-article"] tbody th').textContent).toContain('SSO'));
    await act(() => $('[data-testid="options-export-usage"]').click());
    await act(() => $('[data-testid="options-export-gaps"]').click());
    await vi.waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[0]).toEqual({
      name: 'deskmate-usage-2026-W47.csv',
      text: '\uFEFFweek,article_id,title,shown,opened,inserted,copied,link_copied,thumbs_up,thumbs_down\r\n2026-W47,sso,"\'=SSO, ""sign-in""",1,0,1,0,0,1,0\r\n',
    });
    expect(downloads[1]!.text).toBe('\uFEFFweek,source,words,count\r\n2026-W47,search,vpn drops at night,1\r\n');
  });

  it('turns counting off and on, and clears the counts once confirmed', async () => {
    await open();
    const toggle = () => $<HTMLInputElement>('[data-testid="options-count-usage"]');
    await vi.waitFor(() => expect(toggle().disabled).toBe(false));
    expect(toggle().checked).toBe(true);
    expect(toggle().getAttribute('role')).toBe('switch');
    await act(() => toggle().click());
    await vi.waitFor(async () => expect((await loadSettings()).countUsage).toBe(false));

    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await act(() => $('[data-testid="options-clear-usage"]').click());
    expect(confirm).toHaveBeenCalledOnce();
    expect(await readUsage()).not.toEqual(emptyUsage());
    confirm.mockReturnValue(true);
    await act(() => $('[data-testid="options-clear-usage"]').click());
    await vi.waitFor(() => expect($('[data-testid="options-usage-empty"]').textContent).toBe('Nothing counted yet.'));
    expect(await readUsage()).toEqual(emptyUsage());
  });

  it('keeps the agent’s name for {{agent.name}}', async () => {
    await open();
    const input = $<HTMLInputElement>('[data-testid="options-agent-name"]');
    await vi.waitFor(() => expect(input.disabled).toBe(false));
    expect(host.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Your name');
    await act(() => {
      input.value = 'Sam Carter';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await loadSettings()).agentName).toBe('Sam Carter'));
    await vi.waitFor(() => expect(host.querySelector('#general [role="status"]')?.textContent).toBe('Saved.'));
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshdesk } from '../../src/adapters/freshdesk';
import { jira } from '../../src/adapters/jira';
import { opaqueLuminance, readTheme } from '../../src/adapters/theme';
import type { Adapter } from '../../src/adapters/types';
import { zendesk } from '../../src/adapters/zendesk';
import { THEME_EVERY_MS, ThemePublisher } from '../../src/content/theme';
import { type PageTheme, ToSidebar } from '../../src/model/messages';
import { applyPageTheme } from '../../src/sidebar/page-theme';

function page(html: string, rootAttributes: Record<string, string> = {}): void {
  document.documentElement.innerHTML = html;
  for (const name of [...document.documentElement.getAttributeNames()]) document.documentElement.removeAttribute(name);
  for (const [name, value] of Object.entries(rootAttributes)) document.documentElement.setAttribute(name, value);
}

afterEach(() => {
  page('<head></head><body></body>');
  vi.useRealTimers();
});

describe('the helpdesk theme', () => {
  it('reads colours as the browser computes them', () => {
    expect(opaqueLuminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(opaqueLuminance('rgb(21, 26, 30)')).toBeLessThan(0.02);
    expect(opaqueLuminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(opaqueLuminance('rgb(0 0 0 / 20%)')).toBeNull();
    expect(opaqueLuminance('rgb(0 0 0 / 90%)')).toBe(0);
    expect(opaqueLuminance('transparent')).toBeNull();
    expect(opaqueLuminance('#fff')).toBeCloseTo(1);
  });

  it('follows the markup a helpdesk sets for the agent’s choice: Jira’s data-color-mode', () => {
    page('<body></body>', { 'data-color-mode': 'dark' });
    expect(readTheme(jira, document)).toBe('dark');
    page('<body style="background: #151a1e"></body>', { 'data-color-mode': 'light' });
    expect(readTheme(jira, document)).toBe('light');
  });

  it.each([zendesk, freshdesk])('$name: dark when the page is painted dark', (adapter) => {
    page('<body style="background-color: #151a1e"><main>Ticket</main></body>');
    expect(readTheme(adapter, document)).toBe('dark');
    page('<head><meta name="color-scheme" content="dark"></head><body></body>');
    expect(readTheme(adapter, document)).toBe('dark');
    page('<body style="color-scheme: only dark"></body>');
    expect(readTheme(adapter, document)).toBe('dark');
  });

  it('says nothing of a light or unpainted page: the sidebar keeps following the system', () => {
    page('<body style="background: #ffffff"></body>');
    expect(readTheme(zendesk, document)).toBeNull();
    page('<head><meta name="color-scheme" content="light dark"></head><body></body>');
    expect(readTheme(zendesk, document)).toBeNull();
    page('<body style="background: rgba(0, 0, 0, 0.1)"></body>');
    expect(readTheme(zendesk, document)).toBeNull();
  });

  it('never throws on a hostile page', () => {
    const hostile: Adapter = {
      ...zendesk,
      theme: () => {
        throw new Error('hostile');
      },
    };
    expect(readTheme(hostile, document)).toBeNull();
  });
});

describe('handing the theme to the sidebar', () => {
  it('sends it when it changes, at most once a second, and again on reconnect', () => {
    vi.useFakeTimers();
    let theme: PageTheme | null = null;
    let reads = 0;
    const sent: unknown[] = [];
    const publisher = new ThemePublisher(
      () => {
        reads += 1;
        return theme;
      },
      (value) => sent.push({ type: 'theme', theme: value }),
    );
    publisher.check();
    theme = 'dark';
    for (let i = 0; i < 20; i += 1) publisher.check();
    expect(reads).toBe(1);
    vi.advanceTimersByTime(THEME_EVERY_MS);
    expect(reads).toBe(2);
    publisher.check();
    publisher.resend();
    vi.advanceTimersByTime(THEME_EVERY_MS);
    publisher.stop();
    expect(sent).toEqual([
      { type: 'theme', theme: null },
      { type: 'theme', theme: 'dark' },
      { type: 'theme', theme: 'dark' },
    ]);
    // What the content script sends is what the sidebar's schema accepts.
    for (const message of sent) expect(ToSidebar.safeParse(message).success).toBe(true);
    expect(ToSidebar.safeParse({ type: 'theme', theme: 'sepia' }).success).toBe(false);
  });

  it('sets data-theme on the sidebar’s root, and takes it away to follow the system', () => {
    const root = document.createElement('html');
    applyPageTheme(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyPageTheme(root, null);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});

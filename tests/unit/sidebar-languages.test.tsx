// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadRules } from '../../src/escalation/rules';
import { formatDateTime, localizePage, plural } from '../../src/i18n/ui';
import type { Article } from '../../src/model/article';
import { DEFAULT_LAYOUT, type Layout } from '../../src/model/messages';
import type { PageState, Ticket } from '../../src/model/ticket';
import { Popup } from '../../src/popup/Popup';
import { buildIndex } from '../../src/search/engine';
import { App } from '../../src/sidebar/App';
import { maskedSummary } from '../../src/sidebar/escalation-text';
import type { Knowledge } from '../../src/sidebar/knowledge';
import { siteOf } from '../../src/permissions/site';
import { useUiLocale } from '../support/i18n';

// The popup's view of the site; the permission logic behind it has its own tests.
vi.mock('../../src/permissions/sites', () => ({
  siteStatus: async (url: string) => ({ kind: 'built-in', site: siteOf(url) }),
  enableSite: async () => 'enabled',
  disableSite: async () => undefined,
}));

/**
 * The interface in the browser's language: Arabic and Hebrew browsers get a right-to-left sidebar in their
 * words, while tickets, articles and the escalation note keep their own language and direction.
 */
const articles: Article[] = [
  { id: 'sso', title: 'SSO sign-in fails', body: 'Ask the customer to re-upload the SAML certificate for SSO sign-in.', tags: ['sso'], locale: 'en', url: 'https://help.example.com/sso' },
  { id: 'sso-ar', title: 'فشل تسجيل الدخول الموحد', body: 'اطلب من العميل رفع شهادة SAML مرة أخرى لتسجيل الدخول الموحد SSO.', tags: ['sso'], locale: 'ar' },
];

const ticket: Ticket = {
  id: '35120',
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/35120',
  subject: 'Data breach: SSO sign-in fails',
  latestMessage: 'Our customer list was posted online and SSO sign-in fails.',
  thread: 'Our customer list was posted online and SSO sign-in fails.',
  requester: { name: 'Priya Nair', email: 'priya.nair@example.com' },
  tags: [],
};

let knowledge: Knowledge;
let host: HTMLElement;
beforeAll(async () => {
  knowledge = { index: buildIndex(articles), articles: new Map(articles.map((a) => [a.id, a])), rules: await loadRules('knowledge') };
});
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const show = (page: PageState, layout: Layout = DEFAULT_LAYOUT) =>
  act(() => {
    render(<App page={page} knowledge={knowledge} failure={null} connection={null} layout={layout} onLayout={() => undefined} />, host);
  });
const ready = (createdAt = new Date(Date.now() - 5 * 60_000).toISOString()): PageState => ({ state: 'ready', ticket: { ...ticket, createdAt }, missing: [] });
const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
const root = () => $('[data-testid="aa-sidebar"]');

describe('an Arabic browser', () => {
  beforeEach(() => useUiLocale('ar'));

  it('gets a right-to-left sidebar in Arabic, its test ids unchanged', async () => {
    await show(ready());
    expect(root().getAttribute('dir')).toBe('rtl');
    expect(root().getAttribute('lang')).toBe('ar');
    expect($('h1').textContent).toBe('Deskmate');
    expect($('[data-testid="aa-search"]').getAttribute('aria-label')).toBe('البحث في قاعدة المعرفة');
    expect($('[data-testid="aa-search"]').getAttribute('placeholder')).toBe('ابحث في الإجابات ( / )');
    expect($('.suggestions h2').textContent).toBe('إجابات مقترحة');
    expect($('[data-testid="aa-insert"]').textContent).toBe('إدراج');
    expect($('[data-testid="aa-ticket"]').getAttribute('aria-label')).toBe('التذكرة المكتشفة');
    expect($('[data-testid="aa-copy-note"]').textContent).toBe('نسخ ملاحظة التصعيد');
    expect($('[data-testid="aa-escalation"]').getAttribute('data-escalate')).toBe('true');
    expect($('[data-testid="aa-escalation"] h2').textContent).toMatch(/صعّد إلى /);
  });

  it('keeps each ticket and article in its own direction, and the note in the ticket’s language', async () => {
    await show(ready());
    expect($('.ticket-subject').getAttribute('dir')).toBe('ltr');
    const direction = (id: string) => $(`[data-testid="aa-suggestion"][data-article-id="${id}"]`).getAttribute('dir');
    expect(direction('sso')).toBe('ltr');
    expect(direction('sso-ar')).toBe('rtl');
    expect($('[data-testid="aa-note-preview"]').getAttribute('lang')).toBe('en');
    expect($('[data-testid="aa-note-preview"]').textContent).toContain('Escalation note');
  });

  it('words the SLA, its due time and what masking hid in Arabic', async () => {
    await show(ready(new Date(Date.now() - 3 * 60 * 60_000).toISOString()));
    const sla = $('[data-testid="aa-escalation-sla"]');
    expect(sla.textContent).toMatch(/^فات موعد الرد: كان مستحقًا قبل .+ \(الهدف .+\)$/);
    expect(sla.querySelector('time')?.getAttribute('title')).toBe(formatDateTime(sla.querySelector('time')!.getAttribute('datetime')!));
    expect($('.note-preview summary').textContent).toBe('معاينة الملاحظة (المخفي: عنوان بريد إلكتروني واحد)');
  });

  it('counts with the six Arabic plural forms', () => {
    const emails = (count: number) => plural('maskedEmail', count);
    expect([0, 1, 2, 3, 11, 100].map(emails)).toEqual([
      'لا عناوين بريد إلكتروني',
      'عنوان بريد إلكتروني واحد',
      'عنوانا بريد إلكتروني',
      '3 عناوين بريد إلكتروني',
      '11 عنوان بريد إلكتروني',
      '100 عنوان بريد إلكتروني',
    ]);
    expect(maskedSummary({ email: 2, phone: 0, card: 1, iban: 0, token: 0, password: 0 })).toBe('المخفي: عنوانا بريد إلكتروني ورقم بطاقة واحد');
  });

  it('names the fields an unreadable ticket lacks', async () => {
    await show({ state: 'unreadable', helpdesk: 'zendesk', id: '35120', missing: ['subject', 'latestMessage'], diagnostic: 'zendesk: h1' });
    expect($('.status h2').textContent).toBe('تعذّرت قراءة التذكرة #35120');
    expect($('.status p').textContent).toBe('حقول ناقصة: الموضوع وآخر رسالة. ربما تغيّرت صفحة منصة الدعم؛ والبحث ما زال يعمل.');
  });
});

describe('a Hebrew browser', () => {
  beforeEach(() => useUiLocale('he', 'he-IL'));

  it('gets a right-to-left sidebar in Hebrew', async () => {
    await show({ state: 'no-ticket', helpdesk: 'zendesk' });
    expect(root().getAttribute('dir')).toBe('rtl');
    expect(root().getAttribute('lang')).toBe('he-IL');
    expect($('.status h2').textContent).toBe('אין פנייה פתוחה');
    expect($('.suggestions .muted').textContent).toBe('אפשר לפתוח פנייה, או לחפש.');
    expect($('button.icon').getAttribute('aria-label')).toBe('קיצורי מקלדת');
  });

  it('lists the shortcuts in Hebrew, the keys as printed', async () => {
    await show({ state: 'no-ticket', helpdesk: 'zendesk' });
    await act(() => $<HTMLButtonElement>('button.icon').click());
    const dialog = $('[role="dialog"]');
    expect(dialog.getAttribute('aria-label')).toBe('קיצורי מקלדת');
    expect(Array.from(dialog.querySelectorAll('kbd')).map((key) => key.textContent)).toEqual(['/', '↓ ↑', 'Enter', 'i', 'c', 'l', 'Esc', '?']);
    expect(dialog.querySelector('dd')?.textContent).toBe('חיפוש במאגר הידע');
  });

  it('keeps the collapse arrows pointing at the page’s right edge', async () => {
    await show({ state: 'no-ticket', helpdesk: 'zendesk' }, { ...DEFAULT_LAYOUT, collapsed: true });
    const expand = $('button.expand');
    expect(root().getAttribute('dir')).toBe('rtl');
    expect(expand.getAttribute('dir')).toBe('ltr');
    expect(expand.getAttribute('aria-label')).toBe('פתיחת Deskmate');
  });

  it('words the SLA and counts in Hebrew', async () => {
    await show(ready());
    expect($('[data-testid="aa-escalation-sla"]').textContent).toMatch(/^יש להגיב בעוד \d+ דקות \(יעד: .+\)$/);
    expect([1, 2, 5].map((count) => plural('maskedPassword', count))).toEqual(['סיסמה אחת', 'שתי סיסמאות', '5 סיסמאות']);
    expect(formatDateTime('2026-11-20T10:15:00Z')).toMatch(/בנוב׳ 2026/);
  });

  it('puts the page itself right to left before it renders', () => {
    const page = document.implementation.createHTMLDocument('__MSG_extName__');
    localizePage(page);
    expect([page.documentElement.lang, page.documentElement.dir, page.title]).toEqual(['he-IL', 'rtl', 'Deskmate']);
  });

  it('shows the popup right to left, the site’s address kept left to right', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [{ id: 7, url: 'https://acme.zendesk.com/agent/tickets/1' }] as Browser.tabs.Tab[]);
    try {
      await act(async () => {
        render(<Popup close={() => undefined} />, host);
      });
      await vi.waitFor(() => expect($('[data-testid="popup"]').getAttribute('data-kind')).toBe('built-in'));
      expect($('[data-testid="popup"]').getAttribute('dir')).toBe('rtl');
      expect($('[data-testid="popup-status"]').textContent).toBe('פועל באתר https://acme.zendesk.com.');
      expect($('.origin').getAttribute('dir')).toBe('ltr');
      expect($('[data-testid="popup-toggle"]').textContent).toBe('הצגה או הסתרה של סרגל הצד');
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('a browser in a language without messages', () => {
  it('gets English, left to right, whatever its own language', async () => {
    useUiLocale('fr', 'fr-FR');
    await show({ state: 'no-ticket', helpdesk: 'zendesk' });
    expect([root().getAttribute('lang'), root().getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect($('.status h2').textContent).toBe('No ticket open');
  });

  it('keeps the region of an English browser for dates', () => {
    useUiLocale('en', 'en-GB');
    expect(formatDateTime('2026-11-20T10:15:00Z')).toMatch(/^20 Nov 2026/);
  });
});

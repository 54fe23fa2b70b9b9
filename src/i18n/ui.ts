import { browser } from 'wxt/browser';
import { type MessageKey, t } from './messages';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi']);

export function isRtlLanguage(language: string | undefined): boolean {
  return language !== undefined && RTL_LANGUAGES.has(language.split('-')[0]?.toLowerCase() ?? '');
}

/**
 * The language the interface is shown in: the one of the messages the browser picked, which is English when
 * the browser's language has none. The browser's own tag is kept when it is that language, so that an
 * en-GB browser gets British dates.
 */
export function uiLanguage(): string {
  const messages = t('uiLanguage');
  // Intl wants a BCP 47 tag (en-GB), which extension locales spell en_GB.
  const browserTag = browser.i18n.getUILanguage().replace('_', '-');
  return browserTag.split('-')[0]?.toLowerCase() === messages ? browserTag : messages;
}

export function uiDirection(): 'rtl' | 'ltr' {
  return isRtlLanguage(uiLanguage()) ? 'rtl' : 'ltr';
}

/** An extension page's language, direction (the whole layout mirrors for Arabic and Hebrew) and title. */
export function localizePage(page: Document): void {
  page.documentElement.lang = uiLanguage();
  page.documentElement.dir = uiDirection();
  page.title = t('extName');
}

// Latin digits in every language, as in the escalation note (src/escalation/sla.ts): the ticket ids, times
// and amounts beside these numbers are written with them too.
const intlLocale = () => `${uiLanguage()}-u-nu-latn`;

const PLURAL_FORM = /^\s*(zero|one|two|few|many|other)\s*:\s*(.*?)\s*$/s;

/**
 * A message that counts something. `browser.i18n` has no plurals, so such a message holds its forms as
 * `one: … | other: …`, one for each CLDR plural category of its language (Arabic has six, Hebrew three).
 */
export function plural(key: MessageKey, count: number): string {
  const forms = new Map<string, string>();
  for (const form of t(key, new Intl.NumberFormat(intlLocale()).format(count)).split('|')) {
    const [, category, text] = PLURAL_FORM.exec(form) ?? [];
    if (category !== undefined && text !== undefined) forms.set(category, text);
  }
  // 'other' stands in for a category that a browser's older plural rules still have (Hebrew's 'many').
  return forms.get(new Intl.PluralRules(uiLanguage()).select(count)) ?? forms.get('other') ?? '';
}

export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit'): string {
  return new Intl.ListFormat(intlLocale(), { type, style: type === 'unit' ? 'short' : 'long' }).format(items);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(intlLocale()).format(value);
}

/** Two dates as one span ("16–22 Nov"), the way the language writes it. */
export function formatDateRange(start: Date, end: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'short', day: 'numeric' }).formatRange(start, end);
}

import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../src/escalation/amounts';
import { compilePhrase, phraseProblem, wordKey } from '../../src/escalation/phrases';
import { normalize } from '../../src/text/normalize';

const matches = (phrase: string, text: string) => {
  const matcher = compilePhrase(phrase);
  if (!matcher) throw new Error(`no pattern for ${phrase}`);
  const normalized = normalize(text);
  return normalized.includes(matcher.needle) && matcher.pattern.test(normalized);
};

describe('phrases', () => {
  it.each([
    ['nobody can log in', 'NOBODY CAN LOG IN!!'],
    ["can't work", 'we can’t work today'],
    ['down for everyone', 'is it down-for-everyone?'],
    ['data breach', 'a DATA\u200b BREACH'],
    // Hebrew: prefixes on the first word, the article on later ones, abbreviations with gershayim.
    ['עורך דין', 'אני אפנה לעורך הדין שלי'],
    ['לבטל את המנוי', 'אני רוצה ולבטל את המנוי'],
    ['דליפת מידע', 'הייתה דליפת המידע אתמול'],
    ['עו"ד', 'פניתי לעו״ד'],
    ['מיד', 'תשובה מיד בבקשה'],
    // Arabic: و ف ب ك ل and the article on the first word, the article optional on later ones, marks folded.
    ['خرق البيانات', 'وخرق البيانات'],
    ['خرق البيانات', 'حدث خرق بيانات كبير'],
    ['المحكمة', 'سأذهب للمحكمة'],
    ['المحكمة', 'إلى المحكمة'],
    ['المحكمة', 'قرار بالمحكمة'],
    ['إلغاء الاشتراك', 'أريد الغاء الاشتراك'],
    ['إلغاء اشتراك*', 'أريد إلغاء اشتراكي'],
    ['محام', 'سأوكل محامٍ'],
    ['تصيد*', 'والتصيد الاحتيالي'],
  ])('"%s" is in "%s"', (phrase, text) => {
    expect(matches(phrase, text)).toBe(true);
  });

  it.each([
    ['hacked', 'our hackathon'],
    ['עורך דין', 'עורכי דין'],
    ['מיד', 'מידע חדש'],
    ['إلغاء الاشتراك', 'أريد إلغاء اشتراكي'],
    // "إلغاء" starts with a hamza alef, not the article: "غاء" alone is not the phrase.
    ['إلغاء الاشتراك', 'غاء الاشتراك'],
    ['site is down', 'the site is downloading'],
  ])('"%s" is not in "%s"', (phrase, text) => {
    expect(matches(phrase, text)).toBe(false);
  });

  it('refuses phrases that can never match', () => {
    expect(phraseProblem('!!!')).toBe('has no letters or digits');
    expect(phraseProblem('da*ta')).toBe('only the end of a phrase may be "*"');
    expect(phraseProblem('حساب*')).toBeUndefined();
  });

  it('keys helpdesk values by their words', () => {
    expect(wordKey('On-Hold')).toBe(wordKey('on_hold'));
    expect(wordKey('1 - Critical')).toBe('1 critical');
  });
});

describe('amounts of money', () => {
  const values = (text: string) => findAmounts(normalize(text)).map((amount) => amount.value);

  it.each([
    ['refund of $1,200.50 please', [1200.5]],
    ['1.200,50 € zurück', [1200.5]],
    ['EUR 750 and 20 EUR', [750, 20]],
    ['USD 1 200', [1200]],
    ['مبلغ ١٬٥٠٠ ريال', [1500]],
    ['مبلغ 300 دولار', [300]],
    ['החזר של 900 ש״ח', [900]],
    ['₪450', [450]],
    ['12,50 euros', [12.5]],
  ])('%s', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('needs a currency: order numbers and dates are not money', () => {
    expect(values('order 123456 from 2026-11-20, 3 items')).toEqual([]);
  });
});

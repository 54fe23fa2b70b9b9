import { describe, expect, it } from 'vitest';
import { isGram, processTerm, tokenTerms, tokenize } from '../../src/text/analyze';
import { stemArabic, stemEnglish, stemHebrew } from '../../src/text/stem';

function terms(text: string): string[] {
  return tokenize(text)
    .flatMap((token) => {
      const t = processTerm(token);
      return t ? (typeof t === 'string' ? [t] : t) : [];
    })
    .filter((t) => !isGram(t));
}

describe('tokenize', () => {
  it('keeps error codes, numbers and product names intact', () => {
    const tokens = tokenize('Error E-1021 and HTTP 429 on SAML/2FA, version v2.3.1');
    expect(tokens).toEqual(expect.arrayContaining(['error', 'e-1021', '1021', '429', 'saml', '2fa', 'saml/2fa', 'v2.3.1']));
  });

  it('joins hyphenated words as well as splitting them', () => {
    expect(tokenize('sign-in e-mail')).toEqual(['sign', 'in', 'signin', 'e', 'mail', 'email']);
  });

  it('adds the closed form of a phrasal verb, so "log in" meets "login"', () => {
    expect(tokenize('I cannot log in or top up')).toEqual(['i', 'cannot', 'log', 'login', 'in', 'or', 'top', 'topup', 'up']);
  });

  it('normalises before splitting', () => {
    expect(tokenize('Pass\u200bword ＲＥＳＥＴ')).toEqual(['password', 'reset']);
  });
});

describe('processTerm', () => {
  it('drops English stop words and stems with Porter2', () => {
    expect(terms('I am still waiting for the refunds of my charges')).toEqual(['still', 'wait', 'refund', 'charg']);
  });

  it('turns negated contractions into "not"', () => {
    expect(terms("I haven't received it and can't sign")).toEqual(['not', 'receiv', 'not', 'sign']);
  });

  it('folds accents in Latin words', () => {
    expect(processTerm('café')).toBe(processTerm('cafe'));
  });

  it('passes codes and numbers unchanged and drops single letters', () => {
    expect(processTerm('e-1021')).toBe('e-1021');
    expect(processTerm('429')).toBe('429');
    expect(processTerm('x')).toBeNull();
  });

  it('treats each token by its own script', () => {
    expect(terms('مشكلة في refunds الخاصة بي')).toEqual(['مشكل', 'refund', 'خاص']);
  });

  it('adds letter trigrams for Arabic and Hebrew words only', () => {
    expect(tokenTerms('بطاقتي')).toEqual(['بطاق', '#_بط', '#بطا', '#طاق', '#اقت', '#قتي', '#تي_']);
    expect(tokenTerms('חשבונות').filter(isGram)).toHaveLength(7);
    expect(tokenTerms('cards')).toEqual(['card']);
    expect(tokenTerms('the')).toEqual([]);
  });

  it('removes Arabic and Hebrew stop words but keeps negations', () => {
    expect(terms('هذا من البطاقة')).toEqual(['بطاق']);
    expect(terms('لم تصل')).toEqual(['لم', 'تصل']);
    expect(terms('אני לא יכול')).toEqual([]);
  });
});

describe('stemmers', () => {
  it('English: Porter2', () => {
    expect(stemEnglish('running')).toBe('run');
    expect(stemEnglish('generously')).toBe('generous');
  });

  it('Arabic: prefixes, pronoun and plural endings, at least three letters kept', () => {
    expect(stemArabic('والبطاقات')).toBe('بطاق');
    expect(stemArabic('بالحساب')).toBe('حساب');
    expect(stemArabic('حساباتكم')).toBe('حساب');
    expect(stemArabic('للموظفين')).toBe('موظف');
    expect(stemArabic('حسابي')).toBe('حساب');
    expect(stemArabic('بنك')).toBe('بنك');
    expect(stemArabic('وصل')).toBe('وصل');
  });

  it('Arabic: a feminine noun before a pronoun meets its bare form (ة written ت)', () => {
    expect(stemArabic('بطاقتي')).toBe(stemArabic('البطاقه'));
    expect(stemArabic('محفظتك')).toBe(stemArabic('المحفظه'));
    expect(stemArabic('وقتي')).toBe('وقت');
  });

  it('Hebrew: prefix letters while the rest stays long enough, plural endings, final letters folded', () => {
    expect(stemHebrew('והחשבון')).toBe('חשבונ');
    expect(stemHebrew('חשבונות')).toBe('חשבונ');
    expect(stemHebrew('בבוקר')).toBe('בוקר');
    expect(stemHebrew('של')).toBe('של');
    expect(stemHebrew('כסף')).toBe('כספ');
    expect(stemHebrew('הכספים')).toBe('כספ');
    expect(stemHebrew('משתמשים')).toBe(stemHebrew('משתמש'));
  });
});

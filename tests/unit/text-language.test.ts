import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../src/text/language';

describe('guessLanguage', () => {
  it('recognises Arabic and Hebrew by script, even with English words inside', () => {
    expect(guessLanguage('لا أستطيع تسجيل الدخول إلى حسابي')).toBe('ar');
    expect(guessLanguage('خطأ SAML عند تسجيل الدخول عبر SSO في التطبيق')).toBe('ar');
    expect(guessLanguage('אני לא מצליח להתחבר לחשבון שלי')).toBe('he');
  });

  it('keeps English for English text with a few foreign words', () => {
    expect(guessLanguage('I cannot log in. The error says ERR_429, see the attached screenshot.')).toBe('en');
    expect(guessLanguage('Thanks, the café menu is fine')).toBe('en');
    expect(guessLanguage('')).toBe('en');
    expect(guessLanguage('12345 !!!')).toBe('en');
  });

  it('tells Spanish, French, German and Portuguese by function words', () => {
    expect(guessLanguage('Hola, no puedo acceder a mi cuenta y el soporte no responde para nada')).toBe('es');
    expect(guessLanguage('Bonjour, je ne peux pas me connecter à mon compte depuis le changement de mot de passe')).toBe('fr');
    expect(guessLanguage('Hallo, ich kann mich nicht mit meinem Konto anmelden, bitte helfen Sie mir und die Kollegen')).toBe('de');
    expect(guessLanguage('Olá, não consigo acessar minha conta, você pode me ajudar com isso')).toBe('pt');
  });

  it('leaves Arabic text with a little English as Arabic, and the reverse as English', () => {
    expect(guessLanguage('My card was blocked at the ATM yesterday, reference بطاقة')).toBe('en');
  });
});

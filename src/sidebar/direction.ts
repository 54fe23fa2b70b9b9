import { guessLanguage } from '../text/language';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi']);

export function isRtlLanguage(language: string | undefined): boolean {
  return language !== undefined && RTL_LANGUAGES.has(language.split('-')[0]?.toLowerCase() ?? '');
}

/** `dir` for one block of content, from its known locale or, failing that, from its text. */
export function directionOf(language: string | undefined, text = ''): 'rtl' | 'ltr' {
  return isRtlLanguage(language ?? (text ? guessLanguage(text) : undefined)) ? 'rtl' : 'ltr';
}

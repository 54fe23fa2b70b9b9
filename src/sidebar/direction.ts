import { isRtlLanguage } from '../i18n/ui';
import { guessLanguage } from '../text/language';

/**
 * `dir` for one block of content, from its known locale or, failing that, from its text: a ticket or an
 * article reads in its own direction whatever the interface's language.
 */
export function directionOf(language: string | undefined, text = ''): 'rtl' | 'ltr' {
  return isRtlLanguage(language ?? (text ? guessLanguage(text) : undefined)) ? 'rtl' : 'ltr';
}

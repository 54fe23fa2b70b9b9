import { beforeEach } from 'vitest';
import { useUiLocale } from './i18n';

// Every unit test starts with an English browser; a test that wants another language calls useUiLocale itself.
beforeEach(() => useUiLocale('en'));

import { afterAll, beforeEach } from 'vitest';
import { useUiLocale } from './i18n';

// Every unit test starts with an English browser; a test that wants another language calls useUiLocale itself.
beforeEach(() => useUiLocale('en'));

// Preact runs effects after the next frame, with a 100 ms timer as fallback that calls cancelAnimationFrame. A DOM
// test file's last render can leave that timer pending; let it fire while the DOM environment still exists, not
// after it is torn down (an uncaught ReferenceError that fails the run).
afterAll(async () => {
  if (typeof document !== 'undefined') await new Promise((resolve) => setTimeout(resolve, 150));
});

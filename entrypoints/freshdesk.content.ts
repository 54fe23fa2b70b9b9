import { defineContentScript } from 'wxt/utils/define-content-script';
import { freshdesk } from '../src/adapters/freshdesk';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...freshdesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [freshdesk]),
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { zendesk } from '../src/adapters/zendesk';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...zendesk.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [zendesk]),
});

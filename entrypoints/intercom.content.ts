import { defineContentScript } from 'wxt/utils/define-content-script';
import { intercom } from '../src/adapters/intercom';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...intercom.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [intercom]),
});

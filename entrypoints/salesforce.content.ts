import { defineContentScript } from 'wxt/utils/define-content-script';
import { salesforce } from '../src/adapters/salesforce';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...salesforce.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [salesforce]),
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { hubspot } from '../src/adapters/hubspot';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...hubspot.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [hubspot]),
});

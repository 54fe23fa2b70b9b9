import { defineContentScript } from 'wxt/utils/define-content-script';
import { helpscout } from '../src/adapters/helpscout';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...helpscout.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [helpscout]),
});

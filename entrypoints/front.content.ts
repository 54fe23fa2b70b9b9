import { defineContentScript } from 'wxt/utils/define-content-script';
import { front } from '../src/adapters/front';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...front.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [front]),
});

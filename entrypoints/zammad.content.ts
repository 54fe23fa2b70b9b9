import { defineContentScript } from 'wxt/utils/define-content-script';
import { zammad } from '../src/adapters/zammad';
import { runContentScript } from '../src/content/script';

/** Zammad's hosting, `*.zammad.com`: only the Zammad adapter, without the other self-hosted ones. */
export default defineContentScript({
  matches: [...zammad.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [zammad]),
});

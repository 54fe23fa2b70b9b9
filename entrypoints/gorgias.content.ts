import { defineContentScript } from 'wxt/utils/define-content-script';
import { gorgias } from '../src/adapters/gorgias';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...gorgias.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [gorgias]),
});

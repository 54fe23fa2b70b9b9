import { defineContentScript } from 'wxt/utils/define-content-script';
import { servicenow } from '../src/adapters/servicenow';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...servicenow.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [servicenow]),
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { jira } from '../src/adapters/jira';
import { runContentScript } from '../src/content/script';

export default defineContentScript({
  matches: [...jira.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [jira]),
});

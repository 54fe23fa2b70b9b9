import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELF_HOSTED_ADAPTERS } from '../src/adapters/self-hosted';
import { runContentScript } from '../src/content/script';

/**
 * Self-hosted helpdesks live on any host, so this script is in the manifest only for the hosts a build names
 * in EXTRA_HOSTS (wxt.config.ts), and is otherwise registered at run time for sites the user enables.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, SELF_HOSTED_ADAPTERS),
});

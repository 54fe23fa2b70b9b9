import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOST_MATCHES } from '../src/adapters';
import { startDeskmate } from '../src/content/main';

export default defineContentScript({
  // Extra hosts from EXTRA_HOSTS are added to the manifest by wxt.config.ts.
  matches: [...HOST_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    startDeskmate(controller.signal);
  },
});

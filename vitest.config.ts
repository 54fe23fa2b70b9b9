import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // WxtVitest ignores the Vite plugins of wxt.config.ts, so Preact is added again here.
        plugins: [WxtVitest(), preact({ devToolsEnabled: false, prefreshEnabled: false })],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // The fake browser has no i18n: this gives it the real public/_locales files; DOM tests end after Preact's timers.
          setupFiles: ['tests/support/unit-setup.ts'],
          // The adapters' hostile-page tests build large simulated DOMs; on a busy two-core machine a few take
          // several seconds. Timeouts only catch hangs here: costs are measured by `npm run bench`.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

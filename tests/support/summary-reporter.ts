import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends a run with one plain line, `Vitest: N passed, N failed, N skipped`, the closing line CI machines read
 * in any language; Vitest's own summary is meant for people.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state] += 1;
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed += 1; // a file that could not load
    }
    process.stdout.write(`\nVitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

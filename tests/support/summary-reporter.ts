import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/** A suite or file that failed on its own (a hook that threw or timed out, a file that could not load) with no failed test to show for it. */
function failedWithoutTest(item: TestModule | TestSuite): boolean {
  if (item.state() !== 'failed') return false;
  for (const test of item.children.allTests()) if (test.result().state === 'failed') return false;
  return true;
}

/**
 * Ends a run with one plain line, `Vitest: N passed, N failed, N skipped`, the closing line CI machines read
 * in any language; Vitest's own summary is meant for people. A failing `beforeAll` skips its tests: the
 * suite counts as one failure, so the line never reads "0 failed" for a run that failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state] += 1;
      }
      if (failedWithoutTest(module) && module.children.size === 0) counts.failed += 1;
      for (const suite of module.children.allSuites()) if (failedWithoutTest(suite)) counts.failed += 1;
    }
    process.stdout.write(`\nVitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Reporter, TestModule, TestSuite } from 'vitest/node';
import { REQUEST_LOG_ENV, summariseRequestLog } from '../browser/support/requests';

/** A suite or file that failed on its own (a hook that threw or timed out, a file that could not load) with no failed test to show for it. */
function failedWithoutTest(item: TestModule | TestSuite): boolean {
  if (item.state() !== 'failed') return false;
  for (const test of item.children.allTests()) if (test.result().state === 'failed') return false;
  return true;
}

/**
 * Ends a run with one plain line, `Vitest: N passed, N failed, N skipped`, the closing line CI machines read
 * in any language; Vitest's own summary is meant for people. Before it, when browsers ran, the requests they
 * made, by destination (the README's privacy figures). A failing `beforeAll` skips its tests: the
 * suite counts as one failure, and so does each error thrown outside any test (Vitest fails the run for it), so
 * the line never reads "0 failed" for a run that failed.
 */
export default class SummaryReporter implements Reporter {
  /** Where the run's browser sessions add their request counts (tests/browser/support/requests.ts): one file per run. */
  private readonly requestLog = join(process.cwd(), '.tmp', `requests-${process.pid}-${Date.now()}.jsonl`);

  onInit(): void {
    // Set before any worker starts: the workers, and the browsers they launch, inherit it.
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
    process.env[REQUEST_LOG_ENV] = this.requestLog;
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): Promise<void> {
    const requests = await summariseRequestLog(this.requestLog);
    rmSync(this.requestLog, { force: true });
    if (requests) process.stdout.write(`\n${requests}\n`);
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
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

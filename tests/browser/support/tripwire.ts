import type { BrowserContext, Page } from 'playwright-core';
import type { RecordedRequest } from './requests';

/** Every payload in tests/fixtures/xss/payloads.txt that runs asks this host for something. */
export const SENTINEL_HOST = 'xss.invalid';

/** Marks the console lines the init script below writes, so they are told apart from the browser's own. */
const MARK = 'deskmate-tripwire';

/**
 * Signs that page text ran as code somewhere in the browser: in the helpdesk page, in the sidebar frame or in
 * any other frame. A payload that runs makes a request to the sentinel host; one that the sidebar's Content
 * Security Policy stopped (an inline script, an event handler, a `javascript:` URL) raises a
 * `securitypolicyviolation` event instead, and is counted just the same: it was markup that tried to run.
 */
export interface Tripwire {
  /** `securitypolicyviolation` events, as `<frame URL> <directive> <blocked URI> <sample>`. */
  violations: string[];
  /** Console errors, uncaught exceptions and dialogs (`alert`, `confirm`, `prompt`) of every page and frame. */
  errors: string[];
  /** Requests to the sentinel host among `requests`. */
  sentinelRequests(requests: readonly RecordedRequest[]): RecordedRequest[];
  /** Everything above in one list: empty when nothing tried to run. */
  findings(requests: readonly RecordedRequest[]): string[];
  /** Forgets the violations and errors seen so far, after a test has shown that the tripwire catches them. */
  reset(): void;
}

function watchPage(page: Page, tripwire: Tripwire): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location().url || page.url();
    if (text.startsWith(MARK)) tripwire.violations.push(text.slice(MARK.length + 1));
    else tripwire.errors.push(`console error in ${where}: ${text.slice(0, 500)}`);
  });
  page.on('pageerror', (error) => tripwire.errors.push(`uncaught in ${page.url()}: ${error.message.slice(0, 500)}`));
  page.on('dialog', (dialog) => {
    tripwire.errors.push(`${dialog.type()} in ${page.url()}: ${dialog.message().slice(0, 500)}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/**
 * Arms the context's pages and frames, the extension's own pages among them (a context's init scripts run in
 * every frame): call it before opening the pages to watch.
 */
export async function armTripwire(context: BrowserContext): Promise<Tripwire> {
  const tripwire: Tripwire = {
    violations: [],
    errors: [],
    sentinelRequests: (requests) => requests.filter((request) => request.url.includes(SENTINEL_HOST)),
    findings: (requests) => [
      ...tripwire.sentinelRequests(requests).map((request) => `request to ${request.url} from ${request.initiator ?? 'unknown'}`),
      ...tripwire.violations.map((violation) => `blocked by CSP: ${violation}`),
      ...tripwire.errors,
    ],
    reset: () => {
      tripwire.violations.length = 0;
      tripwire.errors.length = 0;
    },
  };
  await context.addInitScript(
    ([mark]) => {
      // Taken before any page script runs, so that neither the listener nor console.error can be swapped first.
      const report = console.error.bind(console);
      document.addEventListener(
        'securitypolicyviolation',
        (event) => report(mark, location.href, event.effectiveDirective, event.blockedURI, event.sample),
        true,
      );
    },
    [MARK] as const,
  );
  context.pages().forEach((page) => watchPage(page, tripwire));
  context.on('page', (page) => watchPage(page, tripwire));
  return tripwire;
}

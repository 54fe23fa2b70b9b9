import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumPath, hostResolverRules, launchExtensionBrowser, PROJECT_ROOT, QUIET_ARGS } from '../browser/support/chromium';
import { DEMO_HELPDESKS, DEMO_HOST_PATTERNS, startDemoServer } from '../demo/server';
import { FIVE_MB, padDemoThread } from '../support/huge-thread';

/**
 * What the extension costs the helpdesk page it runs in, for `npm run bench`: a demo helpdesk ticket whose
 * conversation is 5 MB when the page renders it, then a burst of new messages, in Chromium with the built
 * extension and, as the baseline, without it.
 *
 * The tasks come from a trace of the page's main thread. The page's own `longtask` observer is reported too, but
 * it misses tasks the trace shows: in Chromium 156 it reported neither the rendering of the 5 MB thread nor the
 * frames in which the content script (an isolated world) read it, and a page cannot see extension scripts in
 * `long-animation-frame` entries either.
 */

const CASES = [
  { helpdesk: 'zendesk', ticket: '35120' },
  { helpdesk: 'freshdesk', ticket: '742' },
] as const;
/** New messages after the load, one every `APPEND_EVERY_MS`: each is a mutation burst the content script reads. */
const APPENDED = 20;
const APPEND_EVERY_MS = 150;
/** Time left after each phase for the work it set off to finish. */
const SETTLE_MS = 3_000;
const READY_TIMEOUT_MS = 60_000;
const LONG_MS = 200;

type Row = (cells: (string | number)[]) => string;

/** Runs in the page before its scripts, as source text (see tests/support/huge-thread.ts): keeps every long task. */
const WATCH_LONG_TASKS = `
window.deskmateLongTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.deskmateLongTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
`;

/** Where the burst phase starts and the run ends, on the page's clock and in the trace alike. */
const MARKS = { burst: 'deskmate-bench-burst', end: 'deskmate-bench-end' } as const;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

interface Phase {
  /** The longest task on the page's main thread, ms. */
  longest: number;
  /** Its tasks over `LONG_MS`. */
  over: number;
  /** The longest task the page's own `longtask` observer reported, ms. */
  observed: number;
  /**
   * With the extension, ms: the longest task it ran in and its own time in that task (the rest is the page's:
   * a frame callback runs in the same task as the frame's layout and paint), its longest run, all its runs.
   */
  extension?: { task: number; inTask: number; longest: number; total: number };
}

async function startTrace(page: Page): Promise<{ session: CDPSession; events: TraceEvent[] }> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  return { session, events };
}

async function stopTrace(trace: { session: CDPSession; events: TraceEvent[] }): Promise<TraceEvent[]> {
  const done = new Promise<void>((resolve) => trace.session.once('Tracing.tracingComplete', () => resolve()));
  await trace.session.send('Tracing.end');
  await done;
  return trace.events;
}

const ms = (microseconds: number | undefined) => (microseconds ?? 0) / 1_000;

/** Outermost only: a run nested in another (a callback inside the script's own call) is part of it. */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const kept: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const event of sorted) {
    if (event.ts < end) continue;
    end = event.ts + (event.dur ?? 0);
    kept.push(event);
  }
  return kept;
}

/**
 * The phase between two trace times on the page's main thread (the thread its marks were made on): its tasks,
 * and the content script's runs in them (its evaluation, its observer, timer and frame callbacks).
 */
function phaseOf(events: readonly TraceEvent[], thread: TraceEvent, from: number, to: number, observed: number): Phase {
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.ts >= from && event.ts < to);
  const tasks = outermost(onThread.filter((event) => event.name === 'ThreadControllerImpl::RunTask'));
  const runs = outermost(
    onThread.filter((event) => (event.name === 'FunctionCall' || event.name === 'EvaluateScript') && event.args?.data?.url?.includes('/content-scripts/')),
  );
  const phase: Phase = {
    longest: Math.max(0, ...tasks.map((task) => ms(task.dur))),
    over: tasks.filter((task) => ms(task.dur) > LONG_MS).length,
    observed,
  };
  if (runs.length === 0) return phase;
  const within = (task: TraceEvent) => runs.filter((run) => run.ts >= task.ts && run.ts < task.ts + (task.dur ?? 0)).reduce((sum, run) => sum + ms(run.dur), 0);
  const holding = tasks.filter((task) => within(task) > 0).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  return {
    ...phase,
    extension: {
      task: ms(holding?.dur),
      inTask: holding ? within(holding) : 0,
      longest: Math.max(...runs.map((run) => ms(run.dur))),
      total: runs.reduce((sum, run) => sum + ms(run.dur), 0),
    },
  };
}

const sleep = (wait: number) => new Promise((resolve) => setTimeout(resolve, wait));

/** The sidebar frame's ticket id, asked in the frame itself (another process), so the page's thread is left alone. */
async function sidebarTicket(page: Page): Promise<string | null> {
  const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://') && candidate.url().includes('/sidebar.html'));
  if (!frame) return null;
  return frame.evaluate(() => document.querySelector('[data-testid="aa-ticket"]')?.getAttribute('data-ticket-id') ?? null).catch(() => null);
}

async function measure(context: BrowserContext, url: string, ticket: string, withExtension: boolean): Promise<{ load: Phase; burst: Phase }> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: WATCH_LONG_TASKS });
    await page.addInitScript({ content: padDemoThread({ ticket, ...FIVE_MB }) });
    const trace = await startTrace(page);
    await page.goto(url, { timeout: READY_TIMEOUT_MS });
    if (withExtension) {
      const deadline = Date.now() + READY_TIMEOUT_MS;
      while ((await sidebarTicket(page)) !== ticket) {
        if (Date.now() > deadline) throw new Error(`${url}: the sidebar did not show ticket ${ticket}`);
        await sleep(250);
      }
    }
    await sleep(SETTLE_MS);
    const loaded = await page.evaluate((name) => performance.mark(name).startTime, MARKS.burst);
    await page.evaluate(
      ([id, count, every]) => {
        const demo = (window as unknown as { demoHelpdesk: { addMessage(id: string, text: string, fromCustomer: boolean): void } }).demoHelpdesk;
        for (let i = 0; i < count; i += 1) setTimeout(() => demo.addMessage(id, `Still failing, attempt ${i + 1}.`, true), i * every);
      },
      [ticket, APPENDED, APPEND_EVERY_MS] as const,
    );
    await sleep(APPENDED * APPEND_EVERY_MS + SETTLE_MS);
    const tasks = await page.evaluate((name) => {
      performance.mark(name);
      return (window as unknown as { deskmateLongTasks: { start: number; duration: number }[] }).deskmateLongTasks;
    }, MARKS.end);
    const events = await stopTrace(trace);
    const [burst, end] = [MARKS.burst, MARKS.end].map((name) => events.find((event) => event.name === name));
    if (!burst || !end) throw new Error(`${url}: the trace holds no marks`);
    const observed = (from: number, to: number) => Math.max(0, ...tasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration));
    return {
      load: phaseOf(events, burst, Number.NEGATIVE_INFINITY, burst.ts, observed(0, loaded)),
      burst: phaseOf(events, burst, burst.ts, end.ts, observed(loaded, Number.POSITIVE_INFINITY)),
    };
  } finally {
    await page.close();
  }
}

export async function hostPageCost(row: Row, ratio: (ours: number, base: number) => string): Promise<void> {
  const server = await startDemoServer();
  // Git-ignored, like the browser tests' profiles.
  await mkdir(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  const profile = await mkdtemp(join(PROJECT_ROOT, '.tmp', 'bench-'));
  try {
    const plain = await chromium.launchPersistentContext(join(profile, 'plain'), {
      executablePath: chromiumPath(),
      headless: true,
      args: [...QUIET_ARGS, `--host-resolver-rules=${hostResolverRules(DEMO_HOST_PATTERNS, server.port, true)}`],
    });
    const extension = await launchExtensionBrowser({ hosts: DEMO_HOST_PATTERNS, serverPort: server.port, headless: true, blockOtherHosts: true });
    try {
      console.log(`\n## The host page with a 5 MB conversation, in Chromium (tasks on its main thread, from a trace, without and with the extension)\n`);
      console.log(
        row(['helpdesk', 'phase', 'longest task ms', 'with extension', 'ratio', `tasks > ${LONG_MS} ms`, 'longest task the extension ran in: its ms / all', "extension's runs: longest / all ms", 'page longtask observer: longest']),
      );
      console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
      for (const { helpdesk, ticket } of CASES) {
        const demo = DEMO_HELPDESKS.find((candidate) => candidate.id === helpdesk);
        if (!demo) throw new Error(`no demo page for ${helpdesk}`);
        const base = await measure(plain, demo.demoUrl, ticket, false);
        const ours = await measure(extension.context, demo.demoUrl, ticket, true);
        for (const name of ['load', 'burst'] as const) {
          const [b, o] = [base[name], ours[name]];
          const own = o.extension ? `${o.extension.longest.toFixed(1)} / ${o.extension.total.toFixed(1)}` : 'did not run';
          console.log(
            row([
              helpdesk,
              name === 'load' ? 'load' : `${APPENDED} new messages`,
              b.longest,
              o.longest,
              ratio(o.longest, b.longest),
              `${b.over} / ${o.over}`,
              o.extension ? `${o.extension.inTask.toFixed(1)} / ${o.extension.task.toFixed(0)}` : '',
              own,
              `${b.observed.toFixed(0)} / ${o.observed.toFixed(0)}`,
            ]),
          );
        }
      }
    } finally {
      await extension.close();
      await plain.close();
    }
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

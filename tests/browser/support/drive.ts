import type { Frame, Page } from 'playwright-core';

/*
 * Driving the sidebar as a script does, much faster than through Playwright's actionability checks: for tests
 * about what the sidebar renders and runs, over many tickets or articles, not about its buttons.
 */

/** The sidebar's own frame in the page. */
export function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://'));
  if (!frame) throw new Error('No sidebar frame in the page');
  return frame;
}

/** Clicks the first element matching `selector` in the sidebar. */
export const press = (sidebar: Frame, selector: string) => sidebar.evaluate((target) => document.querySelector<HTMLElement>(target)!.click(), selector);

/** Puts `text` into one of the sidebar's text boxes the way its input handler sees typing. */
export const typeInto = (sidebar: Frame, selector: string, text: string) =>
  sidebar.evaluate(
    ([target, value]) => {
      const box = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(target)!;
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [selector, text] as const,
  );

/** Lets the sidebar finish what it is rendering: two animation frames, then a task. */
export const settled = (sidebar: Frame) =>
  sidebar.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';

/**
 * WCAG 2.2 AA through axe-core, in light and dark: the sidebar inside the demo helpdesk page (axe injected into
 * its extension frame), the toolbar popup and the options page, each with no serious or critical violation.
 * Also that the sidebar follows the system's colour scheme, and the helpdesk's own dark theme over it.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
const TICKET = 'http://acme.zendesk.com/agent/tickets/35120';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

declare const axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[]; passes: { id: string }[] }> };

/** axe-core's findings for the document of `target`, injected there as DevTools would. */
async function audit(target: Page | Frame): Promise<{ serious: string[]; minor: string[]; passed: string[] }> {
  await target.evaluate(AXE_SOURCE);
  const { violations, passes } = await target.evaluate(
    (tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'passes'] }),
    TAGS,
  );
  const describe = (v: Violation) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`;
  return {
    serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describe),
    minor: violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').map(describe),
    passed: passes.map((pass) => pass.id),
  };
}

/** The sidebar's extension frame inside a helpdesk page. */
async function sidebarFrame(page: Page): Promise<Frame> {
  await expect
    .poll(() => page.frames().find((frame) => frame.url().startsWith('chrome-extension://'))?.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), {
      timeout: 20_000,
    })
    .toBe('ready');
  return page.frames().find((frame) => frame.url().startsWith('chrome-extension://'))!;
}

const background = (target: Page | Frame) => target.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('accessibility', () => {
  let harness: Harness;
  const findings: Record<string, string[]> = {};

  beforeAll(async () => {
    harness = await launchWithExtension();
  });

  afterAll(async () => {
    // Moderate and minor findings are reported, not failed: the bar is no serious or critical one.
    const reported = Object.entries(findings).filter(([, minor]) => minor.length > 0);
    if (reported.length > 0) console.info(`axe, moderate and minor:\n${reported.map(([where, minor]) => `${where}:\n  ${minor.join('\n  ')}`).join('\n')}`);
    await harness?.close();
  });

  it.each(SCHEMES)('the sidebar in a helpdesk page, %s', async (scheme) => {
    const page = await harness.openTicketPage(TICKET);
    await page.emulateMedia({ colorScheme: scheme });
    const frame = await sidebarFrame(page);
    expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    expect(await background(frame)).toBe(scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(246, 247, 249)');
    // Everything the sidebar shows at once: an answer opened, the checklist and note open, the shortcuts.
    await frame.locator('.suggestion-title').first().click();
    await expect.poll(() => frame.locator('.article-body').count()).toBe(1);
    await frame.locator('[data-testid="aa-escalation"] summary').first().click();
    await frame.locator('button[aria-label="Keyboard shortcuts"]').click();
    const result = await audit(frame);
    findings[`sidebar (${scheme})`] = result.minor;
    expect(result.serious).toEqual([]);
    expect(result.passed).toEqual(expect.arrayContaining(['color-contrast', 'aria-allowed-attr', 'button-name', 'label', 'target-size']));
    await page.close();
  });

  it('the sidebar follows the helpdesk’s dark theme over a light system, and back', async () => {
    const page = await harness.openTicketPage(TICKET);
    await page.emulateMedia({ colorScheme: 'light' });
    const frame = await sidebarFrame(page);
    const theme = () => frame.evaluate(() => document.documentElement.dataset.theme ?? null);
    expect(await theme()).toBeNull();
    // The helpdesk switched to its dark theme: its page is painted dark.
    await page.evaluate(() => document.body.style.setProperty('background-color', '#151a1e', 'important'));
    await expect.poll(theme, { timeout: 5_000 }).toBe('dark');
    expect(await background(frame)).toBe('rgb(22, 24, 28)');
    const result = await audit(frame);
    findings['sidebar (helpdesk dark, system light)'] = result.minor;
    expect(result.serious).toEqual([]);
    await page.evaluate(() => document.body.style.removeProperty('background-color'));
    await expect.poll(theme, { timeout: 5_000 }).toBeNull();
    expect(await background(frame)).toBe('rgb(246, 247, 249)');
    await page.close();
  });

  it.each(SCHEMES)('the toolbar popup, %s', async (scheme) => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${harness.extensionId}/popup.html`);
    await page.locator('[data-testid="popup"]').waitFor();
    const result = await audit(page);
    findings[`popup (${scheme})`] = result.minor;
    expect(result.serious).toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('the options page with usage counted, %s', async (scheme) => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
    // Counts as the sidebar stores them, so that every table is on the page.
    await page.evaluate(() =>
      chrome.storage.local.set({
        usage: {
          version: 1,
          weeks: {
            '2026-W47': {
              articles: { 'sso-saml-invalid-response': { shown: 4, opened: 2, inserted: 1, copied: 1, linked: 0, up: 1, down: 0 } },
              gaps: [{ words: 'vpn drops at night', source: 'search', count: 2 }],
            },
          },
        },
      }),
    );
    await page.locator('[data-testid="options-gaps"]').waitFor();
    expect(await background(page)).toBe(scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(246, 247, 249)');
    const result = await audit(page);
    findings[`options (${scheme})`] = result.minor;
    expect(result.serious).toEqual([]);
    await page.close();
  });
});

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

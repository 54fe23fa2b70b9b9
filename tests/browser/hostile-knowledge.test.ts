import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type Harness } from './harness';
import { buildExtension, TEMP_ROOT } from './support/build';
import { press, settled, sidebarFrame, typeInto } from './support/drive';
import { armTripwire, SENTINEL_HOST, type Tripwire } from './support/tripwire';

/**
 * A knowledge base full of attack strings, built into the extension with KNOWLEDGE_DIR as a team would build
 * theirs: Markdown articles with payloads in the title, tags, owner, link and escalation hint, and a Zendesk Help
 * Center export whose HTML bodies carry every payload as live markup. Every article is looked up, opened,
 * copied and inserted into an editor that runs whatever HTML it is given; the note lists them. Nothing runs.
 */
const payloads = readFileSync('tests/fixtures/xss/payloads.txt', 'utf8').split('\n').filter(Boolean);
/** A made-up word per article, so that a lookup brings up that article first. */
const token = (n: number) => `zq${n}x`;
const ANSWER_WORDS = 'Refund the duplicate charge when a customer was charged twice for the subscription.';
const TAG_MAX = 100;
/** The Help Center export's articles: each body carries every payload, so a quarter of the titles is enough. */
const EXPORTED = Math.ceil(payloads.length / 4);

interface DemoWindow {
  demoHelpdesk: {
    addTicket(id: string, ticket: unknown): void;
    open(id: string): void;
    trustPastedHtml(on: boolean): void;
  };
}

/** A YAML double-quoted scalar: JSON's, with everything outside ASCII escaped, since YAML reads some of it as line breaks. */
const yamlString = (text: string) => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function markdownArticle(n: number): string {
  const at = (k: number) => payloads[(n + k) % payloads.length]!;
  return [
    '---',
    `id: hostile-${n}`,
    `title: ${yamlString(`${at(0)} ${token(n)}`)}`,
    // Cut to the longest tag an article may have: a longer one fails the build, naming the file.
    `tags: [${[at(1), at(2), at(3)].map((tag) => yamlString(tag.slice(0, TAG_MAX))).join(', ')}]`,
    'locale: en',
    `owner: ${yamlString(at(4))}`,
    `url: ${yamlString(n % 2 === 0 ? `javascript:fetch('//${SENTINEL_HOST}/url${n}')` : `https://help.example.com/${n}?q=${at(5)}`)}`,
    `escalation: ${yamlString(at(6))}`,
    '---',
    `Hi {{requester.first_name}}, ${token(n)}.`,
    '',
    ...Array.from({ length: 8 }, (_, k) => [at(k), '']).flat(),
    `[${at(7)}](javascript:fetch('//${SENTINEL_HOST}/md${n}'))`,
    '',
    `![pixel](//${SENTINEL_HOST}/img${n}.gif)`,
    '',
    ANSWER_WORDS,
    '',
  ].join('\n');
}

function helpCenterExport(): string {
  const articles = Array.from({ length: EXPORTED }, (_, j) => {
    const n = payloads.length + j;
    return {
      id: 900_000 + j,
      section_id: 1,
      title: `${payloads[(4 * j) % payloads.length]} ${token(n)}`,
      body: `<p>${token(n)}</p>${payloads.map((payload) => `<div>${payload}</div>`).join('')}<p>${ANSWER_WORDS}</p>`,
      label_names: [payloads[(4 * j + 1) % payloads.length]!.slice(0, TAG_MAX), 'billing'],
      locale: 'en-us',
      html_url: `javascript:fetch('//${SENTINEL_HOST}/hc${j}')`,
      draft: false,
    };
  });
  return JSON.stringify({ articles, next_page: null });
}

/** Every article the sidebar can show: its id, and the word that finds it. */
const ARTICLES = [
  ...payloads.map((_, n) => ({ id: `hostile-${n}`, word: token(n) })),
  ...Array.from({ length: EXPORTED }, (_, j) => ({ id: String(900_000 + j), word: token(payloads.length + j) })),
];

const EDITOR = '.workspace:not([style*="none"]) [data-test-id="omnicomposer-rich-text-ckeditor"]';

const editorLength = (page: Page) => page.locator(EDITOR).evaluate((el) => (el as HTMLElement).innerText.length);

describe('a hostile knowledge base, built in with KNOWLEDGE_DIR', () => {
  let folder: string;
  let build: { dir: string; remove(): Promise<void> };
  let harness: Harness;
  let tripwire: Tripwire;

  beforeAll(async () => {
    await mkdir(TEMP_ROOT, { recursive: true });
    folder = await mkdtemp(join(TEMP_ROOT, 'hostile-kb-'));
    await Promise.all([
      ...payloads.map((_, n) => writeFile(join(folder, `hostile-${n}.md`), markdownArticle(n))),
      writeFile(join(folder, 'help-center.json'), helpCenterExport()),
    ]);
    build = await buildExtension({ KNOWLEDGE_DIR: folder });
    harness = await launchWithExtension({ extensionDir: build.dir });
    tripwire = await armTripwire(harness.context);
  });

  afterAll(async () => {
    await harness?.close();
    await build?.remove();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('shows, opens, copies and inserts every article, and runs none of them', { timeout: 300_000 }, async () => {
    const page = await harness.openTicketPage('http://acme.zendesk.com/agent/tickets/35120');
    const sidebar = harness.sidebar(page);
    await expect.poll(() => sidebar.locator('[data-testid="aa-sidebar"]').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    const frame = sidebarFrame(page);
    await page.evaluate(() => (window as unknown as DemoWindow).demoHelpdesk.trustPastedHtml(true));

    // A ticket these articles answer, from a requester whose name the answers' placeholders take.
    await page.evaluate(
      ([words, name]) => {
        const helpdesk = (window as unknown as DemoWindow).demoHelpdesk;
        helpdesk.addTicket('81000', {
          subject: 'Charged twice: please refund the duplicate charge',
          via: 'Via email',
          requester: { id: 9100, name, email: 'payer@example.com' },
          type: 'Question',
          priority: 'Normal',
          status: 'Open',
          tags: ['billing'],
          messages: [{ author: name, fromCustomer: true, at: '2025-03-03T09:00:00.000Z', text: words }],
        });
        helpdesk.open('81000');
      },
      [ANSWER_WORDS, payloads[2]!] as const,
    );
    await frame.waitForSelector('[data-testid="aa-ticket"][data-ticket-id="81000"]');
    expect(await sidebar.locator('[data-testid="aa-suggestion"]').count()).toBeGreaterThan(0);

    for (const article of ARTICLES) {
      await typeInto(frame, '[data-testid="aa-search"]', article.word);
      await frame.waitForSelector(`[data-testid="aa-suggestion"]:first-child[data-article-id="${article.id}"]`);
      const first = '[data-testid="aa-suggestion"]:first-child';
      await press(frame, `${first} .suggestion-title`);
      await frame.waitForSelector(`${first} .article-body`);
      const before = await editorLength(page);
      await press(frame, `${first} [data-testid="aa-insert"]`);
      await expect.poll(() => editorLength(page)).toBeGreaterThan(before);
      await press(frame, `${first} .actions button:nth-child(2)`);
    }

    // The note lists the articles opened, with their titles and links; it goes into the internal note.
    await typeInto(frame, '[data-testid="aa-search"]', '');
    await page.locator('.workspace:not([style*="none"]) [data-test-id="omnichannel-channel-switcher-menuitem-internal"]').dispatchEvent('click');
    await press(frame, '[data-testid="aa-insert-note"]');
    await expect.poll(() => page.locator(EDITOR).innerText()).toContain('Escalation note');
    await press(frame, '[data-testid="aa-copy-note"]');
    await settled(frame);

    expect(tripwire.findings(harness.requests)).toEqual([]);
    expect(harness.foreignRequests()).toEqual([]);
    await page.close();
  });
});

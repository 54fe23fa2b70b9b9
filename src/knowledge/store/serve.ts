import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { openKnowledgeDb, readCompiled, readSourceText } from './db';
import { BUNDLED } from './model';

/**
 * The device's knowledge, handed by the background to a sidebar or the popup over a runtime port. A sidebar is
 * a frame of the extension inside a helpdesk page: browsers partition its storage by that page, or refuse it
 * when third-party storage is blocked, so it cannot open the extension's IndexedDB itself. The background can,
 * and sends the stored JSON text as it is, in slices below the browsers' message size limits; the page parses
 * and validates it.
 */

export const KNOWLEDGE_PORT = 'deskmate-knowledge';
// Chrome refuses messages above 64 MiB; a slice is a fraction of that, and of the memory a message costs.
const SLICE = 8 * 1024 * 1024;

export const Served = z.discriminatedUnion('type', [
  /** Nothing was added on this device: the bundled knowledge base is the whole of it. */
  z.object({ type: z.literal('none') }),
  /** The merged index follows, then each stored source's articles in merge order (BUNDLED among them, sent as nothing). */
  z.object({ type: z.literal('begin'), order: z.array(z.string()) }),
  /** A slice of the index (`part: -1`) or of the articles of `order[part]`. */
  z.object({ type: z.literal('slice'), part: z.number(), text: z.string() }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type Served = z.infer<typeof Served>;

function sendText(port: Browser.runtime.Port, part: number, text: string): void {
  for (let at = 0; at < text.length; at += SLICE) port.postMessage({ type: 'slice', part, text: text.slice(at, at + SLICE) } satisfies Served);
}

async function serve(port: Browser.runtime.Port): Promise<void> {
  let db;
  try {
    db = await openKnowledgeDb();
    const compiled = await readCompiled(db);
    if (!compiled) {
      port.postMessage({ type: 'none' } satisfies Served);
      return;
    }
    port.postMessage({ type: 'begin', order: compiled.order } satisfies Served);
    sendText(port, -1, compiled.index);
    for (const [part, id] of compiled.order.entries()) if (id !== BUNDLED) sendText(port, part, await readSourceText(db, id));
    port.postMessage({ type: 'end' } satisfies Served);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies Served);
  } finally {
    db?.close();
  }
}

/** The background's side: answers each port the extension's own pages open for the knowledge base. */
export function serveKnowledge(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== KNOWLEDGE_PORT || port.sender?.id !== browser.runtime.id) return;
    void serve(port).catch(() => undefined);
  });
}

/** What a page receives: the merged index and each source's articles as text, or null when none was added. */
export interface Received {
  order: string[];
  index: string;
  /** Articles JSON by position in `order`; BUNDLED's is absent. */
  articles: Map<number, string>;
}

/** The page's side: asks the background for the device's knowledge. */
export function receiveKnowledge(): Promise<Received | null> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: KNOWLEDGE_PORT });
    let order: string[] = [];
    const parts = new Map<number, string[]>();
    const finish = (outcome: () => void) => {
      port.disconnect();
      outcome();
    };
    port.onMessage.addListener((raw: unknown) => {
      const message = Served.safeParse(raw);
      if (!message.success) return finish(() => reject(new Error('the background sent something that is not knowledge')));
      const data = message.data;
      if (data.type === 'none') finish(() => resolve(null));
      else if (data.type === 'failed') finish(() => reject(new Error(data.message)));
      else if (data.type === 'begin') order = data.order;
      else if (data.type === 'slice') {
        const texts = parts.get(data.part) ?? [];
        texts.push(data.text);
        parts.set(data.part, texts);
      }
      else {
        const articles = new Map([...parts].filter(([part]) => part >= 0).map(([part, texts]) => [part, texts.join('')]));
        finish(() => resolve({ order, index: parts.get(-1)?.join('') ?? '', articles }));
      }
    });
    port.onDisconnect.addListener(() => reject(new Error('the background closed the connection')));
  });
}

import { deepRoots } from '../../src/adapters/dom';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { StatePublisher } from '../../src/content/publish';

export interface BurstTimes {
  /** The page state the content script would send. */
  state: string;
  /** Milliseconds per burst: the address parsed, the ticket read, the state compared with the one last sent. */
  burst: number[];
  /** Milliseconds per plain read of all the page's text, after the same kind of mutation: the baseline. */
  textContent: number[];
}

/**
 * Every tree the reader may look into (the document, its open shadow roots and same-origin frames), so that the
 * baseline reads the text of the whole page as the reader sees it. Found before the timing starts.
 */
function textRoots(doc: Document): Node[] {
  return deepRoots(doc).map((root) => ((root as Node).nodeType === 9 ? ((root as Document).body ?? root) : root) as Node);
}

/**
 * `runs` bursts as src/content/main.ts handles them once the helpdesk is known: a mutation lands (untimed), then
 * the timed work of the animation frame, where the state is compared with the one last sent and sent only when
 * it changed (here it never does, as for most bursts). After each, another mutation and a plain
 * `textContent` read of the page, timed: what any script that looked at the whole page would pay.
 */
export function timeBursts(adapter: Adapter, doc: Document, href: string, runs: number): BurstTimes {
  const publisher = new StatePublisher(() => undefined);
  const burst = () => publisher.publish(readPage(adapter, doc, new URL(href)));
  burst();
  const times: BurstTimes = { state: publisher.current.state, burst: [], textContent: [] };
  const roots = textRoots(doc);
  const body = doc.body;
  if (!body) return times;
  // Warms both up, so that the first runs do not measure compilation.
  for (let i = 0; i < Math.min(20, runs); i += 1) burst();
  let length = 0;
  for (const root of roots) length += root.textContent?.length ?? 0;
  for (let i = 0; i < runs; i += 1) {
    body.setAttribute('data-burst', String(i));
    const start = performance.now();
    burst();
    times.burst.push(performance.now() - start);
    body.setAttribute('data-burst', String(-i));
    const plain = performance.now();
    for (const root of roots) length += root.textContent?.length ?? 0;
    times.textContent.push(performance.now() - plain);
  }
  if (length === 0) throw new Error(`${adapter.id}: the page has no text`);
  return times;
}

import { queryAll } from '../../src/adapters/dom';
import type { Adapter } from '../../src/adapters/types';

const FILLER = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(45)}\n`;

/**
 * Turns the open ticket's conversation into one of more than 5 MB: 1,000 copies of its oldest message, each
 * about 5 kB of text, older still, so that the newest customer message stays the latest. For the unit tests
 * (the read is capped) and `npm run bench` (what such a read costs). Returns the element holding the messages.
 */
export function padConversation(adapter: Adapter, root: Element): ParentNode {
  const { messages } = adapter.fields;
  const items = messages.items.flatMap((selector) => queryAll(root, selector));
  const newestFirst = messages.order === 'newest-first';
  const oldest = newestFirst ? items[items.length - 1] : items[0];
  const parent = oldest?.parentNode;
  if (!oldest || !parent) throw new Error(`${adapter.id}: the fixture shows no message to copy`);
  const template = oldest.cloneNode(true) as Element;
  const body = messages.body.flatMap((selector) => queryAll(template, selector))[0] ?? Array.from(template.querySelectorAll('p, div')).pop() ?? template;
  body.textContent = FILLER.repeat(2);
  const fragment = oldest.ownerDocument.createDocumentFragment();
  for (let i = 0; i < 1_000; i += 1) fragment.append(template.cloneNode(true));
  parent.insertBefore(fragment, newestFirst ? oldest.nextSibling : oldest);
  return parent;
}

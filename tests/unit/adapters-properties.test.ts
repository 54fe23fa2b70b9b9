// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters';
import { ticketKey } from '../../src/adapters/page';
import { readPage } from '../../src/adapters/read';
import type { Adapter } from '../../src/adapters/types';
import { PageState, TICKET_FIELDS } from '../../src/model/ticket';
import { hostileText, hugeText } from '../support/hostile-text';
import { loadFixture, openRoot } from './adapters.kit';

/*
 * The shared reader on random DOM: trees of elements carrying the tags, classes and attributes each adapter's
 * selectors look for, filled with hostile text (bidi controls, broken surrogates, huge strings), in the open
 * ticket's view, in open shadow roots, beside the fixture's own markup or instead of it. Whatever the tree, the
 * reader returns a state the schema accepts (so every field within src/model/limits.ts), never fails, and
 * never puts page text in a diagnostic.
 */

/** Text the diagnostic must never quote: it stands for what a customer wrote. */
const SECRET = 'qzx-customer-secret';

/** Fixtures of the ticket view where it is not `ticket.html`. */
const MAIN_VIEW: Partial<Record<Adapter['id'], string>> = { salesforce: 'console.html', servicenow: 'case.html' };

/** Ticket views of each adapter: its main fixture, and the other UIs of the apps that have several. */
const VIEWS: readonly [Adapter['id'], string][] = [
  ...ADAPTERS.map((adapter): [Adapter['id'], string] => [adapter.id, MAIN_VIEW[adapter.id] ?? 'ticket.html']),
  ['servicenow', 'classic.html'],
  ['servicenow', 'workspace.html'],
];

interface Attribute {
  name: string;
  op: string;
  value: string;
}

interface Atoms {
  tags: string[];
  classes: string[];
  attributes: Attribute[];
}

/** Every selector string of the adapter (root, fields, messages, editors). */
function selectorsOf(adapter: Adapter): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object' && !(value instanceof RegExp)) Object.values(value).forEach(walk);
  };
  walk([adapter.root, adapter.fields, adapter.editors, adapter.page.signature]);
  return found;
}

const ATTRIBUTE = /\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*[is]?)?\s*\]/g;

/** The tags, classes and attributes the selectors match on. */
function atomsOf(adapter: Adapter): Atoms {
  const tags = new Set(['div', 'span', 'p', 'li', 'article', 'section', 'input', 'textarea', 'time', 'a', 'button', 'select']);
  const classes = new Set<string>();
  const attributes = new Map<string, Attribute>();
  for (const selector of selectorsOf(adapter)) {
    for (const [, name, op, ...values] of selector.matchAll(ATTRIBUTE)) {
      const value = values.find((v) => v !== undefined) ?? '';
      attributes.set(`${name}${op}${value}`, { name: name!, op: op ?? '', value });
    }
    const bare = selector.replace(ATTRIBUTE, ' ').replace(/::?[\w-]+/g, ' ');
    for (const [, tag] of bare.matchAll(/(?:^|[\s>+~,(])([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/g)) tags.add(tag!);
    // Frames would load pages; the kit's fixtures cover them.
    tags.delete('iframe');
    tags.delete('frame');
    for (const [, name] of bare.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) classes.add(name!);
  }
  return { tags: [...tags], classes: [...classes], attributes: [...attributes.values()] };
}

/** A value the attribute selector matches, with random text where the operator leaves room for it. */
function attributeValue(attribute: Attribute, key: string, filler: string): string {
  const value = attribute.value.split('{id}').join(key);
  switch (attribute.op) {
    case '=':
    case '~=':
      return value;
    case '^=':
    case '|=':
      return `${value}${filler}`;
    case '$=':
      return `${filler}${value}`;
    case '*=':
      return `${filler}${value}${filler}`;
    default:
      return filler;
  }
}

type Tree = { text: string } | { tag: number; attributes: number[]; classes: number[]; filler: string; shadow: boolean; hidden: boolean; children: Tree[] };

/** Text as a page holds it: mostly short and hostile, sometimes huge, sometimes with the customer's secret. */
const pageText = fc.oneof(
  { weight: 6, arbitrary: hostileText(40) },
  { weight: 1, arbitrary: hugeText(100_000) },
  { weight: 1, arbitrary: hostileText(20).map((text) => `${text} ${SECRET} ${text}`) },
);

/** True one time in five. */
const sometimes = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const trees = fc.letrec<{ node: Tree; element: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, pageText.map((text) => ({ text })), tie('element')),
  element: fc.record({
    tag: fc.nat(),
    attributes: fc.array(fc.nat(), { maxLength: 3 }),
    classes: fc.array(fc.nat(), { maxLength: 2 }),
    filler: hostileText(8),
    shadow: sometimes,
    hidden: sometimes,
    children: fc.array(tie('node'), { maxLength: 4 }),
  }),
}));

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

function build(tree: Tree, atoms: Atoms, key: string): Node {
  if ('text' in tree) return document.createTextNode(tree.text);
  const el = document.createElement(pick(atoms.tags, tree.tag));
  for (const n of tree.attributes) {
    if (atoms.attributes.length === 0) break;
    const attribute = pick(atoms.attributes, n);
    el.setAttribute(attribute.name, attributeValue(attribute, key, tree.filler));
  }
  for (const n of tree.classes) if (atoms.classes.length > 0) el.classList.add(pick(atoms.classes, n));
  // Where the readers look at values and times rather than text.
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.value = tree.filler;
  if (el.localName === 'time') el.setAttribute('datetime', tree.filler);
  if (tree.hidden) el.setAttribute('style', 'display: none');
  const children = tree.children.map((child) => build(child, atoms, key));
  if (tree.shadow && el.localName === 'div') el.attachShadow({ mode: 'open' }).append(...children);
  else el.append(...children);
  return el;
}

/** Text nodes under these nodes, in open shadow roots as well. */
function textNodes(nodes: readonly Node[]): Text[] {
  return nodes.flatMap((node) => {
    if (node.nodeType === Node.TEXT_NODE) return [node as Text];
    const shadow = node instanceof Element && node.shadowRoot ? Array.from(node.shadowRoot.childNodes) : [];
    return textNodes([...shadow, ...Array.from(node.childNodes)]);
  });
}

function expectSafe(state: PageState): void {
  const parsed = PageState.safeParse(state);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  expect(state.state).not.toBe('error');
  if ('missing' in state) for (const field of state.missing) expect(TICKET_FIELDS).toContain(field);
  if (state.state === 'unreadable') expect(state.diagnostic).not.toContain(SECRET);
}

describe.each(VIEWS)('%s (%s) on random DOM', (id, file) => {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  const atoms = atomsOf(adapter);

  it('reads any tree in the ticket view into a valid state', () => {
    const url = loadFixture(adapter.id, file);
    const root = openRoot(adapter, url)!;
    const key = ticketKey(adapter.page, url)!;
    const own = Array.from(root.childNodes);
    const ownTexts = textNodes(own);
    const ownData = ownTexts.map((node) => node.data);
    fc.assert(
      fc.property(fc.array(trees.element, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.array(pageText, { maxLength: 6 }), (forest, keep, texts) => {
        const added = forest.map((tree) => build(tree, atoms, key));
        // Beside the fixture's own markup, every third piece of its text rewritten, or instead of it. The
        // fixture's nodes themselves are put back afterwards: clones would lose their shadow roots.
        if (keep) {
          ownTexts.forEach((node, i) => {
            const text = texts[i / 3];
            if (text !== undefined) node.data = text;
          });
          root.append(...added);
        } else root.replaceChildren(...added);
        try {
          expectSafe(readPage(adapter, document, url));
        } finally {
          root.replaceChildren(...own);
          ownTexts.forEach((node, i) => (node.data = ownData[i]!));
        }
      }),
      { numRuns: 20 },
    );
  });
});

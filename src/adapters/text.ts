import { matches } from './dom';

/** Elements whose content is never message text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'button',
  'select',
  'option',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'input',
  'textarea',
]);

/** Blocks that read as their own paragraph (a blank line around them). */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'hr']);

/** Blocks that start a new line. */
const LINE = new Set([
  'div',
  'li',
  'tr',
  'dt',
  'dd',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'figure',
  'figcaption',
  'address',
  'form',
  'fieldset',
  'details',
  'summary',
]);

/** A 5 MB thread has ~100k nodes; past this many a read is abandoned with what it has. */
const MAX_NODES = 200_000;

interface Walk {
  out: string[];
  length: number;
  pendingBreaks: number;
  pre: number;
}

function breakBefore(walk: Walk, count: number): void {
  walk.pendingBreaks = Math.max(walk.pendingBreaks, count);
}

/** Drops the spaces a line ended with, as a rendered line would (preformatted text keeps them). */
function endLine(walk: Walk): void {
  const last = walk.out.length - 1;
  const chunk = walk.out[last];
  if (walk.pre > 0 || chunk === undefined) return;
  const trimmed = chunk.replace(/[ \t]+$/, '');
  walk.length -= chunk.length - trimmed.length;
  walk.out[last] = trimmed;
}

/**
 * A text node is taken this many characters at a time, so that one huge node (a pasted log, a plain-text e-mail)
 * costs what the budget takes of it rather than its length. Pieces join as the whole node would have: a space
 * that ends one piece absorbs the whitespace that starts the next.
 */
const PIECE = 4_096;

function emit(walk: Walk, raw: string, budget: number): void {
  for (let start = 0; start < raw.length && walk.length < budget; start += PIECE) emitPiece(walk, raw.slice(start, start + PIECE));
}

function emitPiece(walk: Walk, raw: string): void {
  let text = walk.pre > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ');
  if (text === '') return;
  if (walk.pendingBreaks > 0 && walk.length > 0) {
    endLine(walk);
    walk.out.push('\n'.repeat(walk.pendingBreaks));
    walk.length += walk.pendingBreaks;
  }
  walk.pendingBreaks = 0;
  const last = walk.out[walk.out.length - 1];
  if (walk.pre === 0 && text.startsWith(' ') && (last === undefined || /[ \n]$/.test(last))) text = text.slice(1);
  if (text === '') return;
  walk.out.push(text);
  walk.length += text.length;
}

/**
 * The children as drawn (the flat tree): a shadow host shows its open shadow root instead of its own children,
 * and a `<slot>` shows the nodes assigned to it, or its fallback content when none are.
 */
function drawnChildren(node: Node): ArrayLike<Node> {
  if (node.nodeType !== 1) return node.childNodes;
  const el = node as Element;
  if (el.shadowRoot) return el.shadowRoot.childNodes;
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) return assigned;
  }
  return node.childNodes;
}

/**
 * The readable text of `root`, like `innerText` but without layout: block elements become line and paragraph
 * breaks, controls and media are skipped, and nothing is rendered or run. Open shadow roots are read as the
 * browser draws them. Stops once `budget` characters are read, so a huge message costs no more than its first
 * `budget` characters.
 */
export function readText(root: Node, budget: number, ignore?: string): string {
  const walk: Walk = { out: [], length: 0, pendingBreaks: 0, pre: 0 };
  // Each entry is a node to visit, or a closing marker for an element whose children are done.
  const stack: Array<{ node: Node; close: boolean }> = [{ node: root, close: false }];
  let visited = 0;
  while (stack.length > 0 && walk.length < budget && visited < MAX_NODES) {
    const { node, close } = stack.pop()!;
    if (close) {
      const name = (node as Element).localName;
      if (name === 'pre') walk.pre -= 1;
      if (PARAGRAPH.has(name)) breakBefore(walk, 2);
      else if (LINE.has(name)) breakBefore(walk, 1);
      continue;
    }
    visited += 1;
    if (node.nodeType === 3) {
      emit(walk, (node as Text).data, budget);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const el = node as Element;
    const name = el.localName;
    if (node !== root && node.nodeType === 1) {
      if (SKIP.has(name)) continue;
      if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') continue;
      if ((el as HTMLElement).style?.display === 'none') continue;
      if (ignore && matches(el, ignore)) continue;
    }
    if (name === 'br') {
      endLine(walk);
      walk.out.push('\n');
      walk.length += 1;
      continue;
    }
    if (PARAGRAPH.has(name)) breakBefore(walk, 2);
    else if (LINE.has(name)) breakBefore(walk, 1);
    if (name === 'pre') walk.pre += 1;
    stack.push({ node, close: true });
    const children = drawnChildren(node);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push({ node: child, close: false });
    }
  }
  return walk.out.join('').replace(/\n{3,}/g, '\n\n').trim().slice(0, budget);
}

/** An element's own text, without the text of its child elements (a heading that also holds buttons and badges). */
export function ownText(el: Element): string {
  let text = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) text += (child as Text).data;
  }
  return text.replace(/\s+/g, ' ').trim();
}

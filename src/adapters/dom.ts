/**
 * Small DOM helpers that never throw: helpdesk pages change under us, and a selector that an engine rejects
 * (or a node removed mid-read) must cost one field, not the whole read.
 *
 * Deep selectors. Apps built from web components (ServiceNow's Next Experience, Salesforce Lightning with
 * native shadow DOM) keep their fields inside nested open shadow roots, and ServiceNow's classic forms sit in a
 * same-origin iframe. A selector containing `>>>` is read part by part: each part is looked for anywhere under
 * the previous part's matches (the first part: under the scope), in their light DOM, in every open shadow root
 * and in every same-origin frame document below them. `a >>> b, c` reads as `a >>> (b, c)`. Selectors
 * without `>>>` stay plain `querySelectorAll` calls in the scope's own tree.
 *
 * Cost. Finding the shadow roots and frames under a scope walks its elements once; inside `inOnePass` (every
 * page read and every insertion runs in one) that walk is cached, so a read costs one walk per scope whatever
 * the number of deep selectors. A walk stops after `MAX_WALK_ELEMENTS` elements or `MAX_NESTED_ROOTS` roots,
 * and does not descend more than `MAX_DEPTH` roots deep: a page can make a read incomplete, never slow.
 */

const DEEP = '>>>';

const MAX_WALK_ELEMENTS = 60_000;
const MAX_NESTED_ROOTS = 2_000;
const MAX_DEPTH = 16;

/** Root lists found in the current pass, by scope. */
let pass: Map<ParentNode, ParentNode[]> | null = null;

/** Frame documents reached from their `<iframe>`, for walking back up (an isolated world's `frameElement` can be null). */
const frameOwners = new WeakMap<Document, Element>();

/** Told once of each shadow root and frame document a walk finds. */
let nestedRootListener: ((root: ShadowRoot | Document) => void) | null = null;
const announced = new WeakSet<Node>();

/**
 * Calls `listener` once for every open shadow root and same-origin frame document that deep queries reach, from
 * now on: a page watcher observes them too, since mutations inside them never reach an observer of the page's
 * own document. `null` stops it.
 */
export function onNestedRoot(listener: ((root: ShadowRoot | Document) => void) | null): void {
  nestedRootListener = listener;
}

function announce(root: ParentNode): void {
  if (!nestedRootListener || announced.has(root as Node)) return;
  announced.add(root as Node);
  try {
    nestedRootListener(root as ShadowRoot | Document);
  } catch {
    // The listener's failure must not cost the read.
  }
}

/**
 * Runs `read` with the deep-query walks cached: the DOM does not change during a synchronous read, so each
 * scope's shadow roots and frames are found once. Nested calls share the outer pass.
 */
export function inOnePass<T>(read: () => T): T {
  if (pass) return read();
  pass = new Map();
  try {
    return read();
  } finally {
    pass = null;
  }
}

function lightQueryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The open shadow root or same-origin frame document an element opens onto, if any. */
function innerRoot(el: Element): ParentNode | null {
  try {
    if (el.shadowRoot) return el.shadowRoot;
    if (el.localName !== 'iframe' && el.localName !== 'frame') return null;
    const doc = (el as HTMLIFrameElement).contentDocument;
    if (!doc) return null;
    frameOwners.set(doc, el);
    return doc;
  } catch {
    // A cross-origin frame throws on some engines instead of answering null.
    return null;
  }
}

function walkRoots(scope: ParentNode): ParentNode[] {
  const roots: ParentNode[] = [scope];
  const depths: number[] = [0];
  // A scope that is itself a shadow host or a frame opens onto its own root first.
  const own = (scope as Node).nodeType === 1 ? innerRoot(scope as Element) : null;
  if (own) {
    roots.push(own);
    depths.push(1);
    announce(own);
  }
  let elements = 0;
  for (let i = 0; i < roots.length; i += 1) {
    const depth = depths[i]!;
    if (depth >= MAX_DEPTH) continue;
    const all = lightQueryAll(roots[i]!, '*');
    elements += all.length;
    if (elements > MAX_WALK_ELEMENTS) break;
    for (const el of all) {
      const inner = innerRoot(el);
      if (!inner) continue;
      roots.push(inner);
      depths.push(depth + 1);
      announce(inner);
      if (roots.length >= MAX_NESTED_ROOTS) return roots;
    }
  }
  return roots;
}

/** `scope` followed by every open shadow root and same-origin frame document under it, outermost first. */
export function deepRoots(scope: ParentNode): ParentNode[] {
  const cached = pass?.get(scope);
  if (cached) return cached;
  const roots = walkRoots(scope);
  pass?.set(scope, roots);
  return roots;
}

/**
 * Elements matching `selector` under `scope`, in document order within each tree; none when the selector is
 * invalid. A selector with `>>>` also looks into shadow roots and frames (see the top of this file).
 */
export function queryAll(scope: ParentNode, selector: string): Element[] {
  if (!selector.includes(DEEP)) return lightQueryAll(scope, selector);
  let contexts: ParentNode[] = [scope];
  for (const part of selector.split(DEEP).map((text) => text.trim())) {
    if (!part) continue;
    const found = new Set<Element>();
    for (const context of contexts) {
      for (const root of deepRoots(context)) {
        for (const el of lightQueryAll(root, part)) found.add(el);
      }
    }
    if (found.size === 0) return [];
    contexts = [...found];
  }
  return contexts.filter((node): node is Element => node.nodeType === 1);
}

/**
 * The first element `queryAll` would return, or `null`. A plain selector stops at its first match instead of
 * collecting every match under the scope: per message of a long thread, that is the difference between
 * looking at its header and walking all of it.
 */
export function queryFirst(scope: ParentNode, selector: string): Element | null {
  if (selector.includes(DEEP)) return queryAll(scope, selector)[0] ?? null;
  try {
    return scope.querySelector(selector);
  } catch {
    return null;
  }
}

/**
 * `read` with each answer kept until the current pass ends (see `inOnePass`), by argument: for what every message
 * of a read would otherwise look up again. Outside a pass nothing is kept.
 */
export function perPass<K extends object, V>(read: (key: K) => V): (key: K) => V {
  let owner: object | null = null;
  let answers = new WeakMap<K, V>();
  return (key) => {
    if (!pass) return read(key);
    if (owner !== pass) {
      owner = pass;
      answers = new WeakMap();
    }
    if (answers.has(key)) return answers.get(key) as V;
    const value = read(key);
    answers.set(key, value);
    return value;
  };
}

export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/** Puts a value inside a double-quoted attribute selector. */
export function attrValue(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function frameOf(doc: Document): Element | null {
  const known = frameOwners.get(doc);
  if (known) return known;
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** The element's parent in the page as drawn: across a shadow root to its host, across a frame to its `<iframe>`. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const parent = el.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  if (parent.nodeType === 9) return frameOf(parent as Document);
  return null;
}

/** The nearest of `el` and its ancestors matching `selector`, crossing shadow roots and frames. */
export function closestDeep(el: Element, selector: string): Element | null {
  const plain = selector.split(DEEP).join(' ').trim();
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (matches(node, plain)) return node;
  }
  return null;
}

function hiddenItself(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // Inline styles live in the `style` attribute (setting `el.style` writes it): without one, no style object
  // needs making.
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/**
 * Hidden by markup between `el` and `stopAt` (exclusive), across shadow roots and frames: the `hidden`
 * attribute, `aria-hidden`, or an inline `display: none`, which is how Zendesk parks the ticket tabs that are
 * not in front.
 */
export function hiddenByMarkup(el: Element, stopAt: Element | null = null): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = composedParent(node)) {
    if (hiddenItself(node)) return true;
  }
  return false;
}

/**
 * `hiddenByMarkup(el, stopAt)` for many elements under the same `stopAt`: each ancestor is looked at once,
 * however many of the elements (the messages of a thread) share it.
 */
export function hiddenUnder(stopAt: Element | null): (el: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (el) => {
    const path: Element[] = [];
    let hidden = false;
    for (let node: Element | null = el; node && node !== stopAt; node = composedParent(node)) {
      const answer = known.get(node);
      if (answer !== undefined) {
        hidden = answer;
        break;
      }
      path.push(node);
      if (hiddenItself(node)) {
        hidden = true;
        break;
      }
    }
    // Everything on the way up sits inside what was found hidden, or is shown as far as that answer goes.
    for (const node of path) known.set(node, hidden);
    return hidden;
  };
}

/** Shown on screen as far as the page can tell, including stylesheet rules where the browser can check them. */
export function isShown(el: Element): boolean {
  if (!el.isConnected || hiddenByMarkup(el)) return false;
  const check = (el as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  try {
    return check.call(el, { visibilityProperty: true });
  } catch {
    return true;
  }
}

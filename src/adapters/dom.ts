/**
 * Small DOM helpers that never throw: helpdesk pages change under us, and a selector that an engine rejects
 * (or a node removed mid-read) must cost one field, not the whole read.
 */

/** Elements matching `selector` under `scope`, in document order; none when the selector is invalid. */
export function queryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
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

function hiddenItself(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/**
 * Hidden by markup between `el` and `stopAt` (exclusive): the `hidden` attribute, `aria-hidden`, or an inline
 * `display: none`, which is how Zendesk parks the ticket tabs that are not in front.
 */
export function hiddenByMarkup(el: Element, stopAt: Element | null = null): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (hiddenItself(node)) return true;
  }
  return false;
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

import type { PageTheme } from '../model/messages';
import type { Adapter } from './types';

/*
 * Which theme the helpdesk is shown in, so the sidebar beside it matches. An adapter that knows the markup its
 * app sets for the agent's choice says so (`Adapter.theme`); otherwise the page's own paint decides, and only
 * towards dark: a page painted dark is a dark theme someone chose, while a white page is what every app shows
 * by default and says nothing about the agent's preference, so the sidebar then keeps following the system.
 */

/** Relative luminance under which a background reads as dark (about #7c7c7c and darker). */
const DARK_BELOW = 0.2;
/** A background this transparent is not what the agent sees: the element behind it is. */
const OPAQUE_FROM = 0.5;

/** The theme named by an attribute of the root element, such as Atlassian's `data-color-mode`. */
export function rootAttributeTheme(name: string): (doc: Document) => PageTheme | null {
  return (doc) => {
    const value = doc.documentElement.getAttribute(name)?.trim().toLowerCase();
    return value === 'dark' || value === 'light' ? value : null;
  };
}

/** `dark` or `light` when a `color-scheme` value allows only that one (`dark`, `only dark`). */
function onlyScheme(value: string | null | undefined): PageTheme | null {
  const words = (value ?? '').trim().toLowerCase().split(/\s+/).filter((word) => word && word !== 'only');
  const [word] = words;
  return words.length === 1 && (word === 'dark' || word === 'light') ? word : null;
}

const channel = (value: number) => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Red, green, blue (0–255) and opacity of a computed colour: `rgb()`/`rgba()`, or hex where an engine gives that. */
function rgba(color: string): [number, number, number, number] | null {
  const text = color.trim();
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)).concat(1) as [number, number, number, number];
  }
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/i.exec(text);
  if (!match) return null;
  const [, r, g, b, alpha, percent] = match;
  return [Number(r), Number(g), Number(b), alpha === undefined ? 1 : Number(alpha) / (percent ? 100 : 1)];
}

/** The WCAG relative luminance of a computed colour, or `null` when it is mostly transparent or unknown. */
export function opaqueLuminance(color: string): number | null {
  const parsed = rgba(color);
  if (!parsed || !(parsed[3] >= OPAQUE_FROM)) return null;
  const [r, g, b] = parsed;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** A page painted dark: `color-scheme: dark` alone, or the first opaque background of the body or root dark. */
function paintedDark(doc: Document): boolean {
  if (onlyScheme(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')) === 'dark') return true;
  const win = doc.defaultView;
  if (!win) return false;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const style = win.getComputedStyle(el);
    if (onlyScheme(style.colorScheme) === 'dark') return true;
    const luminance = opaqueLuminance(style.backgroundColor);
    if (luminance !== null) return luminance < DARK_BELOW;
  }
  return false;
}

/** The helpdesk's theme as its markup or paint tells; `null` when neither does. Never throws. */
export function readTheme(adapter: Adapter, doc: Document): PageTheme | null {
  try {
    return adapter.theme?.(doc) ?? (paintedDark(doc) ? 'dark' : null);
  } catch {
    return null;
  }
}

import DOMPurify, { type WindowLike } from 'dompurify';
import { ARTICLE_ATTRIBUTES, ARTICLE_TAGS, SAFE_URL } from '../html/allow-list';

/** Article HTML after import: safe markup to keep, Markdown-style text to index, and what was removed. */
export interface CleanHtml {
  html: string;
  /** Headings as `#`, list items as `-` or `1.`, links as `[text](target)`, table rows as `a | b`. */
  text: string;
  /** What was removed or changed, in words ("removed 2 script, 1 tracking pixel"). */
  fixes: string[];
}

export interface HtmlCleaner {
  /** A whole page, parsed into an inert document: nothing in it runs or loads. */
  parse(html: string): Document;
  clean(html: string): CleanHtml;
}

// Relative targets stay in imported articles: they are the links between articles that lint checks.
// The sidebar drops them when it shows an article (it keeps SAFE_URL targets only).
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const isRelative = (href: string) => !SCHEME.test(href) && !href.startsWith('//');

// Removed elements worth telling an importer about; anything else unknown (font, section, ...) only loses its tag.
const NOTABLE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'style', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'noscript', 'template']);
const PIXEL_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|(?:width|height)\s*:\s*[01](?:\.\d+)?px)/i;

/** An image that shows nothing: a tracking pixel (1x1, or hidden) whose only purpose is to be loaded. */
function isPixel(image: Element): boolean {
  const tiny = (name: string) => {
    const value = image.getAttribute(name)?.trim();
    return value !== undefined && value !== '' && Number.parseFloat(value) <= 1;
  };
  return tiny('width') || tiny('height') || PIXEL_STYLE.test(image.getAttribute('style') ?? '');
}

function count(counts: Map<string, number>, what: string): void {
  counts.set(what, (counts.get(what) ?? 0) + 1);
}

function describe(counts: Map<string, number>): string {
  return [...counts].map(([what, n]) => `${n} ${what}`).join(', ');
}

const BLOCKS = new Set(['P', 'DIV', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'UL', 'OL', 'HR']);

/** Markdown-style text of sanitised markup: what is indexed and quoted, with the structure a reader needs. */
function toText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  // The marker of the list item being read, written before its first line of text.
  let marker: string | undefined;
  const flush = (prefix = '') => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    line = '';
    if (!text) return;
    lines.push((marker ?? '') + prefix + text);
    marker = undefined;
  };
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += child.nodeValue ?? '';
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName;
      if (/^H[1-6]$/.test(tag)) {
        flush();
        walk(element, depth);
        flush(`${'#'.repeat(Number(tag[1]))} `);
      } else if (tag === 'LI') {
        flush();
        const parent = element.parentElement;
        const bullet = parent?.tagName === 'OL' ? `${[...parent.children].indexOf(element) + 1}. ` : '- ';
        marker = '  '.repeat(Math.max(0, depth - 1)) + bullet;
        walk(element, depth);
        flush();
        marker = undefined;
      } else if (tag === 'UL' || tag === 'OL') {
        flush();
        walk(element, depth + 1);
      } else if (tag === 'TR') {
        flush();
        line = [...element.children].map((cell) => toText(cell).replace(/\n+/g, ' ')).join(' | ');
        flush();
      } else if (tag === 'A') {
        const text = (element.textContent ?? '').trim();
        const href = element.getAttribute('href');
        line += href && text && text !== href ? `[${text}](${href})` : text || href || '';
      } else if (tag === 'BR' || BLOCKS.has(tag)) {
        flush();
        walk(element, depth);
        flush();
      } else {
        walk(element, depth);
      }
    }
  };
  walk(root, 0);
  flush();
  // List items stay together; other blocks are paragraphs.
  return lines.join('\n\n').replace(/\n\n(?=\s*(?:- |\d+\. ))/g, '\n');
}

/**
 * Sanitises article HTML with DOMPurify under the project's allow-list (src/html/allow-list.ts), in the
 * given window: the page's own in the options page, jsdom's in Node. Images go: tracking pixels without a
 * trace, remote images as links to them, embedded ones as their alternative text.
 */
export function createHtmlCleaner(window: WindowLike & { DOMParser: typeof DOMParser }): HtmlCleaner {
  const purifier = DOMPurify(window);
  const parser = new window.DOMParser();
  const pixels = new WeakSet<Element>();
  let droppedLinks = 0;
  purifier.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'img' && isPixel(node as Element)) pixels.add(node as Element);
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if ((node as Element).tagName !== 'A') return;
    const href = (node as Element).getAttribute('href')?.trim();
    if (href === undefined || SAFE_URL.test(href) || isRelative(href)) return;
    (node as Element).removeAttribute('href');
    droppedLinks++;
  });
  purifier.setConfig({
    ALLOWED_TAGS: [...ARTICLE_TAGS, 'img'],
    ALLOWED_ATTR: [...ARTICLE_ATTRIBUTES, 'src', 'alt'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM: true,
  });
  // A DOM that DOMPurify cannot rely on (some simulated DOMs let handlers through) must not import anything.
  const probe = purifier.sanitize('<img src="x" onerror="alert(1)"><script>alert(2)</script>') as unknown as Element;
  if (!purifier.isSupported || /onerror|script/i.test(probe.innerHTML)) throw new Error('this DOM cannot sanitise HTML safely: use a browser or jsdom');

  return {
    parse: (html) => parser.parseFromString(html, 'text/html'),
    clean(html) {
      droppedLinks = 0;
      const body = purifier.sanitize(html) as unknown as HTMLElement;
      const removed = new Map<string, number>();
      for (const item of purifier.removed as { element?: Element; attribute?: Attr | null }[]) {
        const tag = item.element?.nodeName.toLowerCase();
        if (tag !== undefined && NOTABLE.has(tag)) count(removed, tag);
        const name = item.attribute?.name.toLowerCase();
        if (name?.startsWith('on')) count(removed, 'event handler(s)');
        else if (name === 'style') count(removed, 'style attribute(s)');
        else if (name === 'href' || name === 'src') count(removed, 'unsafe link(s)');
      }
      if (droppedLinks) removed.set('unsafe link(s)', (removed.get('unsafe link(s)') ?? 0) + droppedLinks);
      const images = new Map<string, number>();
      for (const image of [...body.querySelectorAll('img')]) {
        const src = image.getAttribute('src')?.trim() ?? '';
        const alt = image.getAttribute('alt')?.trim() ?? '';
        if (pixels.has(image)) {
          count(removed, 'tracking pixel(s)');
          image.remove();
        } else if (SAFE_URL.test(src)) {
          // Remote images would load from elsewhere each time an answer is shown: a link loads only on demand.
          const link = body.ownerDocument.createElement('a');
          link.setAttribute('href', src);
          link.textContent = `[${alt || 'image'}]`;
          image.replaceWith(link);
          count(images, 'remote image(s) turned into links');
        } else {
          image.replaceWith(alt ? `[${alt}]` : '');
          count(images, 'embedded image(s) removed');
        }
      }
      const fixes = [...(removed.size ? [`removed ${describe(removed)}`] : []), ...(images.size ? [describe(images)] : [])];
      return { html: body.innerHTML.trim(), text: toText(body), fixes };
    },
  };
}

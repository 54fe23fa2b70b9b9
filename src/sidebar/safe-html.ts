import DOMPurify from 'dompurify';
import { escapeHtml } from '../html/escape';

/**
 * Article HTML comes from exports full of markup that strangers wrote. What the sidebar shows, copies or
 * inserts into a helpdesk editor keeps structure only (paragraphs, lists, headings, emphasis, code, tables,
 * links): no scripts, handlers, styles, forms, frames or media. Links keep only http(s) and mailto targets.
 * Images would load from remote hosts, so each becomes a link to its source instead.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div',
];
const ALLOWED_ATTR = ['href', 'dir', 'lang', 'colspan', 'rowspan'];
const SAFE_URL = /^(?:https?:|mailto:)/i;
/** An answer longer than this is cut: sanitising stays cheap, and no agent pastes more into a reply. */
export const MAX_ARTICLE_HTML = 100_000;

const purifier = DOMPurify();

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element) || node.tagName !== 'A') return;
  const href = node.getAttribute('href');
  if (href !== null && !SAFE_URL.test(href.trim())) node.removeAttribute('href');
  if (node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Images would load from remote hosts: each becomes a link to its source. DOMParser builds an inert tree. */
function imagesToLinks(html: string): string {
  if (!/<img/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const image of Array.from(doc.querySelectorAll('img'))) {
    const src = image.getAttribute('src')?.trim() ?? '';
    const link = doc.createElement(SAFE_URL.test(src) ? 'a' : 'span');
    if (link.tagName === 'A') link.setAttribute('href', src);
    link.textContent = `[${image.getAttribute('alt')?.trim() || 'image'}]`;
    image.replaceWith(link);
  }
  return doc.body.innerHTML;
}

export function sanitizeArticleHtml(html: string): string {
  // Where DOMPurify cannot work (no usable DOM), nothing is let through as markup.
  if (!purifier.isSupported) return escapeHtml(html.slice(0, MAX_ARTICLE_HTML));
  return purifier.sanitize(imagesToLinks(html.slice(0, MAX_ARTICLE_HTML)), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
}

import DOMPurify from 'dompurify';
import { ARTICLE_ATTRIBUTES, ARTICLE_TAGS, SAFE_URL } from '../html/allow-list';
import { escapeHtml } from '../html/escape';

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
    // The allow-list the importers keep too: what an import keeps, the sidebar keeps.
    ALLOWED_TAGS: ARTICLE_TAGS,
    ALLOWED_ATTR: [...ARTICLE_ATTRIBUTES, 'target', 'rel'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
}

/**
 * What article HTML may keep, wherever it is sanitised (on import and again in the sidebar before it is shown,
 * copied or inserted): structure only (paragraphs, lists, headings, emphasis, code, tables, links). No scripts,
 * handlers, styles, forms, frames or media; links keep only http(s) and mailto targets once shown.
 */
export const ARTICLE_TAGS = [
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div',
];
export const ARTICLE_ATTRIBUTES = ['href', 'dir', 'lang', 'colspan', 'rowspan'];
/** Link targets a reader may follow: the web and mail, nothing that runs (`javascript:`) or embeds (`data:`). */
export const SAFE_URL = /^(?:https?:|mailto:)/i;

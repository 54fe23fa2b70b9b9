import type { Article } from '../model/article';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TR', 'BR', 'HR']);
const LINK_TARGET = /^(?:https?:|mailto:)/i;

/**
 * The article as plain text with its paragraphs and list items on their own lines, and each link's address
 * after its text, for copying and for editors that take text. DOMParser builds an inert document: nothing in
 * it loads or runs.
 */
export function articlePlainText(article: Article): string {
  if (!article.html) return article.body.trim();
  const doc = new DOMParser().parseFromString(article.html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) return;
    const block = BLOCKS.has(node.tagName);
    if (block && line.trim()) {
      lines.push(line.trim());
      line = '';
    }
    if (node.tagName === 'LI') line += node.parentElement?.tagName === 'OL' ? `${indexOf(node) + 1}. ` : '- ';
    node.childNodes.forEach(walk);
    const href = node.tagName === 'A' ? (node.getAttribute('href')?.trim() ?? '') : '';
    const target = href.replace(/^mailto:/i, '');
    if (LINK_TARGET.test(href) && node.textContent?.trim() !== target) line += ` (${target})`;
    if (block && line.trim()) {
      lines.push(line.trim());
      line = '';
    }
  };
  doc.body.childNodes.forEach(walk);
  if (line.trim()) lines.push(line.trim());
  return lines.join('\n');
}

function indexOf(item: Element): number {
  return Array.prototype.indexOf.call(item.parentElement?.children ?? [], item);
}

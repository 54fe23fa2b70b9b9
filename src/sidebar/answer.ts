import { escapeHtml } from '../html/escape';
import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';
import { articlePlainText } from './article-text';
import { directionOf } from './direction';
import { fillPlaceholders, type PlaceholderContext } from './placeholders';
import { sanitizeArticleHtml } from './safe-html';

/**
 * The name `{{agent.name}}` stands for: the one the helpdesk page shows as signed in, else the one the agent gave
 * in the options ("Your name"), else none.
 */
export function agentNameFor(ticket: Ticket | null, yourName: string | undefined): string | undefined {
  return ticket?.agent?.name ?? (yourName?.trim() || undefined);
}

/** Plain text as HTML paragraphs, for an article written without HTML. */
function paragraphsHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * An answer as it goes into a reply or onto the clipboard: placeholders filled; plain text with its paragraphs,
 * list items and link addresses on their own lines; and sanitised HTML inside an element that carries the
 * article's direction and language, so an Arabic or Hebrew answer stays right to left in a left-to-right reply
 * (and an English one left to right in a right-to-left reply).
 */
export function answerContent(article: Article, context: PlaceholderContext): { text: string; html: string } {
  const text = fillPlaceholders(articlePlainText(article), context);
  const source = article.html ?? paragraphsHtml(article.body.trim());
  const body = sanitizeArticleHtml(fillPlaceholders(source, context, true));
  const dir = directionOf(article.locale, article.title);
  const lang = article.locale ? ` lang="${escapeHtml(article.locale)}"` : '';
  return { text, html: `<div dir="${dir}"${lang}>${body}</div>` };
}

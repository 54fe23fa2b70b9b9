import { guessLanguage } from '../../text/language';
import type { ArticleDraft } from '../draft';
import { KnowledgeError } from '../errors';
import type { ReadContext } from './types';

/** Where a record sits in its file: the line, and for JSON its place among the articles ("article 3"). */
export interface Place {
  line: number;
  place?: string;
}

const HTML_TAG = /<(?:p|div|br|hr|ul|ol|li|h[1-6]|a|b|strong|i|em|u|table|tr|td|th|span|img|pre|code|blockquote|script|iframe|style|font)\b[^>]*>/i;

/** True when a body is HTML rather than Markdown or plain text. */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

/** `en-us` and `en_US` to `en`: articles keep the primary subtag, which is what the analysers use. */
export function primaryLocale(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().split(/[-_]/)[0]?.toLowerCase() : undefined;
}

/** An id made from a title: letters and digits of any script, joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The id as written, for notices. */
export function idOf(fields: Record<string, unknown>): string | undefined {
  const id = fields.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * A draft whose body is HTML: it gets the sanitised markup and its Markdown-style text once the file is read
 * (import/index.ts), then `then` runs on it. What the sanitiser removes becomes a notice.
 */
export function htmlDraft(ctx: ReadContext, at: Place, fields: Record<string, unknown>, html: string, then?: (draft: ArticleDraft) => void): ArticleDraft {
  if (!ctx.html) throw new KnowledgeError(ctx.file, at.line, 'HTML bodies need a DOM to be sanitised in (a browser window or jsdom)', idOf(fields));
  const draft: ArticleDraft = { file: ctx.file, line: at.line, place: at.place, fields, fieldLines: {}, body: '', html: '' };
  ctx.jobs.push({ draft, html, then });
  return draft;
}

/** A draft from a record (a JSON object or a CSV row) whose body may be Markdown, plain text or HTML. */
export function recordDraft(ctx: ReadContext, at: Place, fields: Record<string, unknown>): ArticleDraft {
  const body = typeof fields.body === 'string' ? fields.body : '';
  if (looksLikeHtml(body)) return htmlDraft(ctx, at, fields, body);
  return { file: ctx.file, line: at.line, place: at.place, fields, fieldLines: {}, body };
}

/**
 * Gives a draft from a source that records no language (Confluence, Freshdesk without multilingual
 * solutions) the language its text is in (src/text/language.ts), and says so.
 */
export function guessLocale(ctx: ReadContext): (draft: ArticleDraft) => void {
  return (draft) => {
    const title = typeof draft.fields.title === 'string' ? draft.fields.title : '';
    const locale = guessLanguage(`${title}\n${draft.body}`);
    draft.fields.locale = locale;
    ctx.notices.push({ file: ctx.file, line: draft.line, id: idOf(draft.fields), kind: 'fixed', message: `no language given: "${locale}" guessed from the text` });
  };
}

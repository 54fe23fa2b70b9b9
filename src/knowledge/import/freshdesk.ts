import type { ArticleDraft } from '../draft';
import { guessLocale, htmlDraft, idOf, type Place, primaryLocale } from './fields';
import type { ReadContext } from './types';

const DRAFT = 1;

/** The language of the article's category, which the API gives in its `hierarchy`. */
function hierarchyLanguage(hierarchy: unknown): unknown {
  if (!Array.isArray(hierarchy)) return undefined;
  const level = hierarchy.find((entry: unknown) => typeof entry === 'object' && entry !== null && 'data' in entry) as { data?: { language?: unknown } } | undefined;
  return level?.data?.language;
}

/**
 * Freshdesk solution articles, as API v2 lists them (`GET /api/v2/solutions/folders/{id}/articles`, a JSON
 * array, or pages of it): `[{"id", "title", "description" (HTML), "description_text", "status" (1 draft,
 * 2 published), "tags", "folder_id", "category_id", "created_at", "updated_at", ...}]`. Exports that nest
 * them in categories and folders are read too: articles are found wherever they are.
 */
export function isFreshdeskArticle(item: Record<string, unknown>): boolean {
  return 'description' in item && !('body' in item) && ('folder_id' in item || 'description_text' in item || 'status' in item || 'category_id' in item);
}

/** One solution article as a draft; drafts are skipped. `updated_at` is not `verified`: see zendesk.ts. */
export function freshdeskDraft(ctx: ReadContext, at: Place, item: Record<string, unknown>): ArticleDraft | undefined {
  const id = idOf(item);
  if (item.status === DRAFT) {
    ctx.notices.push({ file: ctx.file, line: at.line, id, kind: 'skipped', message: 'draft in Freshdesk (status 1, not published): not imported' });
    return undefined;
  }
  const fields = {
    id,
    title: item.title,
    tags: item.tags,
    locale: primaryLocale(item.language ?? item.language_code ?? hierarchyLanguage(item.hierarchy)),
    url: item.url,
    owner: item.owner,
    verified: item.verified,
    verify_every: item.verify_every,
  };
  const html = typeof item.description === 'string' && item.description.trim() ? item.description : undefined;
  const guess = fields.locale === undefined ? guessLocale(ctx) : undefined;
  if (html !== undefined) return htmlDraft(ctx, at, fields, html, guess);
  const draft = { file: ctx.file, line: at.line, place: at.place, fields, fieldLines: {}, body: typeof item.description_text === 'string' ? item.description_text : '' };
  guess?.(draft);
  return draft;
}

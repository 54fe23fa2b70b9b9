import type { ArticleDraft } from '../draft';
import { htmlDraft, idOf, type Place, primaryLocale } from './fields';
import type { ReadContext } from './types';

/**
 * Zendesk Help Center articles, as the API lists them (`GET /api/v2/help_center/articles`, one page or
 * several): `{"articles": [{"id", "title", "body" (HTML), "label_names", "locale", "html_url", "draft",
 * "outdated", "updated_at", ...}], "next_page", ...}`.
 */
export function isZendeskArticle(item: Record<string, unknown>): boolean {
  return 'label_names' in item || 'section_id' in item || ('html_url' in item && 'body' in item);
}

/**
 * One Help Center article as a draft; drafts (unpublished) are skipped. `updated_at` is not taken as
 * `verified`: an edit says the text changed, not that its owner checked it is still right.
 */
export function zendeskDraft(ctx: ReadContext, at: Place, item: Record<string, unknown>): ArticleDraft | undefined {
  const id = idOf(item);
  const notice = { file: ctx.file, line: at.line, id };
  if (item.draft === true) {
    ctx.notices.push({ ...notice, kind: 'skipped', message: 'draft in Zendesk (not published): not imported' });
    return undefined;
  }
  if (item.outdated === true) ctx.notices.push({ ...notice, kind: 'flagged', message: 'marked outdated in Zendesk: its source article changed since this translation' });
  const fields = {
    id,
    title: item.title ?? item.name,
    tags: item.label_names,
    locale: primaryLocale(item.locale),
    url: item.html_url,
    owner: item.owner,
    verified: item.verified,
    verify_every: item.verify_every,
  };
  return htmlDraft(ctx, at, fields, typeof item.body === 'string' ? item.body : '');
}

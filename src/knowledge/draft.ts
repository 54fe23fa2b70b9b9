import * as z from 'zod/mini';
import { Article } from '../model/article';
import { cleanBlock, cleanText } from '../text/normalize';
import { KnowledgeError } from './errors';

/**
 * An article as read from a file, before validation: fields may be missing or of the wrong type.
 * Lint reports what is wrong with drafts; loading turns them into articles or fails with the first problem.
 */
export interface ArticleDraft {
  file: string;
  /** Line of the article in its file: the front matter's first line, or the JSONL line. */
  line: number;
  fields: Record<string, unknown>;
  /** Line of each field, where the format knows it. */
  fieldLines: Partial<Record<string, number>>;
  body: string;
  /** Sanitised HTML, for articles imported from HTML; Markdown articles are rendered from the body instead. */
  html?: string;
  /** Where the article is when the line alone does not say (one-line JSON holds every article): "article 3". */
  place?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** YAML 1.1 readers and JSON writers give dates as Date objects or full timestamps: articles keep YYYY-MM-DD. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const s = text(value)?.trim();
  if (s === undefined) return undefined;
  return ISO_DATE.test(s) ? s.slice(0, 10) : s;
}

function tags(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((tag) => text(tag) ?? []).map(cleanText).filter(Boolean);
  const single = text(value);
  return single === undefined ? [] : single.split(',').map(cleanText).filter(Boolean);
}

function optional(value: unknown): string | undefined {
  const s = text(value);
  return s === undefined ? undefined : cleanText(s) || undefined;
}

/** The draft's id as written, for naming it in messages, or undefined when it has none. */
export function draftId(draft: ArticleDraft): string | undefined {
  return optional(draft.fields.id);
}

/** Validates a draft into an article, or throws a KnowledgeError naming the file, line and field at fault. */
export function toArticle(draft: ArticleDraft): Article {
  const { fields } = draft;
  const candidate = {
    id: text(fields.id)?.trim(),
    title: optional(fields.title),
    body: cleanBlock(draft.body),
    tags: tags(fields.tags),
    locale: optional(fields.locale)?.toLowerCase(),
    owner: optional(fields.owner),
    verified: isoDate(fields.verified),
    verifyEvery: optional(fields.verify_every ?? fields.verifyEvery),
    url: optional(fields.url),
    escalation: optional(fields.escalation),
  };
  const parsed = Article.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const id = candidate.id || undefined;
  const line = draft.fieldLines[field] ?? draft.line;
  const place = draft.place ? ` (${draft.place})` : '';
  if (field === 'id' && candidate.id === undefined) throw new KnowledgeError(draft.file, draft.line, `missing id${place}`);
  if (field === 'title' && candidate.title === undefined) throw new KnowledgeError(draft.file, line, `missing title${place}`, id);
  const problem = field === 'id' ? `invalid id "${candidate.id}": use letters, digits and . _ : / -` : `invalid ${field}: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`;
  throw new KnowledgeError(draft.file, line, problem, field === 'id' ? undefined : id);
}

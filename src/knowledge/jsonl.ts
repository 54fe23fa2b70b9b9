import type { ArticleDraft } from './draft';
import { KnowledgeError } from './errors';

/** Reads a JSONL knowledge base, one `{"id", "title", "body", "tags"?, "locale"?}` a line; blank lines are skipped. */
export function readJsonl(source: string, file: string): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  source
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .forEach((text, i) => {
      const line = i + 1;
      if (!text.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new KnowledgeError(file, line, `not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new KnowledgeError(file, line, 'each line must be one JSON object {"id", "title", "body", ...}');
      }
      const fields = value as Record<string, unknown>;
      const body = fields.body;
      drafts.push({
        file,
        line,
        fields,
        fieldLines: {},
        body: typeof body === 'string' ? body : '',
      });
    });
  return drafts;
}

/** True when the text looks like JSONL: its first non-blank line is a JSON object. */
export function looksLikeJsonl(source: string): boolean {
  const first = source.replace(/^\ufeff/, '').split(/\r?\n/).find((line) => line.trim());
  if (!first?.trimStart().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

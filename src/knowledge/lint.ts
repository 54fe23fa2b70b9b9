import { type ArticleDraft, draftId, isoDate, toArticle } from './draft';
import { KnowledgeError } from './errors';
import { staleness } from './freshness';
import { duplicateIds } from './import';
import type { KnowledgeFile } from './import/types';
import { brokenLinks, linkTargets } from './links';
import { INVISIBLE, LITERAL_ESCAPE, MOJIBAKE } from './repair';
import { nearDuplicateTitles, titleScriptProblems } from './titles';

/** One problem found in a knowledge base. `id` is the article id, or `file:line` when the article has none. */
export interface LintProblem {
  id: string;
  file: string;
  line?: number;
  problem: string;
}

const MOJIBAKE_ALL = new RegExp(MOJIBAKE.source, 'gu');
const present = (value: unknown) => (value == null || (typeof value === 'string' && !value.trim()) ? undefined : value);

/** Problems in the text as written (invisible characters, escapes, broken encodings). */
function textProblems(text: string): string[] {
  const problems: string[] = [];
  // A byte-order mark at the very start of a file is harmless; anywhere else it is an invisible character.
  // Garbled text holds soft hyphens that are bytes of letters ("Ø\u00ad" is "ح"): reported as garbled only.
  const match = INVISIBLE.exec(text.replace(/^\ufeff/, '').replace(MOJIBAKE_ALL, ''));
  if (match) problems.push(`invisible character U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} (zero-width or bidi control)`);
  const escape = LITERAL_ESCAPE.exec(text);
  if (escape) problems.push(`literal escape sequence "${escape[0]}" in the text`);
  if (text.includes('\ufffd')) problems.push('replacement character U+FFFD: the text was decoded with the wrong encoding');
  const mojibake = MOJIBAKE.exec(text);
  if (mojibake) problems.push(`garbled encoding ("${mojibake[0]}"): UTF-8 text read as Latin-1 or Windows-1252`);
  return problems;
}

/** The article's own text: the whole Markdown file, or the decoded fields of a record. */
function draftText(file: KnowledgeFile, draft: ArticleDraft): string {
  if (file.format === 'markdown') return file.raw;
  return [draft.fields.id, draft.fields.title, draft.body, draft.fields.tags, draft.fields.locale]
    .map((value) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : ''))
    .join('\n');
}

function freshnessProblem(fields: Record<string, unknown>, now: Date): string | undefined {
  const verified = present(fields.verified);
  const every = present(fields.verify_every);
  return staleness({ verified: verified === undefined ? undefined : (isoDate(verified) ?? String(verified)), verifyEvery: every === undefined ? undefined : String(every) }, now).problem;
}

function draftProblems(file: KnowledgeFile, draft: ArticleDraft, now: Date): LintProblem[] {
  const id = draftId(draft) ?? `${draft.file}:${draft.line}`;
  const at = (problem: string, field?: string): LintProblem => ({ id, file: draft.file, line: (field && draft.fieldLines[field]) || draft.line, problem });
  const problems: LintProblem[] = [];
  if (draftId(draft) === undefined) problems.push(at('missing id'));
  const title = draft.fields.title;
  if (title === undefined || title === null || (typeof title === 'string' && !title.trim())) problems.push(at('missing title'));
  if (typeof title === 'string') problems.push(...titleScriptProblems(title, draft.fields.tags).map((problem) => at(problem, 'title')));
  if (!draft.body.trim()) problems.push(at('empty body'));
  const locale = draft.fields.locale;
  if (typeof locale !== 'string' || !locale.trim()) problems.push(at('missing locale'));
  const freshness = freshnessProblem(draft.fields, now);
  if (freshness) problems.push(at(freshness, present(draft.fields.verified) === undefined ? 'verify_every' : 'verified'));
  try {
    toArticle(draft);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    if (!problems.some((p) => p.problem === error.detail)) problems.push({ id, file: error.file, line: error.line, problem: error.detail });
  }
  problems.push(...textProblems(draftText(file, draft)).map((problem) => at(problem)));
  return problems;
}

/**
 * Every problem in a knowledge base read with `readKnowledge`, in file order, then those between articles:
 * duplicate ids, near-duplicate titles, links to articles that are not there.
 */
export function lintKnowledge(files: readonly KnowledgeFile[], now: Date): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const file of files) {
    if (file.error) problems.push({ id: file.file, file: file.file, line: file.error.line, problem: file.error.detail });
    for (const draft of file.drafts) problems.push(...draftProblems(file, draft, now));
  }
  for (const [id, drafts] of duplicateIds(files)) {
    const places = drafts.map((d) => `${d.file}:${d.line}`).join(', ');
    const first = drafts[0];
    problems.push({ id, file: first?.file ?? '', line: first?.line, problem: `duplicate id (${places})` });
  }
  const drafts = files.flatMap((file) => file.drafts);
  const named = (draft: ArticleDraft) => ({ id: draftId(draft) ?? `${draft.file}:${draft.line}`, file: draft.file, line: draft.line });
  for (const { draft, other } of nearDuplicateTitles(drafts)) {
    problems.push({ ...named(draft), problem: `title nearly the same as ${named(other).id} ("${String(other.fields.title)}")` });
  }
  for (const { draft, target } of brokenLinks(drafts, linkTargets(drafts))) {
    problems.push({ ...named(draft), problem: `broken internal link "${target}": no article with that id, file or address` });
  }
  return problems;
}

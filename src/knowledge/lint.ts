import { type ArticleDraft, draftId, isoDate, toArticle } from './draft';
import { KnowledgeError } from './errors';
import { duplicateIds, type KnowledgeFile } from './load';

/** One problem found in a knowledge base. `id` is the article id, or `file:line` when the article has none. */
export interface LintProblem {
  id: string;
  file: string;
  line?: number;
  problem: string;
}

const DAY_MS = 86_400_000;
const STALE_DAYS = 365;

const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
// Escapes that reached the text undecoded: \u200b, \xa0, and entities of invisible characters.
const LITERAL_ESCAPE = /\\u\{?[0-9a-f]{4,6}\}?|\\x[0-9a-f]{2}|&(?:nbsp|zwj|zwnj|zwsp|lrm|rlm|shy);|&#(?:x200[b-f]|x202[a-e]|x206[0-9a-f]|xfeff|xad|820[3-7]|173|65279);/i;
// UTF-8 read as Latin-1 or Windows-1252: "Ã©" for é, "â€™" for ’, "Ø§" for ا, "×©" for ש.
const CP1252 = '\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
const MOJIBAKE = new RegExp(`[ÃÂ][${CP1252}]|â€[${CP1252}]|[ØÙÚÛ][${CP1252}]|×[\\u0090-\\u00aa]`, 'u');

/** Problems in the text as written (invisible characters, escapes, broken encodings). */
function textProblems(text: string): string[] {
  const problems: string[] = [];
  // A byte-order mark at the very start of a file is harmless; anywhere else it is an invisible character.
  const match = INVISIBLE.exec(text.replace(/^\ufeff/, ''));
  if (match) problems.push(`invisible character U+${match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} (zero-width or bidi control)`);
  const escape = LITERAL_ESCAPE.exec(text);
  if (escape) problems.push(`literal escape sequence "${escape[0]}" in the text`);
  if (text.includes('\ufffd')) problems.push('replacement character U+FFFD: the text was decoded with the wrong encoding');
  const mojibake = MOJIBAKE.exec(text);
  if (mojibake) problems.push(`garbled encoding ("${mojibake[0]}"): UTF-8 text read as Latin-1 or Windows-1252`);
  return problems;
}

/** The article's own text: the whole Markdown file, or the decoded fields of a JSONL line. */
function draftText(file: KnowledgeFile, draft: ArticleDraft): string {
  if (file.drafts.length === 1 && !/\.jsonl$/i.test(file.file)) return file.raw;
  return [draft.fields.id, draft.fields.title, draft.body, draft.fields.tags, draft.fields.locale]
    .map((value) => (typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : ''))
    .join('\n');
}

function verifiedProblem(value: unknown, now: Date): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = isoDate(value);
  const time = date === undefined ? NaN : Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return `verified "${String(value)}" is not a date (YYYY-MM-DD)`;
  const age = (now.getTime() - time) / DAY_MS;
  return age > STALE_DAYS ? `verified ${date} is more than a year ago` : undefined;
}

function draftProblems(file: KnowledgeFile, draft: ArticleDraft, now: Date): LintProblem[] {
  const id = draftId(draft) ?? `${draft.file}:${draft.line}`;
  const at = (problem: string, field?: string): LintProblem => ({ id, file: draft.file, line: (field && draft.fieldLines[field]) || draft.line, problem });
  const problems: LintProblem[] = [];
  if (draftId(draft) === undefined) problems.push(at('missing id'));
  const title = draft.fields.title;
  if (title === undefined || title === null || (typeof title === 'string' && !title.trim())) problems.push(at('missing title'));
  if (!draft.body.trim()) problems.push(at('empty body'));
  const locale = draft.fields.locale;
  if (typeof locale !== 'string' || !locale.trim()) problems.push(at('missing locale'));
  const verified = verifiedProblem(draft.fields.verified, now);
  if (verified) problems.push(at(verified, 'verified'));
  try {
    toArticle(draft);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    if (!problems.some((p) => p.problem === error.detail)) problems.push({ id, file: error.file, line: error.line, problem: error.detail });
  }
  problems.push(...textProblems(draftText(file, draft)).map((problem) => at(problem)));
  return problems;
}

/** Every problem in a knowledge base read with `readKnowledge`, in file order. */
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
  return problems;
}

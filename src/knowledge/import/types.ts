import type { ArticleDraft } from '../draft';
import type { KnowledgeError } from '../errors';
import type { ImportDom } from './dom';

/** The formats a knowledge base is read from, recognised by content. */
export type KnowledgeFormat = 'markdown' | 'jsonl' | 'json' | 'csv' | 'zendesk' | 'freshdesk' | 'html';

/** What an import changed on its own (`fixed`), left for a person (`flagged`), or did not import (`skipped`). */
export interface ImportNotice {
  file: string;
  line?: number;
  /** The article concerned; none for notices about a whole file. */
  id?: string;
  kind: 'fixed' | 'flagged' | 'skipped';
  message: string;
}

/** One file of a knowledge base: the drafts read from it, or why it could not be read. */
export interface KnowledgeFile {
  file: string;
  /** A Markdown article's text as written, which lint checks whole; empty for the other formats, whose text lint checks field by field. */
  raw: string;
  /** Undefined when the content was not recognised. */
  format?: KnowledgeFormat;
  drafts: ArticleDraft[];
  notices: ImportNotice[];
  error?: KnowledgeError;
  /** A knowledge bundle's prebuilt index (`npm run kb -- build`), serialised. */
  index?: string;
}

/** The article fields a column or key can be mapped to. */
export const ARTICLE_FIELDS = ['id', 'title', 'body', 'tags', 'locale', 'owner', 'verified', 'verify_every', 'url', 'escalation'] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];
/** Article field to the column (CSV) or key (JSON, JSONL) that holds it, where it is not the field's own name. */
export type FieldMap = Partial<Record<ArticleField, string>>;

export interface ImportOptions {
  map?: FieldMap;
  /**
   * Sanitises HTML and takes HTML pages apart: jsdom in Node, the page's DOM in the extension (dom.ts). Asked
   * for only when a file carries HTML, so that plain knowledge bases never load a DOM.
   */
  html?: () => ImportDom | Promise<ImportDom>;
}

/** An HTML body to sanitise once the file is read, and what to do with the draft after. */
export interface HtmlJob {
  draft: ArticleDraft;
  html: string;
  then?: (draft: ArticleDraft) => void;
}

/** What a reader of one format needs besides the text. */
export interface ReadContext {
  file: string;
  map: FieldMap;
  html: ImportDom | undefined;
  notices: ImportNotice[];
  /** HTML bodies, sanitised after reading in a loop that yields (import/index.ts), not one by one as read. */
  jobs: HtmlJob[];
}

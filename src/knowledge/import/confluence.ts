import type { ArticleDraft } from '../draft';
import { KnowledgeError } from '../errors';
import { guessLocale, htmlDraft, primaryLocale, slug } from './fields';
import type { ReadContext } from './types';

/** Files of an HTML export that are not articles: the space's overview page. */
export function isOverviewPage(path: string): boolean {
  return /(?:^|\/)index\.html?$/i.test(path);
}

/**
 * The id of a page from its file name: Confluence names pages `<Title>_<page id>.html` or `<page id>.html`,
 * so the page id when there is one, otherwise the name made into an id. Links between pages use file names.
 */
export function pageId(path: string): string {
  const stem = (path.split('/').pop() ?? path).replace(/\.html?$/i, '');
  const number = /(?:^|_)(\d+)$/.exec(stem);
  return number?.[1] ?? (slug(stem) || 'page');
}

/** What the reader needs of an HTML page, taken apart where there is a DOM (dom.ts). */
export interface HtmlPage {
  /** `#title-text`, `<title>` or the first `<h1>`, as written. */
  heading: string;
  /** Whether it is a Confluence page: its content in `#main-content`. */
  confluence: boolean;
  /** The content's markup, unsanitised: `#main-content`, `<main>`, `<article>` or the body; none found, null. */
  main: string | null;
  lang: string | null;
}

export function pageParts(doc: Document): HtmlPage {
  const confluence = doc.querySelector('#main-content');
  const heading = doc.querySelector('#title-text')?.textContent ?? doc.querySelector('title')?.textContent ?? doc.querySelector('h1')?.textContent ?? '';
  const main = confluence ?? doc.querySelector('main') ?? doc.querySelector('article') ?? doc.body;
  return { heading, confluence: confluence !== null, main: main ? main.innerHTML : null, lang: doc.documentElement.getAttribute('lang') };
}

/**
 * One page of an HTML export: a Confluence space export (the title in `#title-text` or `<title>`, less the
 * "Space : " prefix Confluence puts before it; the page in `#main-content`), or any page with a `<main>`,
 * `<article>` or body. Confluence pages carry no language: it is guessed from the text, and said.
 */
export async function readHtmlPage(text: string, ctx: ReadContext): Promise<ArticleDraft> {
  const { file, html } = ctx;
  if (!html) throw new KnowledgeError(file, 1, 'HTML pages need a DOM to be read in (a browser window or jsdom)');
  const page = await html.page(text);
  const spaced = page.heading.replace(/\s+/g, ' ').trim();
  const title = page.confluence ? spaced.replace(/^[^:]{1,100} : /, '') : spaced;
  if (page.main === null) throw new KnowledgeError(file, 1, 'no page content: expected #main-content, <main>, <article> or <body>');
  const id = pageId(file);
  const declared = primaryLocale(page.lang);
  return htmlDraft(ctx, { line: 1 }, { id, title: title || undefined, locale: declared }, page.main, declared ? undefined : guessLocale(ctx));
}

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

/**
 * One page of an HTML export: a Confluence space export (the title in `#title-text` or `<title>`, less the
 * "Space : " prefix Confluence puts before it; the page in `#main-content`), or any page with a `<main>`,
 * `<article>` or body. Confluence pages carry no language: it is guessed from the text, and said.
 */
export function readHtmlPage(text: string, ctx: ReadContext): ArticleDraft {
  const { file, html } = ctx;
  if (!html) throw new KnowledgeError(file, 1, 'HTML pages need a DOM to be read in (a browser window or jsdom)');
  const doc = html.parse(text);
  const confluence = doc.querySelector('#main-content');
  const heading = doc.querySelector('#title-text')?.textContent ?? doc.querySelector('title')?.textContent ?? doc.querySelector('h1')?.textContent ?? '';
  const spaced = heading.replace(/\s+/g, ' ').trim();
  const title = confluence ? spaced.replace(/^[^:]{1,100} : /, '') : spaced;
  const main = confluence ?? doc.querySelector('main') ?? doc.querySelector('article') ?? doc.body;
  if (!main) throw new KnowledgeError(file, 1, 'no page content: expected #main-content, <main>, <article> or <body>');
  const id = pageId(file);
  const declared = primaryLocale(doc.documentElement.getAttribute('lang'));
  return htmlDraft(ctx, { line: 1 }, { id, title: title || undefined, locale: declared }, main.innerHTML, declared ? undefined : guessLocale(ctx));
}

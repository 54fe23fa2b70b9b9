import type { CleanHtml, HtmlCleaner } from '../html';
import { pageParts, type HtmlPage } from './confluence';

/**
 * What reading an export needs from a DOM: sanitising HTML bodies, and taking an HTML page apart. In Node and
 * on a page it is the local DOM (`localDom`); the import worker, which has none, asks the page that started
 * it (store/dom-bridge.ts). Both answer a batch at a time, so the reader awaits either the same way.
 */
export interface ImportDom {
  clean(htmls: readonly string[]): Promise<CleanHtml[]>;
  page(html: string): Promise<HtmlPage>;
}

export function localDom(cleaner: HtmlCleaner): ImportDom {
  return {
    clean: async (htmls) => htmls.map((html) => cleaner.clean(html)),
    page: async (html) => pageParts(cleaner.parse(html)),
  };
}

import { type ArticleDraft, draftId } from './draft';

/**
 * Links between articles, for lint: a link is internal when it names another article by id or by file
 * (`[...](other-article)`, `../billing/refunds.md`, Confluence's `Page_123.html`), or when it is a help-center
 * address (Zendesk `/hc/<locale>/articles/<id>`, Freshdesk `/solutions/articles/<id>`) on a host the
 * knowledge base's own articles live on. Links to files that are not articles (attachments, images) and
 * to other sites are not checked.
 */

// Markdown links, not images: [text](target "title").
const MARKDOWN_LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)\n]*)?\)/g;
const HREF = /\bhref\s*=\s*["']([^"']+)["']/gi;
const ARTICLE_PATH = /\/(?:hc\/(?:[\w-]+\/)?articles|(?:support|a)\/solutions\/articles)\/(\d+)/;
const ARTICLE_FILE = /\.(?:md|markdown|html?)$/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface LinkTargets {
  ids: Set<string>;
  /** Each article's file, without its extension. */
  paths: Set<string>;
  /** Hosts of the articles' own addresses. */
  hosts: Set<string>;
}

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** A relative path joined to a folder, `.` and `..` resolved, with `/` separators. */
function joinPath(dir: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${dir}/${path}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** What links may point to in these articles. */
export function linkTargets(drafts: readonly ArticleDraft[]): LinkTargets {
  const targets: LinkTargets = { ids: new Set(), paths: new Set(), hosts: new Set() };
  for (const draft of drafts) {
    const id = draftId(draft);
    if (id !== undefined) targets.ids.add(id);
    targets.paths.add(joinPath('', draft.file.replace(ARTICLE_FILE, '')));
    const host = hostOf(draft.fields.url);
    if (host) targets.hosts.add(host);
  }
  return targets;
}

/** True when the link is internal and points nowhere; false for links found, and links not checked. */
function isBroken(target: string, draft: ArticleDraft, targets: LinkTargets): boolean {
  if (SCHEME.test(target) || target.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(target, 'https://invalid.invalid');
    } catch {
      return false;
    }
    const article = ARTICLE_PATH.exec(url.pathname)?.[1];
    return /^https?:$/.test(url.protocol) && targets.hosts.has(url.host) && article !== undefined && !targets.ids.has(article);
  }
  let path = target.split(/[?#]/)[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (!path) return false;
  if (path.startsWith('/')) {
    const article = ARTICLE_PATH.exec(path)?.[1];
    return article !== undefined && !targets.ids.has(article);
  }
  const name = path.split('/').pop() ?? '';
  if (/\.[a-z0-9]{1,5}$/i.test(name) && !ARTICLE_FILE.test(name)) return false;
  const stem = path.replace(ARTICLE_FILE, '');
  const folder = draft.file.split('/').slice(0, -1).join('/');
  return !targets.ids.has(stem) && !targets.ids.has(stem.split('/').pop() ?? stem) && !targets.paths.has(joinPath(folder, stem));
}

/** Internal links in each article that point to no article, each once per article. */
export function brokenLinks(drafts: readonly ArticleDraft[], targets: LinkTargets): { draft: ArticleDraft; target: string }[] {
  const broken: { draft: ArticleDraft; target: string }[] = [];
  for (const draft of drafts) {
    const links = new Set([...draft.body.matchAll(MARKDOWN_LINK), ...draft.body.matchAll(HREF)].map((match) => match[1] ?? ''));
    for (const target of links) if (isBroken(target.trim(), draft, targets)) broken.push({ draft, target });
  }
  return broken;
}

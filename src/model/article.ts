import * as z from 'zod/mini';

/** An article id: a slug that survives being a file name, a URL fragment and a CSV cell. */
export const ArticleId = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[\p{L}\p{N}][\p{L}\p{N}._:/-]*$/u));

/**
 * A knowledge-base article after import and clean-up. `body` is the answer as Markdown (or plain text),
 * `html` is its rendering, produced at build or import time from trusted code and sanitised again before display.
 */
export const Article = z.object({
  id: ArticleId,
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  body: z.string(),
  html: z.optional(z.string()),
  tags: z.array(z.string().check(z.maxLength(100))),
  /** BCP 47 primary subtag: `en`, `ar`, `he`, ... */
  locale: z.optional(z.string().check(z.maxLength(16))),
  owner: z.optional(z.string().check(z.maxLength(200))),
  /** ISO date (YYYY-MM-DD) the article was last checked by its owner. */
  verified: z.optional(z.string().check(z.maxLength(32))),
  /** How often the owner should check it again: `90d`, `6w`, `6m`, `1y` (a year when not given). */
  verifyEvery: z.optional(z.string().check(z.maxLength(32))),
  /** Where the article lives for customers or agents, if anywhere. */
  url: z.optional(z.string().check(z.maxLength(2_000))),
  /** Escalation hint written by the article's owner, e.g. "Escalate to Billing if the refund is above 500 EUR". */
  escalation: z.optional(z.string().check(z.maxLength(1_000))),
});
export type Article = z.infer<typeof Article>;

/** A problem in a knowledge-base file, located so that a writer can fix it: `file:line: message`. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
    readonly articleId?: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${articleId ? `${articleId}: ` : ''}${detail}`);
  }
}

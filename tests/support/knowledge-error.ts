import { KnowledgeError } from '../../src/knowledge/errors';

/** The KnowledgeError a promise rejects with; anything else fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<KnowledgeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof KnowledgeError) return error;
  throw new Error(`expected a KnowledgeError, got ${String(error)}`);
}

import type { ImportDom } from '../import/dom';
import { DomAnswer, type DomAsk, type WorkerEvent } from './protocol';

/**
 * The import worker's DOM, which is the page's: each batch of HTML bodies, and each HTML page, is posted to
 * the page that started the worker and answered there (`answerDom`). The worker awaits the answer as it
 * would await a local DOM (import/dom.ts).
 */
export function remoteDom(post: (event: WorkerEvent) => void): { dom: ImportDom; answer: (raw: unknown) => boolean } {
  const waiting = new Map<number, (answer: DomAnswer) => void>();
  let next = 0;
  const ask = (question: DistributiveOmit<DomAsk, 'id'>) =>
    new Promise<DomAnswer>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      post({ ...question, id } as DomAsk);
    }).then((answer) => {
      if (answer.error !== undefined) throw new Error(answer.error);
      return answer;
    });
  return {
    dom: {
      clean: async (htmls) => (await ask({ type: 'dom', op: 'clean', htmls: [...htmls] })).cleaned ?? [],
      page: async (html) => {
        const { page } = await ask({ type: 'dom', op: 'page', html });
        if (!page) throw new Error('the page did not take the HTML page apart');
        return page;
      },
    },
    /** Takes a message from the page; whether it was an answer to a DOM question. */
    answer(raw) {
      const parsed = DomAnswer.safeParse(raw);
      if (!parsed.success) return false;
      const resolve = waiting.get(parsed.data.id);
      waiting.delete(parsed.data.id);
      resolve?.(parsed.data);
      return true;
    },
  };
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The page's side: answers the worker's DOM questions with this page's DOM, made when first needed. */
export async function answerDom(ask: DomAsk, dom: () => ImportDom): Promise<DomAnswer> {
  try {
    if (ask.op === 'clean') return { type: 'dom', id: ask.id, cleaned: await dom().clean(ask.htmls) };
    return { type: 'dom', id: ask.id, page: await dom().page(ask.html) };
  } catch (error) {
    return { type: 'dom', id: ask.id, error: error instanceof Error ? error.message : String(error) };
  }
}

import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../knowledge/load';
import { buildIndex, suggestForTicket } from '../search/engine';
import { learn } from '../search/feedback';
import { guard, type Io, parse, required, table } from './io';
import { type Ranked, summarize } from './metrics';
import { readQueries } from './queries';

const USAGE = 'npm run kb -- eval --kb <path> --queries <file> [--feedback <file>] [--json]';
const RANKED = 10;

/**
 * `eval`: recall@1, recall@5, MRR@10 and ranking latency of the ticket pipeline on labelled queries.
 * With --feedback, each feedback line is first replayed as an earlier ticket answered by its `relevant`
 * articles, through the same `learn` call the sidebar makes when an agent uses an answer.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values } = parse(argv, {
      kb: { type: 'string' },
      queries: { type: 'string' },
      feedback: { type: 'string' },
      json: { type: 'boolean' },
    });
    const articles = await loadKnowledge(required(values.kb, '--kb'));
    const queries = await readQueries(required(values.queries, '--queries'));
    const feedback = values.feedback === undefined ? [] : await readQueries(values.feedback);

    const index = buildIndex(articles);
    for (const use of feedback) learn(index, [{ ticket: use.ticket, articleIds: use.relevant }]);

    const known = new Set(articles.map((a) => a.id));
    for (const q of queries) {
      const unknown = q.relevant.filter((id) => !known.has(id));
      if (unknown.length) io.err(`${values.queries}:${q.line}: relevant article not in the knowledge base: ${unknown.join(', ')}`);
    }

    const results: Ranked[] = queries.map((q) => {
      const start = performance.now();
      const suggestions = suggestForTicket(index, q.ticket, { limit: RANKED });
      const ms = performance.now() - start;
      return { ranking: suggestions.map((s) => s.id), relevant: q.relevant, ms };
    });
    const report = summarize(results);
    if (values.json) io.out(JSON.stringify(report));
    else for (const line of table(Object.entries(report).map(([name, value]) => [name, String(value)]))) io.out(line);
    return 0;
  });
}

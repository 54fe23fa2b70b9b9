import { performance } from 'node:perf_hooks';
import { importKnowledge } from '../knowledge/load';
import type { Article } from '../model/article';
import { buildIndex, suggestForTicket } from '../search/engine';
import { learn } from '../search/feedback';
import { crossValidationFolds } from './folds';
import { guard, type Io, KB_OPTIONS, loadOptions, parse, reportNotices, required, table, UsageError } from './io';
import { type Ranked, summarize } from './metrics';
import { type LabelledQuery, readQueries } from './queries';

const USAGE = 'npm run kb -- eval --kb <path> [--map <field>=<column>,...] (--queries <file> [--feedback <file>] | --folds <n>) [--json]';
const NOTICES_SHOWN = 10;
const RANKED = 10;

/** Ranks each query against the articles, after replaying the feedback, through the extension's own calls. */
function rankAll(articles: readonly Article[], queries: readonly LabelledQuery[], feedback: readonly LabelledQuery[]): Ranked[] {
  const index = buildIndex(articles);
  for (const use of feedback) learn(index, [{ ticket: use.ticket, articleIds: use.relevant }]);
  return queries.map((q) => {
    const start = performance.now();
    const suggestions = suggestForTicket(index, q.ticket, { limit: RANKED });
    const ms = performance.now() - start;
    return { ranking: suggestions.map((s) => s.id), relevant: q.relevant, ms };
  });
}

/**
 * `eval`: recall@1, recall@5, MRR@10 and ranking latency of the ticket pipeline on labelled queries.
 * With --feedback, each feedback line is first replayed as an earlier ticket answered by its `relevant`
 * articles, through the same `learn` call the sidebar makes when an agent uses an answer.
 * With --folds n instead of --queries, the knowledge base is its own test: n-fold cross-validation on the
 * lines of its articles (folds.ts), the way every ranking setting was chosen without looking at test queries.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values } = parse(argv, {
      ...KB_OPTIONS,
      queries: { type: 'string' },
      feedback: { type: 'string' },
      folds: { type: 'string' },
      json: { type: 'boolean' },
    });
    const { articles, notices } = await importKnowledge(required(values.kb, '--kb'), loadOptions(values.map));
    reportNotices(io, notices, NOTICES_SHOWN);
    let results: Ranked[];
    if (values.folds !== undefined) {
      const folds = Number(values.folds);
      if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds takes a whole number of at least 2');
      if (values.queries !== undefined || values.feedback !== undefined) throw new UsageError('--folds measures on the knowledge base itself: leave out --queries and --feedback');
      results = crossValidationFolds(articles, folds).flatMap((fold) => rankAll(fold.articles, fold.queries, []));
    } else {
      const queries = await readQueries(required(values.queries, '--queries'));
      const feedback = values.feedback === undefined ? [] : await readQueries(values.feedback);
      const known = new Set(articles.map((a) => a.id));
      for (const q of queries) {
        const unknown = q.relevant.filter((id) => !known.has(id));
        if (unknown.length) io.err(`${values.queries}:${q.line}: relevant article not in the knowledge base: ${unknown.join(', ')}`);
      }
      results = rankAll(articles, queries, feedback);
    }
    const report = summarize(results);
    if (values.json) io.out(JSON.stringify(report));
    else for (const line of table(Object.entries(report).map(([name, value]) => [name, String(value)]))) io.out(line);
    return 0;
  });
}

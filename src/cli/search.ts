import { importKnowledge } from '../knowledge/load';
import { buildIndex, searchText } from '../search/engine';
import { guard, type Io, KB_OPTIONS, loadOptions, parse, reportNotices, required, table, UsageError } from './io';

const USAGE = 'npm run kb -- search --kb <path> [--map <field>=<column>,...] [--limit <n>] [--json] "<text>"';
const NOTICES_SHOWN = 10;
const DEFAULT_LIMIT = 10;

/** `search`: the lookup box from the command line; `[{"id", "title", "score"}, ...]` best first with --json. */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values, positionals } = parse(argv, {
      ...KB_OPTIONS,
      json: { type: 'boolean' },
      limit: { type: 'string' },
    });
    const text = positionals.join(' ');
    if (!text.trim()) throw new UsageError('the text to search for is missing');
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number above 0');
    const { articles, notices } = await importKnowledge(required(values.kb, '--kb'), loadOptions(values.map));
    reportNotices(io, notices, NOTICES_SHOWN);
    const index = buildIndex(articles);
    const results = searchText(index, text, { limit });
    if (values.json) {
      io.out(JSON.stringify(results.map(({ id, title, score }) => ({ id, title, score: round(score) }))));
      return 0;
    }
    if (results.length === 0) {
      io.out('No matching articles.');
      return 0;
    }
    const rows = results.map((r, i) => [String(i + 1), r.score.toFixed(2), r.confident ? '' : '(weak)', r.id, r.title]);
    for (const line of table([['#', 'score', '', 'id', 'title'], ...rows])) io.out(line);
    return 0;
  });
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

import { importNotices } from '../knowledge/import';
import { lintKnowledge } from '../knowledge/lint';
import { readKnowledge } from '../knowledge/load';
import { EXIT_PROBLEMS, guard, type Io, KB_OPTIONS, loadOptions, parse, reportNotices, required } from './io';

const USAGE = 'npm run kb -- lint --kb <path> [--map <field>=<column>,...] [--json]';

/**
 * `lint`: one line per problem, `<article id>: <problem>`; exit 1 when there is any. What an import would fix
 * on its own, flag or skip goes to stderr (in the JSON value with --json): those are not problems.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values } = parse(argv, { ...KB_OPTIONS, json: { type: 'boolean' } });
    const files = await readKnowledge(required(values.kb, '--kb'), loadOptions(values.map));
    const problems = lintKnowledge(files, new Date());
    const articles = files.reduce((sum, f) => sum + f.drafts.length, 0);
    const notices = importNotices(files);
    if (values.json) io.out(JSON.stringify({ articles, problems, notices }));
    else {
      reportNotices(io, notices);
      for (const p of problems) io.out(`${p.id}: ${p.problem}${p.line === undefined ? '' : ` (${p.file}:${p.line})`}`);
      io.err(problems.length ? `${problems.length} problem(s) in ${articles} article(s)` : `No problems in ${articles} article(s).`);
    }
    return problems.length ? EXIT_PROBLEMS : 0;
  });
}

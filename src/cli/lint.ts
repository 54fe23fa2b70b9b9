import { lintKnowledge } from '../knowledge/lint';
import { readKnowledge } from '../knowledge/load';
import { EXIT_PROBLEMS, guard, type Io, parse, required } from './io';

const USAGE = 'npm run kb -- lint --kb <path> [--json]';

/** `lint`: one line per problem, `<article id>: <problem>`; exit 1 when there is any. */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values } = parse(argv, { kb: { type: 'string' }, json: { type: 'boolean' } });
    const files = await readKnowledge(required(values.kb, '--kb'));
    const problems = lintKnowledge(files, new Date());
    const articles = files.reduce((sum, f) => sum + f.drafts.length, 0);
    if (values.json) io.out(JSON.stringify({ articles, problems }));
    else {
      for (const p of problems) io.out(`${p.id}: ${p.problem}${p.line === undefined ? '' : ` (${p.file}:${p.line})`}`);
      io.err(problems.length ? `${problems.length} problem(s) in ${articles} article(s)` : `No problems in ${articles} article(s).`);
    }
    return problems.length ? EXIT_PROBLEMS : 0;
  });
}

import { writeFile } from 'node:fs/promises';
import { BUNDLE_FORMAT } from '../knowledge/import/json';
import { importKnowledge } from '../knowledge/load';
import { buildIndex, serializeIndex } from '../search/engine';
import { guard, type Io, KB_OPTIONS, loadOptions, parse, reportNotices, required } from './io';

const USAGE = 'npm run kb -- build --kb <path> --out <file.json> [--map <field>=<column>,...] [--json]';

/**
 * `build`: a knowledge bundle, the articles and their index in one JSON file, for a team to host as its
 * knowledge source URL. Where it is a device's whole knowledge base (the bundled answers off), the device
 * uses the index as it is instead of indexing the articles itself; otherwise the articles are merged and
 * indexed as from any file.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  return guard(io, USAGE, async () => {
    const { values } = parse(argv, { ...KB_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } });
    const out = required(values.out, '--out');
    const { articles, notices } = await importKnowledge(required(values.kb, '--kb'), loadOptions(values.map));
    const index = serializeIndex(buildIndex(articles));
    await writeFile(out, JSON.stringify({ format: BUNDLE_FORMAT, version: 1, articles, index }));
    if (values.json) io.out(JSON.stringify({ articles: articles.length, out, notices }));
    else {
      reportNotices(io, notices);
      io.err(`${articles.length} article(s) and their index written to ${out}`);
    }
    return 0;
  });
}

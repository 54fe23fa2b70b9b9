import { pathToFileURL } from 'node:url';
import { type Command, EXIT_USAGE, type Io } from './io';

/** Each command is loaded only when asked for, so `kb search` does not load the escalation rules. */
const COMMANDS: Readonly<Record<string, () => Promise<{ run: Command }>>> = {
  search: () => import('./search'),
  eval: () => import('./eval'),
  lint: () => import('./lint'),
  escalate: () => import('./escalate'),
  build: () => import('./build'),
};

const HELP = [
  'usage: npm run kb -- <command> [options]',
  '',
  '  search   --kb <path> [--json] "<text>"                      rank articles for a text',
  '  eval     --kb <path> --queries <file> [--feedback <file>] [--json]   retrieval quality',
  '  eval     --kb <path> --folds <n> [--json]                    the same, cross-validated on the articles\' own lines',
  '  escalate --rules <file> --ticket <ticket.json> [--json]     escalation guidance and note',
  '  escalate --eval <tickets.jsonl> [--ignore-field priority] [--json]   precision and recall of "escalate"',
  '  lint     --kb <path> [--json]                               problems in a knowledge base',
  '  build    --kb <path> --out <file.json> [--json]              articles and their index, to host as a knowledge source URL',
  '',
  'A knowledge base is a folder or a file, recognised by its content: Markdown articles with front matter,',
  'JSONL or JSON articles, CSV (columns title, body, tags, locale, ...), a Zendesk Help Center or Freshdesk',
  'articles export (JSON, one page or several), a Confluence HTML export (zip), or a folder or zip of these.',
  '--map title=Question,body=Answer names the CSV columns or JSON keys that hold the article fields.',
];

/** `npm run kb -- <command> ...`: dispatches to the command's `run`, resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    for (const line of HELP) (name === undefined ? io.err : io.out)(line);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`unknown command "${name}"`);
    for (const line of HELP) io.err(line);
    return EXIT_USAGE;
  }
  const { run } = await load();
  return run(rest, io);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `kb search ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: Io = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}

import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './chromium';

const WXT = join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt');
const BUILD_TIMEOUT_MS = 180_000;
/** Git-ignored, as the browsers' profiles. */
export const TEMP_ROOT = join(PROJECT_ROOT, '.tmp');
const LOG_TAIL = 4_000;

/** Runs a command in the project's folder; a failure says how it ended, with the end of its output. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-LOG_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** What a team building the extension for itself may set (shared/contracts.md section 4). */
export interface BuildSettings {
  EXTRA_HOSTS?: string;
  KNOWLEDGE_DIR?: string;
}

/**
 * Builds the extension with `settings` into a new folder under .tmp, as `npm run build` does with those variables
 * set, and returns the Chrome build's folder. `remove()` deletes it.
 */
export async function buildExtension(settings: BuildSettings): Promise<{ dir: string; remove(): Promise<void> }> {
  await mkdir(TEMP_ROOT, { recursive: true });
  const outDir = await mkdtemp(join(TEMP_ROOT, 'build-'));
  const remove = () => rm(outDir, { recursive: true, force: true, maxRetries: 3 });
  const names = Object.keys(settings).join(' and ');
  try {
    await Promise.race([
      run(WXT, ['build'], { ...process.env, ...settings, OUTPUT_DIR: outDir }),
      new Promise((_, fail) => setTimeout(() => fail(new Error(`wxt build with ${names} took over ${BUILD_TIMEOUT_MS / 1000} s`)), BUILD_TIMEOUT_MS).unref()),
    ]);
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir: join(outDir, 'chrome-mv3'), remove };
}

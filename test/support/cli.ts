// Running the built bin/acc-provision from tests, and finding the shared
// conformance data next to the repository.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'bin', 'acc-provision');
export const conformanceDir = resolve(repoRoot, '..', 'shared', 'conformance');

/** `npm ci` builds dist/ (prepare); build here only when it is missing. */
export function ensureBuilt(): void {
  if (existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) return;
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', join(repoRoot, 'tsconfig.json')], { cwd: repoRoot, stdio: 'inherit' });
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('could not build dist/ (npx tsc -p .)');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string | undefined>;
}

export function runCli(args: string[], opts: CliOptions = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  // Tests set ACC_PROVISION_PASS explicitly when they need it.
  if (!opts.env || !('ACC_PROVISION_PASS' in opts.env)) delete env.ACC_PROVISION_PASS;
  // As users run it: the shell launcher (see bin/acc-provision).
  const r = spawnSync(cliPath, args, {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Node or V8 stack frame line. */
export const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)|^\s+at file:/m;

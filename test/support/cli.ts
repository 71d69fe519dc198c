// Running the built bin/acc-provision from tests, and finding the shared
// conformance data next to the repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliPath = join(repoRoot, 'bin', 'acc-provision');
export const conformanceDir = resolve(repoRoot, '..', 'shared', 'conformance');

/** For a beforeAll that builds: tsc and the bundle take a minute or more on a busy machine. */
export const BUILD_TIMEOUT = 600_000;

// Written last by `npm run build` (scripts/bundle.mjs), by hand or from here.
const STAMP = join(repoRoot, 'dist', 'bundle', 'acc-provision.cjs.inputs.json');
const LOCK = join(repoRoot, 'dist.build-lock');
let built = false;

/** Newest modification time of what `npm run build` reads. */
function newestInput(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const input of ['src', 'scripts/bundle.mjs', 'tsconfig.json', 'package.json']) visit(join(repoRoot, input));
  return newest;
}

function isCurrent(): boolean {
  try {
    return statSync(STAMP).mtimeMs >= newestInput();
  } catch {
    return false;
  }
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Tests that run bin/acc-provision or bin/apic-sim call this first: it runs
 * `npm run build` when dist/ is missing or older than its sources, once for
 * all the test processes of a run (a lock directory); tests of modules
 * import src/ and never wait for it.
 */
export function ensureBuilt(): void {
  if (built) return;
  for (;;) {
    if (isCurrent()) break;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test process is building: wait for it, unless its lock is stale.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > BUILD_TIMEOUT) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      sleep(200);
      continue;
    }
    try {
      if (isCurrent()) break;
      const started = Date.now();
      const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npm run build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
      // A source saved during the build may not be in it: without the list
      // the launcher does not use the bundle either, and the next call rebuilds.
      if (newestInput() > started) rmSync(STAMP);
      break;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  built = true;
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
  ensureBuilt();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  // Tests set ACC_PROVISION_PASS explicitly when they need it.
  if (!opts.env || !('ACC_PROVISION_PASS' in opts.env)) delete env.ACC_PROVISION_PASS;
  // As users run it: the shell launcher (see bin/acc-provision).
  const r = spawnSync(cliPath, args, {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input ?? '',
    env: env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A Node or V8 stack frame line. */
export const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)|^\s+at file:/m;

// bin/acc-provision and dist/cli/launch.cjs: the shell launcher, the bundle
// with its code cache, the fallback to dist/'s modules, and the hand-over of
// NODE_EXTRA_CA_CERTS. Each test works on its own copy of the package (bin/,
// dist/, package.json, node_modules linked), never on the repository's dist/,
// which other test files use at the same time.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt, repoRoot } from '../support/cli.js';

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);

const haveBundle = (() => {
  try {
    return statSync(join(repoRoot, 'dist', 'bundle', 'acc-provision.cjs')).isFile();
  } catch {
    return false;
  }
})();

interface Pkg {
  root: string;
  bin: string;
  bundle: string;
  cache: string;
}

function packageCopy(): Pkg {
  const root = mkdtempSync(join(tmpdir(), 'acc-launch-'));
  cpSync(join(repoRoot, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  cpSync(join(repoRoot, 'src', 'aci', 'data'), join(root, 'src', 'aci', 'data'), { recursive: true }); // in the package too
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  const bundle = join(root, 'dist', 'bundle', 'acc-provision.cjs');
  return { root, bin: join(root, 'bin', 'acc-provision'), bundle, cache: `${bundle}.cache` };
}

/** A working directory with a small valid configuration and its certificate. */
function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acc-launch-work-'));
  const sample = spawnSync(join(repoRoot, 'bin', 'acc-provision'), ['--sample', '-f', 'kubernetes-1.35'], { encoding: 'utf8' });
  writeFileSync(join(dir, 'cluster.yaml'), sample.stdout);
  return dir;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const generation = ['-c', 'cluster.yaml', '-f', 'kubernetes-1.35', '-o', '-', '--version-token', 'launch-test'];

describe.skipIf(!haveBundle)('the bundle and its code cache', () => {
  it('the bundle runs without dist/ modules, and writes what dist/ writes', () => {
    const pkg = packageCopy();
    const cwd = workDir();
    const viaBundle = run(pkg.bin, generation, cwd);
    expect(viaBundle.status, viaBundle.stderr).toBe(0);
    // Only the bundle is left of the program: it must be all a run needs.
    for (const dir of ['config', 'manifest', 'provision', 'aci']) rmSync(join(pkg.root, 'dist', dir), { recursive: true });
    const bundleOnly = run(pkg.bin, generation, cwd);
    expect(bundleOnly.status, bundleOnly.stderr).toBe(0);
    expect(bundleOnly.stdout).toBe(viaBundle.stdout);
    // And the ES modules of dist/ alone (no bundle) give the same manifest.
    const modulesOnly = packageCopy();
    rmSync(join(modulesOnly.root, 'dist', 'bundle'), { recursive: true });
    const viaModules = run(modulesOnly.bin, generation, cwd);
    expect(viaModules.status, viaModules.stderr).toBe(0);
    expect(viaModules.stdout).toBe(viaBundle.stdout);
    expect(viaModules.stdout).toContain('kind: DaemonSet');
  });

  it('a bundle older than any of its dist/ files (tsc ran after it) is not used: dist/ modules run', () => {
    const pkg = packageCopy();
    const version = join(pkg.root, 'dist', 'cli', 'version.js');
    writeFileSync(version, "export function packageVersion() { return 'rebuilt-by-tsc'; }\n");
    // Rewritten with the time of the bundle (as npm install leaves every file): the bundle runs.
    const bundleTime = new Date(statSync(pkg.bundle).mtimeMs);
    utimesSync(version, bundleTime, bundleTime);
    expect(run(pkg.bin, ['-v'], pkg.root).stdout.trim()).not.toBe('rebuilt-by-tsc');
    // Newer than the bundle, as an incremental tsc leaves the one file it rewrote.
    const later = new Date(statSync(pkg.bundle).mtimeMs + 5_000);
    utimesSync(version, later, later);
    const r = run(pkg.bin, ['-v'], pkg.root);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('rebuilt-by-tsc');
  });

  it('the build leaves a cache made for its bundle', () => {
    const bundle = join(repoRoot, 'dist', 'bundle', 'acc-provision.cjs');
    const build = /^\/\/ acc-provision build (\S+)\n/.exec(readFileSync(bundle, 'utf8'))![1];
    const head = readFileSync(`${bundle}.cache`).subarray(0, 200).toString('latin1');
    expect(head.startsWith(`acc-provision code cache ${statSync(bundle).size} ${build}\n`)).toBe(true);
  });

  it('a missing cache is written by the next run; a rebuilt bundle gets a new one', () => {
    const pkg = packageCopy();
    const cwd = workDir();
    rmSync(pkg.cache);
    expect(run(pkg.bin, generation, cwd).status).toBe(0);
    const first = readFileSync(pkg.cache);
    expect(first.toString('latin1', 0, 25)).toBe('acc-provision code cache ');
    expect(first.length).toBeGreaterThan(10_000);
    // Same cache reused: the next run leaves the file as it is.
    const before = statSync(pkg.cache).mtimeMs;
    expect(run(pkg.bin, generation, cwd).status).toBe(0);
    expect(statSync(pkg.cache).mtimeMs).toBe(before);
    // A rebuilt bundle (another build name on its first line) never meets the old cache.
    const source = readFileSync(pkg.bundle, 'utf8');
    writeFileSync(pkg.bundle, source.replace(/^\/\/ acc-provision build \S+/, '// acc-provision build rebuilt'));
    expect(run(pkg.bin, generation, cwd).status).toBe(0);
    expect(readFileSync(pkg.cache).toString('latin1', 0, 80)).toContain(`acc-provision code cache ${statSync(pkg.bundle).size} rebuilt\n`);
  });

  it("code from the cache makes a new certificate pair, and loads the packages left outside the bundle (the demo's apic-sim)", () => {
    const pkg = packageCopy();
    const cwd = workDir();
    const certs = () => readdirSync(cwd).filter((f) => /^user-.*\.(crt|key)$/.test(f));
    expect(run(pkg.bin, generation, cwd).status).toBe(0); // leaves a cache matching this copy
    for (const f of certs()) rmSync(join(cwd, f));
    const cached = statSync(pkg.cache).mtimeMs;
    const r = run(pkg.bin, generation, cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Generating certs for kubernetes controller');
    expect(certs()).toHaveLength(2);
    // better-sqlite3, ws and @peculiar/x509 stay in node_modules: required from cached code.
    const demo = run(pkg.bin, ['demo', '--dir', join(cwd, 'demo')], cwd);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout + demo.stderr).toContain('== Done');
    expect(statSync(pkg.cache).mtimeMs).toBe(cached); // the cache was used, not replaced
  });

  it('a corrupt cache is rejected by V8 and replaced; the run is unaffected', () => {
    const pkg = packageCopy();
    const cwd = workDir();
    const expected = run(pkg.bin, generation, cwd).stdout;
    const good = readFileSync(pkg.cache);
    const header = good.subarray(0, good.indexOf(0x0a) + 1);
    writeFileSync(pkg.cache, Buffer.concat([header, Buffer.alloc(good.length - header.length, 0x5a)]));
    const r = run(pkg.bin, generation, cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(
      readFileSync(pkg.cache)
        .subarray(header.length, header.length + 64)
        .equals(Buffer.alloc(64, 0x5a)),
    ).toBe(false);
  });

  it('a cache that cannot be written is no failure', () => {
    const pkg = packageCopy();
    const cwd = workDir();
    rmSync(pkg.cache);
    mkdirSync(pkg.cache); // rename onto a directory fails
    const r = run(pkg.bin, generation, cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/error|EISDIR/i);
    expect(statSync(pkg.cache).isDirectory()).toBe(true);
  });
});

describe('bin/acc-provision', () => {
  it('runs as a program (shell) and as `node bin/acc-provision` (JavaScript), through symlinks too; so does bin/acc-provision.js', () => {
    const pkg = packageCopy();
    // As npm links it (node_modules/.bin/acc-provision -> ../acc-provision/bin/...), one link further.
    const links = mkdtempSync(join(tmpdir(), 'acc-launch-link-'));
    mkdirSync(join(links, 'bin'));
    symlinkSync(pkg.bin, join(links, 'target'));
    symlinkSync('../target', join(links, 'bin', 'acc-provision'));
    const link = join(links, 'bin', 'acc-provision');
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const jsEntry = `${pkg.bin}.js`; // what npm installs
    for (const [cmd, args] of [
      [pkg.bin, ['-v']],
      [process.execPath, [pkg.bin, '-v']],
      [link, ['-v']],
      [jsEntry, ['-v']],
      [process.execPath, [jsEntry, '-v']],
    ] as const) {
      const r = run(cmd, [...args], pkg.root);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('hands NODE_EXTRA_CA_CERTS over instead of letting Node load it at start', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'acc-launch-ca-'));
    const env = { NODE_EXTRA_CA_CERTS: join(cwd, 'missing-ca.pem') };
    // Node itself warns at start when it loads (here: fails to load) the file...
    const direct = run(process.execPath, [join(repoRoot, 'bin', 'acc-provision'), '-v'], cwd, env);
    expect(direct.status).toBe(0);
    expect(direct.stderr).toContain('Ignoring extra certs');
    // ...which the launcher spares every run.
    const launched = run(join(repoRoot, 'bin', 'acc-provision'), ['-v'], cwd, env);
    expect(launched.status).toBe(0);
    expect(launched.stderr).not.toContain('Ignoring extra certs');
  });
});

// The npm package as a user gets it: `npm pack` of a copy of the checkout
// (its `prepare` script builds dist/), `npm install -g` of the tarball into a
// temporary prefix (better-sqlite3 compiles there), and both programs run from
// that prefix. Slow by nature (the native build): one install for the file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../sim/helpers.js';
import { cliPath, ensureBuilt, repoRoot } from '../support/cli.js';
import { KUBE_CLIENT_PACKAGE } from '../../src/verify/kube.js';

const MiB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'acc-package-'));
const prefix = join(work, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', 'acc-provision');
const bin = (name: string) => join(prefix, 'bin', name);
let tarball = '';
let shippedCache = 0;
const children: ChildProcess[] = [];

function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      // better-sqlite3 is compiled for real, unoptimised: ~5 times quicker
      // than its -O3 (node-gyp puts these flags last), as good for a test.
      CFLAGS: '-O0',
      CXXFLAGS: '-O0',
    },
    maxBuffer: 64 * MiB,
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

beforeAll(() => {
  ensureBuilt(); // the checkout's own program, to compare with
  // A checkout without dist/: what a maintainer packs from.
  const checkout = join(work, 'checkout');
  mkdirSync(checkout);
  for (const entry of ['bin', 'docs', 'scripts', 'src', 'LICENSE', 'README.md', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(repoRoot, entry), join(checkout, entry), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(checkout, 'node_modules'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], checkout)) as { filename: string }[];
  tarball = join(work, packed[0].filename);
  npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--allow-scripts=better-sqlite3', tarball], work);
  shippedCache = statSync(join(installed, 'dist', 'bundle', 'acc-provision.cjs.cache')).mtimeMs;
}, 1_200_000); // better-sqlite3 compiles from source: minutes on a busy machine

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ACC_PROVISION_PASS: undefined } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

describe('the npm package', () => {
  it('holds the built program, its launchers and docs; no sources or tests', async () => {
    const files: string[] = [];
    await list({ file: tarball, onReadEntry: (e) => files.push(e.path.replace(/^package\//, '')) });
    for (const f of [
      'bin/acc-provision',
      'bin/acc-provision.js',
      'bin/apic-sim',
      'dist/cli/main.js',
      'dist/cli/launch.cjs',
      'dist/sim/main.js',
      'dist/bundle/acc-provision.cjs',
      'dist/bundle/acc-provision.cjs.cache',
      'dist/bundle/acc-provision.cjs.inputs.json',
      'dist/manifest/data/crds.json',
      'docs/integration.md',
      'LICENSE',
      'README.md',
      'package.json',
    ]) {
      expect(files).toContain(f);
    }
    // Sources and tests stay out; the ACI object model's data file (read by apic-sim at run time) goes in.
    expect(files).toContain('src/aci/data/aci-model.json.gz');
    expect(files.filter((f) => (/^(src|test|scripts|bench)\//.test(f) && !f.startsWith('src/aci/data/')) || f.endsWith('.ts'))).toEqual([]);
  });

  it('installs at most 50 MiB, with only the dependencies that run', () => {
    const size = sizeOf(installed);
    expect(size / MiB).toBeLessThanOrEqual(50);
    const deps = readdirSync(join(installed, 'node_modules'));
    expect(deps).not.toContain('kubernetes-models');
    expect(deps).not.toContain('tar');
    expect(deps).not.toContain('typescript');
  });

  it('acc-provision prints its version', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const r = run(bin('acc-provision'), ['--version'], work);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('acc-provision generates what the checkout generates', () => {
    const cwd = mkdtempSync(join(work, 'gen-'));
    writeFileSync(join(cwd, 'cluster.yaml'), run(cliPath, ['--sample', '-f', 'kubernetes-1.35'], cwd).stdout);
    const args = (out: string) => [
      '-c',
      'cluster.yaml',
      '-f',
      'kubernetes-1.35',
      '-o',
      `${out}.yaml`,
      '-r',
      `${out}.cr.yaml`,
      '--apic-dump',
      `${out}.apic.txt`,
      '--version-token',
      'package-test',
    ];
    // The checkout's run makes the controller certificate; the installed one reuses it.
    const checkout = run(cliPath, args('checkout'), cwd);
    expect(checkout.status, checkout.stderr).toBe(0);
    const fromPackage = run(bin('acc-provision'), args('package'), cwd);
    expect(fromPackage.status, fromPackage.stderr).toBe(0);
    // It started from the bundle and the code cache the package ships (a rejected cache is rewritten).
    expect(statSync(join(installed, 'dist', 'bundle', 'acc-provision.cjs.cache')).mtimeMs).toBe(shippedCache);
    expect(fromPackage.stderr).toContain('Reusing existing certs');
    for (const suffix of ['.yaml', '.cr.yaml', '.apic.txt']) {
      const theirs = readFileSync(join(cwd, `package${suffix}`), 'utf8');
      expect(theirs.length).toBeGreaterThan(1000);
      expect(theirs).toBe(readFileSync(join(cwd, `checkout${suffix}`), 'utf8'));
    }
  });

  it('apic-sim starts and answers a login', async () => {
    const child = spawn(
      bin('apic-sim'),
      ['--listen', '127.0.0.1:0', '--data', join(work, 'sim-data'), '--admin-password', 'package-pw-1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += String(d);
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (d) => (err += String(d)));
      child.on('exit', (code) => reject(new Error(`apic-sim exited ${code}: ${err}`)));
    });
    const c = new Client(url);
    expect((await c.login('admin', 'package-pw-1')).status).toBe(200);
    const tenant = await c.request('GET', '/api/mo/uni/tn-common.json');
    expect(tenant.status).toBe(200);
    child.kill('SIGTERM');
  });

  // Last: it installs the optional peer into the prefix, which the size check above leaves out.
  it('verify --kubeconfig asks for @kubernetes/client-node, then loads it once installed next to acc-provision', () => {
    const cwd = mkdtempSync(join(work, 'kube-'));
    writeFileSync(join(cwd, 'cluster.yaml'), run(cliPath, ['--sample', '-f', 'kubernetes-1.35'], cwd).stdout);
    const args = ['verify', '-c', 'cluster.yaml', '-u', 'admin', '-p', 'package-pw-2', '--kubeconfig', 'no-such-kubeconfig'];
    const without = run(bin('acc-provision'), args, cwd);
    expect(without.status).toBe(1);
    expect(without.stderr).toContain(`--kubeconfig needs the package @kubernetes/client-node, which is not installed`);
    expect(without.stderr).toContain(`npm install -g '${KUBE_CLIENT_PACKAGE}'`);
    npm(['install', '--global', '--prefix', prefix, '--prefer-offline', KUBE_CLIENT_PACKAGE], work);
    // The bundle reaches the ES module package through require(): it loads, then the missing file is the problem.
    const withIt = run(bin('acc-provision'), args, cwd);
    expect(withIt.status).toBe(1);
    expect(withIt.stderr).toContain('--kubeconfig = "no-such-kubeconfig": no such file');
    expect(withIt.stderr).not.toContain('Warning');
  }, 300_000);
});

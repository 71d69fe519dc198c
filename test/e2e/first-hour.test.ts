// A newcomer's first runs against an APIC (apic-sim in this process): an
// address nothing answers on, Ctrl-C in the middle of -a, no password given,
// plan in CI (--detailed-exitcode) and a readable plan of a changed input.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSchema } from '../../src/sim/seed.js';
import { ensureBuilt } from '../support/cli.js';
import { clusterYaml, sharedSeed } from './support/cluster.js';
import { cliPath, deadPort, FLAVOR, PASSWORD, spawnCli, startFabric, type Fabric } from './support/fabric.js';

let dir: string;
let fabric: Fabric | undefined;
let hostPort: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'acc-e2e-first-'));
});
afterAll(async () => {
  await fabric?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fresh(opts: Parameters<typeof startFabric>[1] = {}): Promise<void> {
  await fabric?.close();
  fabric = await startFabric(seedSchema.parse(sharedSeed()), opts);
  hostPort = fabric.sim.url.replace(/^https:\/\//, '');
}

function config(systemId: string, n: number, hosts?: string[]): string {
  const file = join(dir, `${systemId}.yaml`);
  let text = clusterYaml({ systemId, n, apicHost: hostPort, certDir: dir });
  if (hosts) text = text.replace(`  - ${hostPort}\n`, hosts.map((h) => `  - ${h}\n`).join(''));
  writeFileSync(file, text);
  return file;
}

const env = { ACC_PROVISION_PASS: PASSWORD };

describe('an APIC that cannot be reached', () => {
  it('each retry is said as it happens; the run gives up naming every address tried', async () => {
    const [a, b] = [await deadPort(), await deadPort()];
    hostPort = 'unused:1';
    const cfg = config('rho', 1, [`127.0.0.1:${a}`, `127.0.0.1:${b}`]);
    const r = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', join(dir, 'rho-out.yaml'), '-a', '-u', 'admin'], { cwd: dir, env });
    expect(r.status).toBe(1);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('WARN: APIC '));
    expect(warnings[0]).toBe(`WARN: APIC 127.0.0.1:${a}: connection refused (ECONNREFUSED); trying 127.0.0.1:${b} in 1 s (attempt 2 of 6)`);
    expect(warnings[1]).toBe(`WARN: APIC 127.0.0.1:${b}: connection refused (ECONNREFUSED); trying 127.0.0.1:${a} in 2 s (attempt 3 of 6)`);
    expect(r.stderr).toMatch(
      new RegExp(
        `ERR: +APIC: POST /api/aaaLogin\\.json: giving up after \\d attempts in [\\d.]+ s; tried 127\\.0\\.0\\.1:${a} \\(connection refused \\(ECONNREFUSED\\), \\d attempts\\), 127\\.0\\.0\\.1:${b} \\(connection refused`,
      ),
    );
    expect(existsSync(join(dir, 'rho-out.yaml'))).toBe(false);
  });
});

describe('Ctrl-C during -a', () => {
  it('says how many requests were sent and how to finish, writes no file, exits 130; the next -a finishes', async () => {
    await fresh({ faults: [{ path: '^/api/(node/)?mo/', method: 'POST', latencyMs: 300 }] });
    const cfg = config('sigma', 2);
    const out = join(dir, 'sigma-out.yaml');
    const r = await new Promise<{ status: number | null; stderr: string }>((done, fail) => {
      const child = spawn(cliPath, ['-c', cfg, '-f', FLAVOR, '-o', out, '-a', '-u', 'admin'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        // The plan is printed just before its writes go out; the first waits 300 ms for its answer.
        if (!sent && /INFO: Plan: /.test(stderr)) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 100);
        }
      });
      child.on('error', fail);
      child.on('close', (status) => done({ status, stderr }));
    });
    expect(r.status, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/WARN: interrupted: \d+ of \d+ requests were sent; no output file was written; run -a again to finish/);
    expect(existsSync(out)).toBe(false);
    fabric!.sim.faults.set([]);
    const again = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', out, '-a', '-u', 'admin'], { cwd: dir, env });
    expect(again.status, again.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('no password given', () => {
  it('on a terminal: asked for without echo, then used', async () => {
    const probe = spawnSync('script', ['-qec', 'true', '/dev/null']);
    if (probe.error || probe.status !== 0) {
      console.warn('skipped: `script` (Debian package bsdutils) is needed to give the run a terminal');
      return;
    }
    await fresh();
    const cfg = config('tau', 3);
    const command = [cliPath, 'plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin'].map((a) => `'${a}'`).join(' ');
    const r = await new Promise<{ status: number | null; output: string }>((done, fail) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      delete childEnv.ACC_PROVISION_PASS;
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
      let output = '';
      let typed = false;
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString('utf8');
        if (!typed && output.includes('APIC password for admin: ')) {
          typed = true;
          // Typed only once the prompt shows: the terminal echoes nothing from then on.
          child.stdin.write(`${PASSWORD}\r`);
        }
      });
      child.on('error', fail);
      child.on('close', (status) => done({ status, output }));
    });
    expect(r.output).toContain('APIC password for admin: ');
    expect(r.status, r.output).toBe(0);
    expect(r.output).toMatch(/Plan: \d+ to create/);
    expect(r.output).not.toContain(PASSWORD);
  });

  it('without a terminal: not asked; a clear message, exit 1, nothing sent', async () => {
    await fresh();
    const cfg = config('upsilon', 4);
    const before = fabric!.sim.store.all().length;
    // A new session: no controlling terminal to ask on.
    const r = await new Promise<{ status: number | null; stderr: string }>((done, fail) => {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      delete childEnv.ACC_PROVISION_PASS;
      const child = spawn(cliPath, ['-c', cfg, '-f', FLAVOR, '-a', '-u', 'admin', '-o', join(dir, 'upsilon.yaml')], {
        cwd: dir,
        env: childEnv,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stderr }));
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /ERR: +.*aci_config\.apic_login\.password: required to log in to the APIC: pass -p or set ACC_PROVISION_PASS \(asked for only on a terminal\)/,
    );
    expect(r.stderr).not.toContain('APIC password');
    expect(fabric!.sim.store.all().length).toBe(before);
  });
});

describe('plan', () => {
  it('--detailed-exitcode: 2 with changes, 0 without, 1 on an error', async () => {
    await fresh();
    const cfg = config('phi', 5);
    const changes = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin', '--detailed-exitcode'], { cwd: dir, env });
    expect(changes.status, changes.stderr).toBe(2);
    expect(changes.stdout).toMatch(/^Plan: \d+ to create/m);
    // Without the flag a plan with changes is a success.
    expect((await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin'], { cwd: dir, env })).status).toBe(0);
    const apply = await spawnCli(['-c', cfg, '-f', FLAVOR, '-u', 'admin', '-a', '-o', '/dev/null'], { cwd: dir, env });
    expect(apply.status, apply.stderr).toBe(0);
    const none = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin', '--detailed-exitcode'], { cwd: dir, env });
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/^No changes/m);
    const removal = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin', '--delete', '--detailed-exitcode'], { cwd: dir, env });
    expect(removal.status, removal.stderr).toBe(2);
    const error = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin', '-p', 'wrong-pw', '--detailed-exitcode'], { cwd: dir });
    expect(error.status).toBe(1);
  });

  it('shows a changed accProvisionInput as a line diff of the YAML', async () => {
    await fresh();
    const cfg = config('chi', 6);
    const apply = await spawnCli(['-c', cfg, '-f', FLAVOR, '-u', 'admin', '-a', '-o', '/dev/null'], { cwd: dir, env });
    expect(apply.status, apply.stderr).toBe(0);
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('  controller: 1.1.1.1\n', '  controller: 1.1.1.2\n'));
    const r = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin'], { cwd: dir, env });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const head = lines.findIndex((l) => /^ {6}accProvisionInput: 1 line removed, 1 added$/.test(l));
    expect(head, r.stdout).toBeGreaterThan(-1);
    const diff = lines.slice(head + 1).filter((l) => /^ {8}[-+ .]/.test(l));
    expect(diff).toContain('        -   controller: 1.1.1.1');
    expect(diff).toContain('        +   controller: 1.1.1.2');
    // No escaped one-line string.
    expect(r.stdout).not.toMatch(/accProvisionInput: ".*\\n/);
  });
});

// bin/apic-sim as a separate process: persistence across kill -9, clean
// SIGTERM, dump and load.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt } from '../support/cli.js';
import { Client } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let launcher: string;
let work: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  launcher = join(repo, 'bin/apic-sim');
  work = mkdtempSync(join(tmpdir(), 'apic-sim-'));
}, BUILD_TIMEOUT);

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Starts the simulator and resolves with its URL once it prints it. */
function run(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [launcher, ...args], {
    env: { ...process.env, APIC_SIM_PASSWORD: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolvePromise, reject) => {
    child.stdout.on('data', (d) => {
      out += String(d);
      const m = /listening on (\S+)/.exec(out);
      if (m) resolvePromise({ child, url: m[1], out: () => out });
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => reject(new Error(`apic-sim exited ${code}: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
}

describe('bin/apic-sim process', () => {
  it('keeps committed objects, the password and the certificate across kill -9 and restart; stops cleanly on SIGTERM', async () => {
    const data = join(work, 'fabric');
    const first = await run(['--listen', '127.0.0.1:0', '--data', data]);
    const pw = /admin password \(shown once\): (\S+)/.exec(first.out())?.[1];
    expect(pw).toBeDefined();
    const cert = readFileSync(join(data, 'tls.crt'), 'utf8');
    const c = new Client(first.url);
    expect((await c.login('admin', pw)).status).toBe(200);
    expect(
      (
        await c.post('/api/mo/uni/tn-durable.json', {
          fvTenant: { attributes: { name: 'durable' }, children: [{ fvCtx: { attributes: { name: 'v' } } }] },
        })
      ).status,
    ).toBe(200);
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');

    const second = await run(['--listen', '127.0.0.1:0', '--data', data]);
    expect(second.out()).not.toContain('admin password');
    expect(readFileSync(join(data, 'tls.crt'), 'utf8')).toBe(cert);
    const c2 = new Client(second.url);
    expect((await c2.login('admin', pw)).status).toBe(200);
    expect((await c2.get('/api/mo/uni/tn-durable/ctx-v.json')).body.totalCount).toBe('1');
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });
  });

  it('dump writes the tree; load restores it into another data folder', async () => {
    const a = join(work, 'a');
    const first = await run(['--listen', '127.0.0.1:0', '--data', a, '--admin-password', 'pw-a-1', '--http']);
    expect(first.url).toMatch(/^http:\/\//);
    const c = new Client(first.url);
    await c.login('admin', 'pw-a-1');
    await c.post('/api/mo/uni/tn-moved.json', { fvTenant: { attributes: { name: 'moved' } } });
    first.child.kill('SIGTERM');
    await exited(first.child);

    const file = join(work, 'dump.json');
    const dump = spawnSync(process.execPath, [launcher, 'dump', '--data', a, '-o', file], { encoding: 'utf8' });
    expect(dump.status).toBe(0);
    const tree = JSON.parse(readFileSync(file, 'utf8'));
    expect(tree.imdata.map((w: Record<string, unknown>) => Object.keys(w)[0]).sort()).toEqual(['compUni', 'fabricTopology', 'polUni']);
    expect(readFileSync(file, 'utf8')).toContain('uni/tn-moved');
    expect(readFileSync(file, 'utf8')).not.toContain('pw-a-1');

    const b = join(work, 'b');
    mkdirSync(b);
    const load = spawnSync(process.execPath, [launcher, 'load', '--data', b, file], { encoding: 'utf8' });
    expect(load.status).toBe(0);
    expect(load.stdout).toMatch(/loaded \d+ objects/);
    const second = await run(['--listen', '127.0.0.1:0', '--data', b, '--admin-password', 'pw-b-1', '--http']);
    const c2 = new Client(second.url);
    await c2.login('admin', 'pw-b-1');
    expect((await c2.get('/api/mo/uni/tn-moved.json')).body.totalCount).toBe('1');
    second.child.kill('SIGTERM');
    await exited(second.child);

    const bad = spawnSync(process.execPath, [launcher, 'load', '--data', b, join(work, 'missing.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('missing.json');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a bad seed file and a bad flag without a stack trace', async () => {
    const seed = join(work, 'seed.yaml');
    writeFileSync(seed, 'infra_vlan: 5000\naeps: [ok]\ncolour: red\n');
    const r = spawnSync(process.execPath, [launcher, '--listen', '127.0.0.1:0', '--seed', seed], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('infra_vlan = 5000');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const flag = spawnSync(process.execPath, [launcher, '--listen', 'nowhere'], { encoding: 'utf8' });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--listen nowhere');
  });
});

// Operations: one simulator per data folder, a restart keeps the saved
// fabric, the "applied, answer lost" fault, logout by header, and the
// apic-sim command line's own answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../src/sim/server.js';
import { Client, PASSWORD, simWithClient, testTls } from './helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = join(repo, 'bin/apic-sim');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'apic-sim-ops-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', env: { ...process.env, APIC_SIM_PASSWORD: '' } });

describe('the data folder', () => {
  it('is used by one simulator at a time: a second one and apic-sim load are refused', async () => {
    const data = join(work, 'locked');
    const opts = { listen: '127.0.0.1:0', data, adminPassword: PASSWORD, tls: await testTls() };
    const sim = await startSim(opts);
    try {
      await expect(startSim(opts)).rejects.toThrow(/in use/);
      const dump = cli('dump', '--data', data);
      expect(dump.status).toBe(0);
      writeFileSync(join(work, 'dump.json'), dump.stdout);
      const load = cli('load', '--data', data, join(work, 'dump.json'));
      expect(load.status).toBe(1);
      expect(load.stderr).toMatch(
        /apic-sim: --data = ".*locked": is in use by another apic-sim \(process \d+\); stop it before loading a dump into it/,
      );
    } finally {
      await sim.close();
    }
    expect(cli('load', '--data', data, join(work, 'dump.json')).status).toBe(0);
    const again = await startSim(opts);
    await again.close();
  });

  it('keeps the saved fabric on a restart without --seed; a seed given again applies', async () => {
    const data = join(work, 'kept');
    const seed = { version: '6.0(2h)', infra_vlan: 3001, aeps: ['a1'] };
    const opts = { listen: '127.0.0.1:0', data, adminPassword: PASSWORD, tls: await testTls() };
    const infra = 'uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]';
    let sim = await startSim({ ...opts, seed: { ...(await import('../../src/sim/seed.js')).defaultSeed(), ...seed } });
    const c = new Client(sim.url);
    await c.login();
    expect((await c.del('/api/mo/uni/infra/attentp-a1.json')).status).toBe(200);
    await sim.close();

    sim = await startSim(opts);
    expect(sim.store.get(infra)?.attrs.encap).toBe('vlan-3001');
    expect(sim.store.get('topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning')?.attrs.version).toBe('6.0(2h)');
    expect(sim.store.get('uni/infra/attentp-a1')).toBeUndefined();
    await sim.close();

    sim = await startSim({ ...opts, seed: { ...(await import('../../src/sim/seed.js')).defaultSeed(), ...seed, infra_vlan: 3002 } });
    expect(sim.store.get(infra)?.attrs.encap).toBe('vlan-3002');
    expect(sim.store.get('uni/infra/attentp-a1')).toBeDefined();
    await sim.close();
  });
});

describe('the lost-answer fault and logout by header', () => {
  it('applies a write whose answer is lost', async () => {
    const { sim, client } = await simWithClient({ faults: [{ path: '^/api/mo/uni/tn-lost', method: 'POST', lostRate: 1 }] });
    try {
      await expect(client.post('/api/mo/uni/tn-lost.json', { fvTenant: { attributes: { name: 'lost' } } })).rejects.toThrow();
      expect((await client.get('/api/mo/uni/tn-lost.json')).body.totalCount).toBe('1');
    } finally {
      await sim.close();
    }
  });

  it('ends a session whose token comes only in the APIC-cookie header', async () => {
    const { sim, client } = await simWithClient();
    try {
      const token = client.token!;
      const out = await client.request(
        'POST',
        '/api/aaaLogout.json',
        { aaaUser: { attributes: { name: 'admin' } } },
        { 'APIC-cookie': token, cookie: '' },
      );
      expect(out.status).toBe(200);
      expect((await client.get('/api/mo/uni.json')).status).toBe(403);
    } finally {
      await sim.close();
    }
  });
});

describe('apic-sim command line', () => {
  it('prints its version and, in its help, the options of serve', () => {
    const v = cli('--version');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
    const h = cli('--help');
    expect(h.status).toBe(0);
    for (const o of ['--listen', '--data', '--seed', '--admin-password', '--fault', 'lost=RATE']) expect(h.stdout).toContain(o);
  });

  it('refuses to dump a folder that holds no simulator, and makes none', () => {
    const typo = join(work, 'typo');
    const r = cli('dump', '--data', typo);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `apic-sim: --data = ${JSON.stringify(typo)}: holds no simulator data (no apic-sim.db): give the --data folder of a simulator\n`,
    );
    expect(existsSync(typo)).toBe(false);
  });

  it('says plainly what is wrong with a seed or a dump file', () => {
    const missing = cli('--seed', join(work, 'none.yaml'), '--listen', '127.0.0.1:0');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`apic-sim: --seed = ${JSON.stringify(join(work, 'none.yaml'))}: no such file\n`);
    const list = join(work, 'list.yaml');
    writeFileSync(list, '[1, 2]\n');
    const bad = cli('--seed', list, '--listen', '127.0.0.1:0');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`apic-sim: ${list}: Invalid input: expected object, received array\n`);
    const noDump = cli('load', '--data', join(work, 'x'), join(work, 'none.json'));
    expect(noDump.status).toBe(1);
    expect(noDump.stderr).toBe(`apic-sim: ${join(work, 'none.json')}: cannot be read: no such file or folder\n`);
    expect(noDump.stderr).not.toContain('ENOENT');
  });
});

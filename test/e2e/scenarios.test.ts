// End-to-end scenarios of -a/-d/plan through the CLI's flow (in-process)
// against apic-sim over HTTPS: shared fabrics, faults, interrupted runs,
// certificate changes, discovery, prerequisites.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApicError, InputError } from '../../src/errors.js';
import { seedSchema } from '../../src/sim/seed.js';
import { clusterYaml, sharedSeed, SHARED } from './support/cluster.js';
import { conformanceDir, deadPort, PASSWORD, runInProcess, startFabric, type Fabric } from './support/fabric.js';

const apply = { mode: 'apply', planOnly: false } as const;
const remove = { mode: 'delete', planOnly: false } as const;
const seed = (o = {}) => seedSchema.parse(sharedSeed(o));

const tmp = mkdtempSync(join(tmpdir(), 'acc-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** DN -> row of the objects whose DN mentions a cluster's system id. */
function clusterRows(f: Fabric, id: string): string[] {
  const re = new RegExp(`(^|[^a-z0-9])${id}([^a-z0-9]|$)`);
  return [...f.rows().entries()]
    .filter(([dn]) => re.test(dn))
    .map(([dn, r]) => `${dn} ${JSON.stringify(r)}`)
    .sort();
}

describe('two clusters on one fabric', () => {
  it('each -a adds its own objects; -d of one leaves the other intact, and the shared prerequisites too', async () => {
    const f = await startFabric(seed());
    try {
      const a = clusterYaml({ systemId: 'alpha', n: 1 });
      const b = clusterYaml({ systemId: 'beta', n: 2 });
      await runInProcess(f, 'alpha.yaml', apply, { text: a });
      const onlyAlpha = clusterRows(f, 'alpha');
      await runInProcess(f, 'beta.yaml', apply, { text: b });
      const betaBefore = clusterRows(f, 'beta');
      expect(betaBefore.length).toBeGreaterThan(50);
      // beta's -a did not touch alpha's objects.
      expect(clusterRows(f, 'alpha')).toEqual(onlyAlpha);

      const del = await runInProcess(f, 'alpha.yaml', remove, { text: a });
      expect(del.client!.stats.deletes).toBeGreaterThan(0);
      expect(clusterRows(f, 'alpha')).toEqual([]);
      expect(clusterRows(f, 'beta')).toEqual(betaBefore);
      const rows = f.rows();
      for (const dn of [
        `uni/infra/attentp-${SHARED.aep}`,
        `uni/tn-common/ctx-${SHARED.vrf}`,
        `uni/tn-common/out-${SHARED.l3out}/instP-${SHARED.extEpg}`,
      ]) {
        expect(rows.has(dn), dn).toBe(true);
      }
      // beta still converged: its plan is empty.
      const again = await runInProcess(f, 'beta.yaml', apply, { text: b });
      expect(again.client!.stats.posts + again.client!.stats.deletes).toBe(0);
    } finally {
      await f.close();
    }
  });
});

describe('round trips', () => {
  it("the plan's reads (-a) and the removal's reads (-d) go out with discovery's, not after its answers", async () => {
    // Discovery's version read held 300 ms: a read sent with it is answered first, one sent after it is answered later.
    const answered: string[] = [];
    const f = await startFabric(seed(), { log: (line) => answered.push(line.split(' ')[1] ?? '') });
    try {
      const text = clusterYaml({ systemId: 'zeta', n: 4 });
      const order = async (run: typeof apply | typeof remove) => {
        answered.length = 0;
        f.sim.faults.set([{ path: '^/api/node/class/firmwareCtrlrRunning', latencyMs: 300 }]);
        await runInProcess(f, 'zeta.yaml', run, { text });
        f.sim.faults.set([]);
        return {
          version: answered.indexOf('/api/node/class/firmwareCtrlrRunning.json'),
          tenant: answered.indexOf('/api/mo/uni/tn-zeta.json'),
        };
      };
      const a = await order(apply);
      expect(a.version).toBeGreaterThan(0);
      expect(a.tenant).toBeGreaterThan(0);
      expect(a.tenant).toBeLessThan(a.version);
      const d = await order(remove);
      expect(d.tenant).toBeGreaterThan(0);
      expect(d.tenant).toBeLessThan(d.version);
      // -d reads its own tenant whole: nothing below it is asked for apart.
      expect(answered.filter((path) => path.startsWith('/api/mo/uni/tn-zeta/'))).toEqual([]);
      expect(clusterRows(f, 'zeta')).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

describe('faults', () => {
  it('converges through 503s, dropped connections, latency and a dead first APIC', async () => {
    const f = await startFabric(seed(), {
      faults: [
        { path: '^/api/', latencyMs: 5 },
        { path: '^/api/(node/)?mo/', errorRate: 0.25, errorStatus: 503 },
        { path: '^/api/(node/)?mo/', dropRate: 0.1 },
      ],
    });
    try {
      const text = clusterYaml({ systemId: 'gamma', n: 3 });
      const dead = await deadPort();
      const client = { hosts: [`127.0.0.1:${dead}`, f.sim.url], maxRetries: 15 };
      const first = await runInProcess(f, 'gamma.yaml', apply, { text, client });
      expect(first.client!.stats.retries).toBeGreaterThan(0);
      expect(first.client!.currentHost).toBe(f.sim.url);
      f.sim.faults.set([]);
      const second = await runInProcess(f, 'gamma.yaml', apply, { text });
      expect(second.client!.stats.posts + second.client!.stats.deletes).toBe(0);

      f.sim.faults.set([{ path: '^/api/(node/)?mo/', errorRate: 0.25, errorStatus: 503 }]);
      await runInProcess(f, 'gamma.yaml', remove, { text, client });
      f.sim.faults.set([]);
      expect(clusterRows(f, 'gamma')).toEqual([]);
    } finally {
      await f.close();
    }
  });

  it('a run cut off writes nothing: no output file and, the writes being one transaction, no object; the next run completes it, and one more sends nothing', async () => {
    const f = await startFabric(seed());
    try {
      const text = clusterYaml({ systemId: 'delta', n: 4 });
      const out = join(tmp, 'delta.yaml');
      f.sim.faults.set([{ path: '^/api/(node/)?mo/', method: 'POST', dropRate: 1 }]);
      const lines: string[] = [];
      await expect(
        runInProcess(f, 'delta.yaml', apply, { text, raw: { output: out }, client: { maxRetries: 1 }, lines }),
      ).rejects.toBeInstanceOf(ApicError);
      expect(lines.join('')).toMatch(/WARN: 0 of \d+ requests were sent before the failure; no output file was written/);
      expect(existsSync(out)).toBe(false);
      expect(clusterRows(f, 'delta')).toEqual([]);

      f.sim.faults.set([]);
      const resumed = await runInProcess(f, 'delta.yaml', apply, { text, raw: { output: out } });
      expect(resumed.client!.stats.posts).toBeGreaterThan(0);
      expect(readFileSync(out, 'utf8')).toContain('aci-containers-config');
      expect(clusterRows(f, 'delta').length).toBeGreaterThan(50);
      const third = await runInProcess(f, 'delta.yaml', apply, { text });
      expect(third.client!.stats.posts + third.client!.stats.deletes).toBe(0);
    } finally {
      await f.close();
    }
  });
});

describe('the controller user', () => {
  it('is recreated with a new certificate, and left alone when the certificate is the same', async () => {
    const f = await startFabric(seed());
    try {
      const text = clusterYaml({ systemId: 'eps', n: 5 });
      const one = { certPem: 'CERT-ONE\n', keyPem: 'KEY-ONE\n' };
      const two = { certPem: 'CERT-TWO\n', keyPem: 'KEY-TWO\n' };
      await runInProcess(f, 'eps.yaml', apply, { text, cert: one });
      const same = await runInProcess(f, 'eps.yaml', apply, { text, cert: one });
      expect(same.client!.stats.posts + same.client!.stats.deletes).toBe(0);

      const changed = await runInProcess(f, 'eps.yaml', apply, { text, cert: two });
      expect(changed.client!.stats.deletes).toBe(1);
      expect(changed.lines.join('')).toMatch(/recreating it/);
      expect(changed.lines.join('')).toMatch(/DELETE uni\/userext\/user-eps/);
      const cert = f.rows().get('uni/userext/user-eps/usercert-eps.crt');
      expect(cert?.attrs['data']).toBe('CERT-TWO\n');
      // The private key is posted in the cluster info, never printed.
      expect(changed.lines.join('')).not.toContain('KEY-TWO');
    } finally {
      await f.close();
    }
  });
});

describe('discovery', () => {
  it("uses the fabric's infra VLAN (warning when the file differs) and its APIC version", async () => {
    const f = await startFabric(seed({ infra_vlan: 3967, version: '5.2(3e)' }));
    try {
      const text = clusterYaml({ systemId: 'zeta', n: 6, infraVlan: 4093 });
      const run = await runInProcess(f, 'zeta.yaml', apply, { text });
      const log = run.lines.join('');
      expect(log).toMatch(/WARN: .*infra VLAN \(3967\) differs from the file's \(4093\)/);
      expect(log).toMatch(/APIC version 5\.2\(3e\)/);
      const rows = f.rows();
      expect(rows.get('uni/infra/attentp-shared-aep/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]')?.attrs['encap']).toBe(
        'vlan-3967',
      );
      // 5.2(3) and later: the leaf-scoped OpFlex settings.
      expect(rows.get('uni/infra/settings')?.attrs['leafOpflexpUseSsl']).toBeDefined();
    } finally {
      await f.close();
    }
  });
});

const nestedInput = join(conformanceDir, 'testdata', 'nested-portgroup.inp.yaml');

describe.skipIf(!existsSync(nestedInput))('a second kube-api port group (nodes nested inside VMware)', () => {
  it("adds the kube-api VLAN to the VMware domain's pool the APIC names, and -d takes only that block back", async () => {
    const text = readFileSync(nestedInput, 'utf8')
      .replace('use_legacy_kube_naming_convention: True', 'use_legacy_kube_naming_convention: False')
      .replace('net_config:\n', 'net_config:\n  second_kubeapi_portgroup: true\n');
    const f = await startFabric(
      seedSchema.parse({
        aeps: ['kube-aep'],
        vrfs: [{ tenant: 'common', name: 'kube' }],
        l3outs: [{ tenant: 'common', name: 'l3out', vrf: 'kube', external_networks: ['default'] }],
        vmware_domains: [{ name: 'myvmware', vlan_pool: 'vmw-pool' }],
      }),
    );
    try {
      const pool = 'uni/infra/vlanns-[vmw-pool]-dynamic';
      await runInProcess(f, 'nested.yaml', apply, { text });
      const rows = f.rows();
      expect(rows.get(`${pool}/from-[vlan-4001]-to-[vlan-4001]`)?.attrs).toMatchObject({ from: 'vlan-4001', to: 'vlan-4001' });
      expect(
        rows.get('uni/tn-kube/ap-aci-containers-kube/epg-aci-containers-nodes/rsdomAtt-[uni/vmmp-VMware/dom-myvmware]')?.attrs['encap'],
      ).toBe('vlan-4001');
      expect(rows.has('uni/vmmp-VMware/dom-myvmware/usrcustomaggr-kube-test')).toBe(true);
      const again = await runInProcess(f, 'nested.yaml', apply, { text });
      expect(again.client!.stats.posts + again.client!.stats.deletes).toBe(0);

      await runInProcess(f, 'nested.yaml', remove, { text });
      const after = f.rows();
      expect(after.has(`${pool}/from-[vlan-4001]-to-[vlan-4001]`)).toBe(false);
      expect(after.has('uni/vmmp-VMware/dom-myvmware/usrcustomaggr-kube-test')).toBe(false);
      // The user's pool, its own block and the VMware domain stay.
      expect(after.has(pool)).toBe(true);
      expect(after.has(`${pool}/from-[vlan-1000]-to-[vlan-1999]`)).toBe(true);
      expect(after.has('uni/vmmp-VMware/dom-myvmware')).toBe(true);
    } finally {
      await f.close();
    }
  });
});

describe('prerequisites', () => {
  it('names every missing prerequisite, exits before any write, and writes no output file', async () => {
    const f = await startFabric(seedSchema.parse({ vrfs: [{ tenant: 'common', name: SHARED.vrf }] }));
    try {
      const text = clusterYaml({ systemId: 'eta', n: 7 });
      const out = join(tmp, 'eta.yaml');
      const before = f.rows();
      let err: unknown;
      try {
        await runInProcess(f, 'eta.yaml', apply, { text, raw: { output: out } });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems;
      expect(problems.map((p) => p.field).sort()).toEqual(['aci_config.aep', 'aci_config.l3out.name']);
      expect(problems.find((p) => p.field === 'aci_config.aep')).toMatchObject({
        value: SHARED.aep,
        rule: expect.stringContaining('uni/infra/attentp-shared-aep'),
      });
      expect(f.rows()).toEqual(before);
      expect(existsSync(out)).toBe(false);
    } finally {
      await f.close();
    }
  });
});

describe('plan', () => {
  it('prints the plan of -a as data and of -d as text, sending no write; secrets are masked', async () => {
    const f = await startFabric(seed());
    try {
      const text = clusterYaml({ systemId: 'theta', n: 8 });
      const before = f.rows();
      const json = await runInProcess(f, 'theta.yaml', { mode: 'apply', planOnly: true }, { text, raw: { outputFormat: 'json' } });
      const plan = JSON.parse(json.stdout) as {
        summary: { create: number; requests: number };
        requests: Array<{ method: string; path: string }>;
      };
      expect(plan.summary.create).toBeGreaterThan(50);
      expect(plan.requests.length).toBe(plan.summary.requests);
      // Every root below uni goes as one transaction (provision/transaction.ts); the VMM inventory after it.
      expect(plan.requests[0].path).toBe('/api/mo/uni.json');
      for (const r of plan.requests.slice(1)) expect(r.path).toMatch(/^\/api\/mo\/comp\//);
      expect(JSON.stringify(plan.requests[0])).toContain('"name":"theta"');
      expect(json.stdout).not.toContain(PASSWORD);
      expect(json.stdout).toContain('(secret, not shown)');
      expect(json.client!.stats.posts + json.client!.stats.deletes).toBe(0);
      expect(f.rows()).toEqual(before);

      await runInProcess(f, 'theta.yaml', apply, { text });
      const del = await runInProcess(f, 'theta.yaml', { mode: 'delete', planOnly: true }, { text });
      expect(del.stdout).toMatch(/- delete fvTenant uni\/tn-theta/);
      expect(del.stdout).toMatch(/= keep .*infraAttEntityP|delete requests to send/);
      expect(del.client!.stats.deletes).toBe(0);
      expect(f.rows().has('uni/tn-theta')).toBe(true);
    } finally {
      await f.close();
    }
  });
});

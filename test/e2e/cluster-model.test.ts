// The one cluster model (src/cluster) against apic-sim over HTTPS: what -a
// writes is what verify checks, whatever the fabric reports; bad names and
// clashes with other clusters stop a run before its first write; leftovers of
// the cluster's earlier configurations are planned, removed, and gone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { seedSchema } from '../../src/sim/seed.js';
import { runVerify } from '../../src/verify/command.js';
import { clusterYaml, sharedSeed, SHARED } from './support/cluster.js';
import { FLAVOR, PASSWORD, runInProcess, startFabric, testCert, type Fabric } from './support/fabric.js';

const apply = { mode: 'apply', planOnly: false } as const;
const plan = { mode: 'apply', planOnly: true } as const;
const seed = (o = {}) => seedSchema.parse(sharedSeed(o));

const tmp = mkdtempSync(join(tmpdir(), 'acc-model-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes (POST and DELETE) the simulator received, counted by its own store. */
function snapshot(f: Fabric): string {
  return JSON.stringify([...f.rows().entries()].sort());
}

async function verify(f: Fabric, text: string): Promise<{ ok: boolean; output: string }> {
  const file = join(tmp, `verify-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text.replace(/apic_hosts:\n {2}- \S+/, `apic_hosts:\n  - 127.0.0.1:${f.sim.port}`));
  const cert = await testCert();
  const warnings: string[] = [];
  const { ok, output } = await runVerify(
    { config: file, flavor: FLAVOR, username: 'admin', password: PASSWORD, outputFormat: 'text' },
    { env: {}, warn: (m) => warnings.push(m), clientExtra: { ca: cert.cert, retryBaseDelayMs: 1, maxRetries: 0 } },
  );
  return { ok, output };
}

function withoutInfraVlan(text: string): string {
  return text.replace(/^ {2}infra_vlan: .*\n/m, '');
}

describe('verify right after -a passes, whatever the fabric reports', () => {
  const cases: Array<{ name: string; seed: Record<string, unknown>; text: (t: string) => string; expectLine?: RegExp }> = [
    {
      name: 'infra VLAN left to the fabric',
      seed: { infra_vlan: 3967 },
      text: withoutInfraVlan,
      expectLine: /Using infra_vlan from ACI: 3967/,
    },
    {
      name: "the fabric's infra VLAN differs from the file's",
      seed: { infra_vlan: 3967 },
      text: (t) => t,
      expectLine: /differs from the file's \(4093\); using the fabric's/,
    },
    {
      name: 'client_cert: true (APIC 5.2: leaf OpFlex settings)',
      seed: {},
      text: (t) => t.replace('  sync_login:', '  client_cert: true\n  sync_login:'),
    },
    { name: 'an APIC 6.x', seed: { version: '6.0(2h)' }, text: (t) => t, expectLine: /APIC version 6\.0\(2h\)/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const f = await startFabric(seed(c.seed));
      try {
        const text = c.text(clusterYaml({ systemId: 'alpha', n: 1 }));
        const run = await runInProcess(f, 'alpha.yaml', apply, { text });
        if (c.expectLine) expect(run.lines.join('\n')).toMatch(c.expectLine);
        const v = await verify(f, text);
        expect(v.output).not.toMatch(/^FAIL/m);
        expect(v.ok).toBe(true);
        // And a second -a has nothing to write.
        const again = await runInProcess(f, 'alpha.yaml', apply, { text });
        expect(again.client!.stats.posts + again.client!.stats.deletes).toBe(0);
      } finally {
        await f.close();
      }
    });
  }

  it('without the infra VLAN in the file or from the fabric, -a names the field and sends nothing', async () => {
    const f = await startFabric(seed());
    try {
      // The simulator's default AEP binding carries the infra VLAN: remove it, as on a fabric that reports none.
      const admin = f.client();
      await admin.delete('uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]');
      const before = snapshot(f);
      const err = await runInProcess(f, 'alpha.yaml', apply, { text: withoutInfraVlan(clusterYaml({ systemId: 'alpha', n: 1 })) }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems.map((p) => p.field)).toEqual(['net_config.infra_vlan']);
      expect(snapshot(f)).toBe(before);
    } finally {
      await f.close();
    }
  });
});

describe('names the APIC would refuse', () => {
  const bad: Array<[string, (t: string) => string, string]> = [
    [
      'a tenant with a non-ASCII letter',
      (t) => t.replace('aci_config:\n', 'aci_config:\n  tenant:\n    name: prod1-k8s-ü\n'),
      'aci_config.tenant.name',
    ],
    [
      'a custom EPG with a space',
      (t) => t.replace('aci_config:\n', 'aci_config:\n  custom_epgs:\n  - pay ments\n'),
      'aci_config.custom_epgs[0]',
    ],
    ['a 70-character AEP', (t) => t.replace(`aep: ${SHARED.aep}`, `aep: ${'a'.repeat(70)}`), 'aci_config.aep'],
  ];
  it.each(bad)('%s: exit with the field, value and rule; not one request sent', async (_name, edit, field) => {
    const f = await startFabric(seed());
    try {
      const before = snapshot(f);
      const lines: string[] = [];
      const err = await runInProcess(f, 'alpha.yaml', apply, { text: edit(clusterYaml({ systemId: 'alpha', n: 1 })), lines }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      const problem = (err as InputError).problems.find((p) => p.field === field);
      expect(problem?.rule).toMatch(/must be an APIC name/);
      expect(lines.join('\n')).not.toMatch(/Logging in/);
      expect(snapshot(f)).toBe(before);
    } finally {
      await f.close();
    }
  });
});

describe("the cluster's leftovers", () => {
  it('a custom EPG dropped from the file: planned as a deletion, removed by -a, then nothing to do', async () => {
    const f = await startFabric(seed());
    try {
      const base = clusterYaml({ systemId: 'alpha', n: 1 });
      const two = base.replace('aci_config:\n', 'aci_config:\n  custom_epgs:\n  - payments\n  - orders\n');
      const one = base.replace('aci_config:\n', 'aci_config:\n  custom_epgs:\n  - payments\n');
      await runInProcess(f, 'alpha.yaml', apply, { text: two });
      const epg = 'uni/tn-alpha/ap-aci-containers-alpha/epg-orders';
      expect(f.rows().has(epg)).toBe(true);

      const planned = await runInProcess(f, 'alpha.yaml', plan, { text: one });
      expect(planned.stdout).toContain(`- delete  fvAEPg ${epg}`);
      expect(planned.client!.stats.posts + planned.client!.stats.deletes).toBe(0);

      const applied = await runInProcess(f, 'alpha.yaml', apply, { text: one });
      expect(applied.client!.stats.deletes).toBe(1);
      expect(f.rows().has(epg)).toBe(false);
      expect(f.rows().has('uni/tn-alpha/ap-aci-containers-alpha/epg-payments')).toBe(true);

      const again = await runInProcess(f, 'alpha.yaml', apply, { text: one });
      expect(again.client!.stats.posts + again.client!.stats.deletes).toBe(0);
      expect((await verify(f, one)).ok).toBe(true);
    } finally {
      await f.close();
    }
  });

  it("a renamed L3Out: the old BD relation and the old external EPG's contract go; the user's objects stay", async () => {
    const f = await startFabric(
      seed({
        l3outs: [
          { tenant: SHARED.tenant, name: SHARED.l3out, vrf: SHARED.vrf, external_networks: [SHARED.extEpg] },
          { tenant: SHARED.tenant, name: 'new-l3out', vrf: SHARED.vrf, external_networks: ['new-ext'] },
        ],
      }),
    );
    try {
      const old = clusterYaml({ systemId: 'alpha', n: 1 });
      const renamed = old.replace(`name: ${SHARED.l3out}`, 'name: new-l3out').replace(`- ${SHARED.extEpg}`, '- new-ext');
      await runInProcess(f, 'alpha.yaml', apply, { text: old });
      const oldRel = 'uni/tn-alpha/BD-aci-containers-alpha-node-bd/rsBDToOut-shared-l3out';
      const oldProv = `uni/tn-common/out-${SHARED.l3out}/instP-${SHARED.extEpg}/rsprov-alpha-l3out-allow-all`;
      expect(f.rows().has(oldRel)).toBe(true);
      expect(f.rows().has(oldProv)).toBe(true);

      const planned = await runInProcess(f, 'alpha.yaml', plan, { text: renamed });
      expect(planned.stdout).toContain(`- delete  fvRsBDToOut ${oldRel}`);
      expect(planned.stdout).toContain(`- delete  fvRsProv ${oldProv}`);

      await runInProcess(f, 'alpha.yaml', apply, { text: renamed });
      const rows = f.rows();
      expect(rows.has(oldRel)).toBe(false);
      expect(rows.has(oldProv)).toBe(false);
      expect(rows.has(`uni/tn-common/out-${SHARED.l3out}/instP-${SHARED.extEpg}`)).toBe(true);
      expect(rows.has('uni/tn-alpha/BD-aci-containers-alpha-node-bd/rsBDToOut-new-l3out')).toBe(true);
      const again = await runInProcess(f, 'alpha.yaml', apply, { text: renamed });
      expect(again.client!.stats.posts + again.client!.stats.deletes).toBe(0);
    } finally {
      await f.close();
    }
  });

  it("objects of the cluster's kind that are not its own (no annotation) are never touched", async () => {
    const f = await startFabric(seed());
    try {
      const text = clusterYaml({ systemId: 'alpha', n: 1 });
      await runInProcess(f, 'alpha.yaml', apply, { text });
      const admin = f.client();
      // A user's own EPG in the cluster's application profile, made from the GUI (no annotation).
      await admin.post('uni/tn-alpha/ap-aci-containers-alpha/epg-users-own', {
        className: 'fvAEPg',
        attributes: { name: 'users-own' },
        children: [],
      });
      const again = await runInProcess(f, 'alpha.yaml', apply, { text });
      expect(again.client!.stats.deletes).toBe(0);
      expect(f.rows().has('uni/tn-alpha/ap-aci-containers-alpha/epg-users-own')).toBe(true);
    } finally {
      await f.close();
    }
  });
});

describe('clusters sharing a fabric', () => {
  it('a second and a third cluster that clash with the first are refused, naming it; nothing is written', async () => {
    const f = await startFabric(seed());
    try {
      await runInProcess(f, 'alpha.yaml', apply, { text: clusterYaml({ systemId: 'alpha', n: 1 }) });
      const before = snapshot(f);
      const refused = async (text: string): Promise<string> => {
        const err = await runInProcess(f, 'x.yaml', apply, { text }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect(snapshot(f)).toBe(before);
        return (err as InputError).problems.map((p) => `${p.field} = ${String(p.value)}: ${p.rule}`).join('\n');
      };
      // beta: alpha's kube-api VLAN on the same AEP.
      const beta = clusterYaml({ systemId: 'beta', n: 2 }).replace('kubeapi_vlan: 102', 'kubeapi_vlan: 101');
      const betaText = await refused(beta);
      expect(betaText).toMatch(/^net_config\.kubeapi_vlan = 101: .*vlanns-\[alpha-pool\]-static.*alpha/m);
      // gamma: a multicast range overlapping alpha's.
      const gamma = clusterYaml({ systemId: 'gamma', n: 3 }).replace(/start: 225\.23\.1\.1/, 'start: 225.21.200.1');
      expect(await refused(gamma)).toMatch(
        /^aci_config\.vmm_domain\.mcast_range = 225\.21\.200\.1-225\.23\.255\.255: overlaps .*alpha-mpool.* cluster alpha/m,
      );
      // delta: alpha's system id in another tenant.
      const delta = clusterYaml({ systemId: 'alpha', n: 4 }).replace('aci_config:\n', 'aci_config:\n  tenant:\n    name: delta\n');
      expect(await refused(delta)).toMatch(
        /^aci_config\.system_id = alpha: another cluster already uses the VMM domain uni\/vmmp-Kubernetes\/dom-alpha/m,
      );
      // A cluster without clashes still goes in.
      await runInProcess(f, 'epsilon.yaml', apply, { text: clusterYaml({ systemId: 'epsilon', n: 5 }) });
      expect(f.rows().has('uni/vmmp-Kubernetes/dom-epsilon')).toBe(true);
    } finally {
      await f.close();
    }
  });

  it('an L3Out in another VRF gets a warning, as with the Python tool', async () => {
    const f = await startFabric(
      seed({
        vrfs: [
          { tenant: SHARED.tenant, name: SHARED.vrf },
          { tenant: SHARED.tenant, name: 'other-vrf' },
        ],
        l3outs: [{ tenant: SHARED.tenant, name: SHARED.l3out, vrf: 'other-vrf', external_networks: [SHARED.extEpg] }],
      }),
    );
    try {
      const run = await runInProcess(f, 'alpha.yaml', apply, { text: clusterYaml({ systemId: 'alpha', n: 1 }) });
      expect(run.lines.join('\n')).toMatch(/WARN.*aci_config\.l3out\.name: the L3Out shared-l3out is in the VRF .*other-vrf/);
    } finally {
      await f.close();
    }
  });
});

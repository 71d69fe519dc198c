// OpenShift chained CNI and VMM lite through the CLI's -a/-d flow
// (in-process, against apic-sim over HTTPS): -a creates the nodes EPG and BD
// in the netop- application profile, the physical domain binding and the
// controller's user; plan and verify right after -a find nothing to do and
// nothing missing; -d returns the fabric to its state before -a, except the
// shared objects -a writes into (as the Python tool does).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { allObjects } from '../../src/provision/desired/requests.js';
import type { Config } from '../../src/config/types.js';
import { apicStateReader } from '../../src/provision/engine/state.js';
import { formatVerifyText, verifyCluster } from '../../src/verify/index.js';
import { conformanceDir, runInProcess, seedForConfig, startFabric, type Fabric } from './support/fabric.js';

const testdata = join(conformanceDir, 'testdata');
const CASES = [
  { input: 'flavor_openshift_sdn_ovn_baremetal.inp.yaml', flavor: 'openshift-sdn-ovn-baremetal', user: 'kube' },
  { input: 'override_vmm_lite_enabled.inp.yaml', flavor: 'openshift-vmm-lite-baremetal', user: 'mykube' },
];
const present = existsSync(join(testdata, CASES[0].input));
if (!present) console.warn(`e2e OpenShift chained CNI and VMM lite: skipped, ${conformanceDir} is absent`);

/** The input with the files it names (bridge NAD configuration) made absolute: the run reads them from the working directory. */
function inputText(input: string): string {
  return readFileSync(join(testdata, input), 'utf8').replace(
    /(bridge_nad_config_file|vlans_file): *"?([^"\n]+)"?/g,
    (_m, k: string, f: string) => `${k}: ${join(testdata, f)}`,
  );
}

/** verify against the fabric, with the certificate -a registered (the placeholder the runs use). */
async function verifyAgainst(fabric: Fabric, config: Config): Promise<{ failed: number; report: string }> {
  const login = config.aci_config.sync_login;
  login.cert_data = 'dummy\n';
  login.key_data = 'dummy\n';
  const client = fabric.client();
  const r = await verifyCluster({ config, reader: apicStateReader(client), inventory: client, apic: fabric.sim.url });
  return { failed: r.checklist.summary.failed, report: formatVerifyText(r) };
}

/** The user's VMM domain, which these modes expect to exist already. */
async function addKubernetesDomain(fabric: Fabric): Promise<void> {
  await fabric.client().post('uni/vmmp-Kubernetes/dom-kube', { className: 'vmmDomP', attributes: { name: 'kube' }, children: [] });
}

describe.skipIf(!present)('-a then -d of OpenShift chained CNI and VMM-lite clusters on apic-sim', () => {
  for (const c of CASES) {
    it(c.flavor, async () => {
      const text = inputText(c.input);
      const file = join(testdata, c.input);
      const { config } = loadConfig(text, file, { flavor: c.flavor });
      const a = config.aci_config;
      const seed = seedForConfig(config, {
        aeps: [String(a.aep), ...(a.secondary_aep ? [a.secondary_aep] : [])],
        physical_domains: [a.physical_domain.domain],
      });
      const fabric = await startFabric(seed);
      try {
        await addKubernetesDomain(fabric);
        const before = fabric.rows();
        const first = await runInProcess(
          fabric,
          file,
          { mode: 'apply', planOnly: false },
          { flavor: c.flavor, text, raw: { username: 'admin' } },
        );
        expect(first.client!.stats.posts).toBeGreaterThan(0);
        const after = fabric.rows();
        const epg = 'uni/tn-kube/ap-netop-kube/epg-netop-nodes';
        expect(after.get(epg)?.className).toBe('fvAEPg');
        expect(after.get(`${epg}/rsdomAtt-[uni/phys-kube-physdom]`)?.attrs.encap).toBe('vlan-4001');
        expect(after.get('uni/tn-kube/BD-netop-nodes/subnet-[10.1.0.1/16]')?.className).toBe('fvSubnet');
        expect(after.get('uni/tn-common/ap-netop-common')?.className).toBe('fvAp');
        expect(after.get(`uni/userext/user-${c.user}`)?.className).toBe('aaaUser');
        // The physical domain is the user's: bound to the AEP, never created.
        expect(after.has('uni/infra/attentp-kube-aep/rsdomP-[uni/phys-kube-physdom]')).toBe(true);
        expect(after.has('uni/infra/vlanns-[kube-pool]-static')).toBe(false);

        // Right after -a: nothing to change, nothing missing.
        const plan = await runInProcess(
          fabric,
          file,
          { mode: 'apply', planOnly: true },
          { flavor: c.flavor, text, raw: { username: 'admin' } },
        );
        expect(plan.client!.stats.posts + plan.client!.stats.deletes).toBe(0);
        expect(plan.stdout + plan.lines.join('\n')).toMatch(/No changes/);
        const second = await runInProcess(
          fabric,
          file,
          { mode: 'apply', planOnly: false },
          { flavor: c.flavor, text, raw: { username: 'admin' } },
        );
        expect(second.client!.stats.posts + second.client!.stats.deletes).toBe(0);
        const verify = await verifyAgainst(fabric, loadConfig(text, file, { flavor: c.flavor }).config);
        expect(verify.failed, verify.report).toBe(0);

        await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { flavor: c.flavor, text, raw: { username: 'admin' } });
        const gone = fabric.rows();
        const owner = new Map(allObjects(buildDesiredState(config)).map((m) => [m.dn, m.owner]));
        const shared = (dn: string) => owner.get(dn) === 'shared';
        const differs = (x: typeof before, y: typeof before) =>
          [...x.keys()].filter((dn) => !shared(dn) && JSON.stringify(x.get(dn)) !== JSON.stringify(y.get(dn)));
        expect(differs(gone, before), 'left behind or changed by -a/-d').toEqual([]);
        expect(differs(before, gone), "removed by -d though not the cluster's").toEqual([]);
      } finally {
        await fabric.close();
      }
    });
  }

  it('refuses chained mode when the secondary AEP is missing, writing nothing', async () => {
    const c = CASES[0];
    const text = inputText(c.input);
    const file = join(testdata, c.input);
    const { config } = loadConfig(text, file, { flavor: c.flavor });
    const fabric = await startFabric(seedForConfig(config, { physical_domains: ['kube-physdom'] }));
    try {
      await addKubernetesDomain(fabric);
      const before = fabric.rows();
      const lines: string[] = [];
      await expect(
        runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { flavor: c.flavor, text, lines, raw: { username: 'admin' } }),
      ).rejects.toThrow(/aci_config\.secondary_aep.*kube-aep-2/);
      expect([...fabric.rows().keys()]).toEqual([...before.keys()]);
    } finally {
      await fabric.close();
    }
  });
});

// OpenShift clusters through the CLI's -a/-d flow (in-process, against
// apic-sim over HTTPS): bare metal and ESX (nested in VMware, with the second
// kube-api port group). `-a` creates the OpenShift contracts and, on ESX, the
// kube-api VLAN block in the VMware domain's pool the APIC names; a second
// `-a` writes nothing; `-d` returns the fabric to its state before `-a`
// except the shared objects -a writes into (as the Python tool does).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { allObjects } from '../../src/provision/desired/requests.js';
import { conformanceDir, runInProcess, seedForConfig, startFabric } from './support/fabric.js';

const CASES = [
  { input: 'flavor_openshift_420_baremetal.inp.yaml', flavor: 'openshift-4.20-baremetal' },
  { input: 'flavor_openshift_420_esx.inp.yaml', flavor: 'openshift-4.20-esx' },
];
const present = existsSync(join(conformanceDir, 'testdata', CASES[0].input));
if (!present) console.warn(`e2e OpenShift: skipped, ${conformanceDir} is absent`);

describe.skipIf(!present)('-a then -d of OpenShift clusters on apic-sim', () => {
  for (const c of CASES) {
    it(c.flavor, async () => {
      const file = join(conformanceDir, 'testdata', c.input);
      const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor: c.flavor });
      const nested = config.aci_config.vmm_domain.nested_inside;
      // The VMware domain's pool is the fabric's: -a asks the APIC for it.
      const seed = seedForConfig(config, nested.name ? { vmware_domains: [{ name: String(nested.name), vlan_pool: 'vmw-pool' }] } : {});
      const fabric = await startFabric(seed);
      try {
        const before = fabric.rows();
        const first = await runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { flavor: c.flavor });
        expect(first.client!.stats.posts).toBeGreaterThan(0);
        const after = fabric.rows();
        const tenant = config.aci_config.cluster_tenant;
        expect(after.get(`uni/tn-${tenant}/brc-aci-containers-kube-openshift-monitoring`)?.className).toBe('vzBrCP');
        expect(after.get('uni/vmmp-OpenShift/dom-kube')?.className).toBe('vmmDomP');
        if (nested.name) {
          expect(after.get('uni/infra/vlanns-[vmw-pool]-dynamic/from-[vlan-4001]-to-[vlan-4001]')?.attrs.allocMode).toBe('static');
          expect(
            after.has(`uni/tn-${tenant}/ap-aci-containers-kube/epg-aci-containers-nodes/rsdomAtt-[uni/vmmp-VMware/dom-myvmware]`),
          ).toBe(true);
        }

        const second = await runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { flavor: c.flavor });
        expect(second.client!.stats.posts + second.client!.stats.deletes).toBe(0);

        await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { flavor: c.flavor });
        const gone = fabric.rows();
        // Shared objects -a writes into (the AEP, infra settings, tenant common) stay as -a left them.
        const owner = new Map(allObjects(buildDesiredState(config)).map((m) => [m.dn, m.owner]));
        const shared = (dn: string) => owner.get(dn) === 'shared';
        const differs = (a: typeof before, b: typeof before) =>
          [...a.keys()].filter((dn) => !shared(dn) && JSON.stringify(a.get(dn)) !== JSON.stringify(b.get(dn)));
        expect(differs(gone, before), 'left behind or changed by -a/-d').toEqual([]);
        expect(differs(before, gone), "removed by -d though not the cluster's").toEqual([]);
      } finally {
        await fabric.close();
      }
    });
  }
});

// The four conformance unprovision situations on apic-sim: the cluster is
// provisioned (-a), the user adds what the Python tool found on its APIC
// (their own EPG in the cluster's application profile, their own application
// profile), then -d removes what the Python tool removed and keeps the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../src/aci/types.js';
import { loadConfig } from '../../src/config/load.js';
import { conformanceCases } from '../support/conformance.js';
import { conformanceDir, runInProcess, seedForConfig, startFabric } from './support/fabric.js';

const ANN = 'orchestrator:aci-containers-controller';
const mo = (className: string, attributes: Record<string, string>): ManagedObject => ({ className, attributes, children: [] });

const SITUATIONS: Record<string, { userObjects: ManagedObject[]; kept: string[] }> = {
  unprovision_delete_tenant: { userObjects: [], kept: ['uni/tn-common', 'uni/infra/attentp-kube-aep'] },
  unprovision_custom_ap_with_annotation: {
    userObjects: [mo('fvAp', { dn: 'uni/tn-test/ap-aci-containers-kube1', name: 'aci-containers-kube1', annotation: ANN })],
    kept: ['uni/tn-test', 'uni/tn-test/ap-aci-containers-kube1'],
  },
  unprovision_custom_ap_without_annotation: {
    userObjects: [mo('fvAp', { dn: 'uni/tn-test/ap-aci-containers-kube1', name: 'aci-containers-kube1' })],
    kept: ['uni/tn-test', 'uni/tn-test/ap-aci-containers-kube1'],
  },
  unprovision_custom_epg: {
    userObjects: [mo('fvAEPg', { dn: 'uni/tn-test/ap-aci-containers-kube/epg-testepg', name: 'testepg' })],
    kept: ['uni/tn-test', 'uni/tn-test/ap-aci-containers-kube', 'uni/tn-test/ap-aci-containers-kube/epg-testepg'],
  },
};

const cases = conformanceCases().filter((c) => c.name in SITUATIONS);

const dnOf = (path: string): string => path.replace(/^\/api\/(node\/)?mo\//, '').replace(/\.json$/, '');

describe.skipIf(cases.length === 0)('-d in the conformance unprovision situations on apic-sim', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const file = join(conformanceDir, 'testdata', c.input);
      const flavor = c.args.flavor;
      const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor });
      const fabric = await startFabric(seedForConfig(config));
      try {
        const before = fabric.rows();
        await runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { flavor });
        const user = fabric.client();
        for (const o of SITUATIONS[c.name].userObjects) await user.post(o.attributes['dn'], o);

        const raw = c.args.skip_app_profile_check ? { skipAppProfileCheck: true } : {};
        await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { raw, flavor });
        const rows = fabric.rows();
        const data = JSON.parse(readFileSync(join(conformanceDir, 'testdata', `test_${c.name}_data.json`), 'utf8')) as {
          deletes: string[];
        };
        for (const path of data.deletes) expect(rows.has(dnOf(path)), `${dnOf(path)} removed`).toBe(false);
        for (const dn of SITUATIONS[c.name].kept) expect(rows.has(dn), `${dn} kept`).toBe(true);
        // Nothing -a made is left, except inside what is kept and in the shared AEP (its infra VLAN access).
        const keptRoots = [...SITUATIONS[c.name].kept, `uni/infra/attentp-${config.aci_config.aep}`];
        const left = [...rows.keys()].filter((dn) => !before.has(dn) && !keptRoots.some((k) => dn === k || dn.startsWith(`${k}/`)));
        expect(left).toEqual([]);

        const again = await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { raw, flavor });
        expect(again.client!.stats.deletes).toBe(0);
      } finally {
        await fabric.close();
      }
    });
  }
});

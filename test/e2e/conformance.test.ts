// For each conformance case with an `apic` dump, through the CLI's -a/-d flow
// (in-process, against apic-sim over HTTPS):
//   - `-a` leaves the simulator holding what posting the dump leaves;
//   - a second `-a` sends no write;
//   - `-d` returns the fabric to its state before `-a`, except the shared
//     objects -a writes into and -d keeps, as the Python tool does (the AEP
//     with its infra-VLAN access, `uni/infra/settings`, the VRF's tenant);
//   - a second `-d` sends nothing.
// The cases of cases-all.json of the landed flavor families, each run with its
// own flavor; sampled, up to 8 per family (see sampledPerFamily): every case
// starts two simulators and runs the CLI four times. Calico is left to
// families.test.ts: its dumps show the offline stand-in of the leaves, and -a
// builds on the leaves the fabric holds instead. So are the OpenShift ESX
// dumps that post into the nested VMware pool by the bare name the file gives
// (the Python tool offline): -a asks the fabric for that pool's DN
// (openshift.test.ts runs one on apic-sim).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childDn } from '../../src/aci/dn.js';
import type { ManagedObject } from '../../src/aci/types.js';
import { loadConfig } from '../../src/config/load.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { allObjects } from '../../src/provision/desired/requests.js';
import { desiredFromRequests, parseApicDump } from '../../src/provision/engine/from-requests.js';
import { classTableNaming } from '../../src/provision/engine/naming.js';
import { desiredRootDns } from '../../src/provision/plan.js';
import { desiredRoots } from '../../src/provision/provision.js';
import { flavorFamily } from '../../src/config/flavors.js';
import { conformanceCases, postableDump, sampledPerFamily } from '../support/conformance.js';
import { canon, conformanceDir, runInProcess, seedForConfig, startFabric } from './support/fabric.js';

/** Chained CNI and VMM lite build on the user's own VMM and physical domains and read files beside the input:
 * openshift-cno.test.ts runs them on a fabric seeded for them. */
const chainedOrVmmLite = (c: { input: string }): boolean =>
  !c.input.startsWith('--') &&
  /^(chained_cni_config|vmm_lite_config):/m.test(readFileSync(join(conformanceDir, 'testdata', c.input), 'utf8'));

const cases = sampledPerFamily(
  conformanceCases().filter((c) => c.apic && flavorFamily(c.args.flavor) !== 'calico' && postableDump(c.apic) && !chainedOrVmmLite(c)),
  8,
);
if (cases.length === 0) console.warn(`e2e conformance: skipped, ${conformanceDir} is absent`);

/** DNs -a writes whose objects are shared (not the cluster's): -d keeps them as -a left them. */
function sharedWrites(config: ReturnType<typeof loadConfig>['config']): Set<string> {
  const state = buildDesiredState(config);
  const owner = new Map(allObjects(state).map((m) => [m.dn, m.owner]));
  const out = new Set<string>();
  const visit = (mo: ManagedObject, dn: string): void => {
    if (owner.get(dn) !== 'cluster') out.add(dn);
    for (const c of mo.children) visit(c, childDn(dn, classTableNaming.rnOf(c)));
  };
  for (const r of desiredRoots(state)) visit(r, r.attributes['dn']);
  // A cluster tenant that holds the VRF existed before -a (it was seeded): -d keeps it, annotated as -a left it.
  const a = config.aci_config;
  if (a.vrf.tenant === a.cluster_tenant) out.add(`uni/tn-${a.cluster_tenant}`);
  return out;
}

describe.skipIf(cases.length === 0)('-a then -d of each conformance case on apic-sim', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const file = join(conformanceDir, 'testdata', c.input);
      const text = readFileSync(file, 'utf8');
      const flavor = c.args.flavor;
      const { config } = loadConfig(text, file, { flavor, infraVlan: c.args.infra_vlan, apicOobmIp: c.args.apic_oobm_ip });
      const seed = seedForConfig(config);
      const requests = parseApicDump(readFileSync(join(conformanceDir, 'testdata', c.apic!), 'utf8'));
      const dumped = desiredFromRequests(requests);
      const roots = desiredRootDns(dumped);

      // The reference: the dump posted request by request on a fresh fabric.
      const ref = await startFabric(seed);
      let expected: unknown[];
      try {
        const apic = ref.client();
        for (const d of dumped) await apic.post(d.attributes['dn'], d);
        expected = await Promise.all(roots.map(async (dn) => canon(await apic.getMo(dn, { subtree: 'full' }))));
      } finally {
        await ref.close();
      }

      const fabric = await startFabric(seed);
      try {
        const before = fabric.rows();
        const raw = {
          // Some inputs name no APIC user (the Python tool's tests pass -u).
          username: 'admin',
          ...(c.args.infra_vlan !== undefined ? { infraVlan: String(c.args.infra_vlan) } : {}),
          ...(c.args.apic_oobm_ip !== undefined ? { apicOobmIp: c.args.apic_oobm_ip } : {}),
        };
        const first = await runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { raw, flavor });
        expect(first.client!.stats.posts).toBeGreaterThan(0);
        const check = fabric.client();
        const got = await Promise.all(roots.map(async (dn) => canon(await check.getMo(dn, { subtree: 'full' }))));
        expect(got).toEqual(expected);

        const second = await runInProcess(fabric, file, { mode: 'apply', planOnly: false }, { raw, flavor });
        expect(second.client!.stats.posts + second.client!.stats.deletes).toBe(0);
        expect(second.lines.join('')).toMatch(/Nothing to do/);

        await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { raw, flavor });
        const after = fabric.rows();
        const shared = sharedWrites(config);
        const differs = (a: typeof before, b: typeof before): string[] =>
          [...a.keys()].filter((dn) => !shared.has(dn) && JSON.stringify(a.get(dn)) !== JSON.stringify(b.get(dn)));
        expect(differs(after, before), 'left behind or changed by -a/-d').toEqual([]);
        expect(differs(before, after), "removed by -d though not the cluster's").toEqual([]);

        const again = await runInProcess(fabric, file, { mode: 'delete', planOnly: false }, { raw, flavor });
        expect(again.client!.stats.deletes + again.client!.stats.posts).toBe(0);
        expect(again.lines.join('')).toMatch(/Nothing to delete/);
      } finally {
        await fabric.close();
      }
    });
  }
});

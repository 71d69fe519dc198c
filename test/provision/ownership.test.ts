// ownedObjects(): the objects -d may remove, read off the real desired tree of
// the conformance unprovision configurations; applied to the APIC states the
// Python tool saw, they remove what it removed and keep what it kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { isBelow } from '../../src/provision/engine/naming.js';
import { ownedObjects, systemIdPattern } from '../../src/provision/ownership.js';
import { unprovision } from '../../src/provision/unprovision.js';
import { MemoryApic } from './engine/support/memory-apic.js';
import { ANN, dnOf, fabricFrom, mo, type StateFile } from './engine/support/python-fabric.js';
import { VALID } from '../config/helpers.js';
import { conformanceCases, conformancePresent, testdata } from '../support/conformance.js';

const CASES = [
  { name: 'unprovision_delete_tenant', tenant: 'kube', kept: ['uni/tn-common', 'uni/infra/attentp-kube-aep'] },
  { name: 'unprovision_custom_ap_with_annotation', tenant: 'test', kept: ['uni/tn-test', 'uni/tn-test/eptags'] },
  { name: 'unprovision_custom_ap_without_annotation', tenant: 'test', kept: ['uni/tn-test'] },
  {
    name: 'unprovision_custom_epg',
    tenant: 'test',
    kept: ['uni/tn-test', 'uni/tn-test/ap-aci-containers-kube', 'uni/tn-test/ap-aci-containers-kube/epg-testepg'],
  },
];

describe.skipIf(!conformancePresent)('ownedObjects on the conformance unprovision cases', () => {
  const all = conformanceCases();
  for (const c of CASES) {
    it(`${c.name}: the desired tree's ownership removes what the Python tool removed and keeps the rest`, async () => {
      const spec = all.find((x) => x.name === c.name)!;
      const file = join(testdata, spec.input);
      const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor: spec.args.flavor, provApic: false, password: 'test' });
      const state = buildDesiredState(config);
      const owned = ownedObjects(state, config, { skipAppProfileCheck: spec.args.skip_app_profile_check === true });
      const data = JSON.parse(readFileSync(join(testdata, `test_${c.name}_data.json`), 'utf8')) as StateFile;
      const apic = fabricFrom(data, c.tenant);
      const { plan } = await unprovision(apic, apic, owned, { annotation: ANN });
      const expected = new Set(data.deletes.map(dnOf));
      for (const dn of plan.deletes) expect(expected, dn).toContain(dn);
      for (const dn of expected) {
        expect(
          plan.deletes.some((d) => d === dn || isBelow(dn, d)),
          dn,
        ).toBe(true);
        expect(await apic.read(dn, 'children'), dn).toBeUndefined();
      }
      for (const dn of c.kept) expect(await apic.read(dn, 'children'), dn).toBeDefined();
      const again = await unprovision(apic, apic, owned, { annotation: ANN });
      expect(again.sent).toBe(0);
    });
  }
});

describe('ownership rules', () => {
  it('matches names made from the system id as the Python tool does', () => {
    const p = systemIdPattern('kube');
    expect(p.test('aci-containers-kube-pod-bd')).toBe(true);
    expect(p.test('aci-containers-kube')).toBe(true);
    expect(p.test('aci-containers-kube2-pod-bd')).toBe(false);
    expect(p.test('kube-pod-bd')).toBe(false);
  });

  it("keeps a cluster tenant that holds the user's VRF, even with --skip-app-profile-check", async () => {
    // The VRF lives in the cluster's own tenant (as in the conformance case with_tenant_l3out).
    const text = VALID.replace('    tenant: common', '    tenant: kube').replace(
      '  system_id: kube',
      '  system_id: kube\n  use_legacy_kube_naming_convention: true',
    );
    const { config } = loadConfig(text, 'x.yaml', { flavor: 'kubernetes-1.35', provApic: false, username: 'admin', password: 'p' });
    const owned = ownedObjects(buildDesiredState(config), config, { skipAppProfileCheck: true });
    const tenant = `uni/tn-${config.aci_config.cluster_tenant}`;
    const apic = new MemoryApic([
      mo('fvTenant', { dn: tenant, name: config.aci_config.cluster_tenant, annotation: ANN }),
      mo('fvCtx', { dn: `${tenant}/ctx-${config.aci_config.vrf.name}`, name: String(config.aci_config.vrf.name) }),
      mo('fvBD', { dn: `${tenant}/BD-kube-pod-bd`, name: 'kube-pod-bd', annotation: ANN }),
    ]);
    const { plan } = await unprovision(apic, apic, owned, { annotation: ANN });
    // Legacy naming (this configuration): the pod BD is `kube-pod-bd`.
    expect(plan.deletes).toEqual([`${tenant}/BD-kube-pod-bd`]);
    expect(plan.items.find((i) => i.dn === tenant)).toMatchObject({ decision: 'keep', reason: expect.stringContaining('fvCtx') });
  });
});

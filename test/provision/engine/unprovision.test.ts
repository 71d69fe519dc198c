import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBelow } from '../../../src/provision/engine/naming.js';
import { planUnprovision, renderUnprovisionText, unprovision, type OwnedObject } from '../../../src/provision/unprovision.js';
import { MemoryApic } from './support/memory-apic.js';
import { ANN, dnOf, fabricFrom, mo, type StateFile } from './support/python-fabric.js';

const CONFORMANCE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'conformance');

/** What the desired tree of the conformance configs marks as owned (system id `kube`). */
function ownedFor(tenant: string, opts: { preExisting: boolean; skipAppProfileCheck: boolean }): OwnedObject[] {
  const ap = `uni/tn-${tenant}/ap-aci-containers-kube`;
  const apRules = { keepIfHasOtherChildrenOf: ['fvAEPg'], sweepChildren: {} };
  return [
    { dn: 'uni/infra/vlanns-[kube-pool]-static', className: 'fvnsVlanInstP', owned: 'always' },
    { dn: 'uni/infra/maddrns-kube-mpool', className: 'fvnsMcastAddrInstP', owned: 'always' },
    { dn: 'uni/vmmp-Kubernetes/dom-kube', className: 'vmmDomP', owned: 'always' },
    { dn: 'uni/infra/attentp-kube-aep', className: 'infraAttEntityP', owned: 'never' },
    { dn: 'uni/infra/attentp-kube-aep/rsdomP-[uni/vmmp-Kubernetes/dom-kube]', className: 'infraRsDomP', owned: 'always' },
    { dn: 'uni/infra/attentp-kube-aep/rsdomP-[uni/phys-kube-pdom]', className: 'infraRsDomP', owned: 'always' },
    {
      dn: `uni/infra/attentp-kube-aep/gen-default/rsfuncToEpg-[${ap}/epg-aci-containers-nodes]`,
      className: 'infraRsFuncToEpg',
      owned: 'always',
    },
    { dn: 'uni/tn-common', className: 'fvTenant', owned: 'never' },
    { dn: 'uni/tn-common/flt-kube-allow-all-filter', className: 'vzFilter', owned: 'always' },
    { dn: 'uni/tn-common/brc-kube-l3out-allow-all', className: 'vzBrCP', owned: 'always' },
    { dn: 'uni/tn-common/out-l3out/instP-default', className: 'l3extInstP', owned: 'never' },
    { dn: 'uni/tn-common/out-l3out/instP-default/rsprov-kube-l3out-allow-all', className: 'fvRsProv', owned: 'always' },
    { dn: 'uni/tn-common/out-l3out/instP-test_ext_net', className: 'l3extInstP', owned: 'never' },
    { dn: 'uni/tn-common/out-l3out/instP-test_ext_net/rsprov-kube-l3out-allow-all', className: 'fvRsProv', owned: 'always' },
    {
      dn: `uni/tn-${tenant}`,
      className: 'fvTenant',
      owned: opts.preExisting ? 'never' : 'if-annotated',
      keepIfHasOtherChildrenOf: opts.skipAppProfileCheck ? [] : ['fvAp'],
      sweepChildren: { namePattern: /-kube(-|$)/, rules: { fvAp: apRules } },
    },
    { dn: ap, className: 'fvAp', owned: 'if-annotated', ...apRules },
    { dn: `${ap}/epg-aci-containers-nodes`, className: 'fvAEPg', owned: 'if-annotated' },
    { dn: `uni/tn-${tenant}/BD-aci-containers-kube-node-bd`, className: 'fvBD', owned: 'if-annotated' },
    { dn: `uni/tn-${tenant}/BD-aci-containers-kube-pod-bd`, className: 'fvBD', owned: 'if-annotated' },
    { dn: 'uni/phys-kube-pdom', className: 'physDomP', owned: 'always' },
    { dn: 'uni/userext/user-kube', className: 'aaaUser', owned: 'always' },
    { dn: 'comp/prov-Kubernetes/ctrlr-[kube]-kube/injcont/info', className: 'vmmInjectedContInfo', owned: 'always' },
  ];
}

const CASES = [
  {
    name: 'unprovision_delete_tenant',
    tenant: 'kube',
    preExisting: false,
    skip: true,
    kept: ['uni/tn-common', 'uni/infra/attentp-kube-aep'],
  },
  {
    name: 'unprovision_custom_ap_with_annotation',
    tenant: 'test',
    preExisting: true,
    skip: false,
    kept: ['uni/tn-test', 'uni/tn-test/eptags'],
  },
  { name: 'unprovision_custom_ap_without_annotation', tenant: 'test', preExisting: true, skip: false, kept: ['uni/tn-test'] },
  {
    name: 'unprovision_custom_epg',
    tenant: 'test',
    preExisting: true,
    skip: false,
    kept: ['uni/tn-test', 'uni/tn-test/ap-aci-containers-kube', 'uni/tn-test/ap-aci-containers-kube/epg-testepg'],
  },
];

describe.skipIf(!existsSync(CONFORMANCE))('unprovision against the conformance APIC states', () => {
  for (const c of CASES) {
    it(`${c.name}: removes what the Python tool removed, keeps the rest, and a second run does nothing`, async () => {
      const data = JSON.parse(readFileSync(join(CONFORMANCE, 'testdata', `test_${c.name}_data.json`), 'utf8')) as StateFile;
      const apic = fabricFrom(data, c.tenant);
      const owned = ownedFor(c.tenant, { preExisting: c.preExisting, skipAppProfileCheck: c.skip });
      const { plan, sent } = await unprovision(apic, apic, owned, { annotation: ANN });
      const expected = new Set(data.deletes.map(dnOf));
      // Each DELETE sent is one the Python tool sent too ...
      for (const dn of plan.deletes) expect(expected, dn).toContain(dn);
      // ... and everything it deleted is gone (by itself or with an ancestor).
      for (const dn of expected) {
        expect(
          plan.deletes.some((d) => d === dn || isBelow(dn, d)),
          dn,
        ).toBe(true);
        expect(await apic.read(dn, 'children'), dn).toBeUndefined();
      }
      for (const dn of c.kept) expect(await apic.read(dn, 'children'), dn).toBeDefined();
      expect(sent).toBe(plan.deletes.length);

      const writes = apic.writes.length;
      const again = await unprovision(apic, apic, owned, { annotation: ANN });
      expect(again.plan.deletes).toEqual([]);
      expect(again.sent).toBe(0);
      expect(apic.writes.length).toBe(writes);
      expect(renderUnprovisionText(again.plan)).toMatch(/Nothing to delete\./);
    });
  }
});

describe('unprovision rules', () => {
  it('keeps the tenant while it holds other application profiles, and deletes it once they are gone', async () => {
    const apic = new MemoryApic([
      mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN }),
      mo('fvAp', { dn: 'uni/tn-kube/ap-aci-containers-kube', name: 'aci-containers-kube', annotation: ANN }),
      mo('fvAp', { dn: 'uni/tn-kube/ap-users-app', name: 'users-app' }),
    ]);
    const owned: OwnedObject[] = [
      { dn: 'uni/tn-kube', className: 'fvTenant', owned: 'if-annotated', keepIfHasOtherChildrenOf: ['fvAp'] },
      { dn: 'uni/tn-kube/ap-aci-containers-kube', className: 'fvAp', owned: 'if-annotated' },
    ];
    const plan = await planUnprovision(apic, owned, { annotation: ANN });
    expect(plan.deletes).toEqual(['uni/tn-kube/ap-aci-containers-kube']);
    expect(plan.items.find((i) => i.dn === 'uni/tn-kube')).toMatchObject({
      decision: 'keep',
      reason: expect.stringContaining('fvAp ap-users-app'),
    });
    await apic.delete('uni/tn-kube/ap-users-app');
    const later = await planUnprovision(apic, owned, { annotation: ANN });
    expect(later.deletes).toEqual(['uni/tn-kube']);
    expect(later.items.find((i) => i.dn === 'uni/tn-kube/ap-aci-containers-kube')).toMatchObject({ decision: 'delete', request: false });
  });

  it('does not delete an object that is not annotated as ours, nor its parent', async () => {
    const apic = new MemoryApic([
      mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN }),
      mo('fvBD', { dn: 'uni/tn-kube/BD-kube-pod-bd', name: 'kube-pod-bd', annotation: 'orchestrator:terraform' }),
    ]);
    const plan = await planUnprovision(
      apic,
      [
        { dn: 'uni/tn-kube', className: 'fvTenant', owned: 'if-annotated' },
        { dn: 'uni/tn-kube/BD-kube-pod-bd', className: 'fvBD', owned: 'if-annotated' },
      ],
      { annotation: ANN },
    );
    expect(plan.deletes).toEqual([]);
    expect(plan.items.map((i) => [i.dn, i.decision])).toEqual([
      ['uni/tn-kube', 'keep'],
      ['uni/tn-kube/BD-kube-pod-bd', 'keep'],
    ]);
  });

  it('two clusters on one fabric: deleting one leaves the other intact', async () => {
    const apic = new MemoryApic([
      mo('fvTenant', { dn: 'uni/tn-common', name: 'common' }),
      mo('vzFilter', { dn: 'uni/tn-common/flt-kube-allow-all-filter', name: 'kube-allow-all-filter', annotation: ANN }),
      mo('vzFilter', { dn: 'uni/tn-common/flt-kube2-allow-all-filter', name: 'kube2-allow-all-filter', annotation: ANN }),
      mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN }),
      mo('fvTenant', { dn: 'uni/tn-kube2', name: 'kube2', annotation: ANN }),
      mo('fvnsVlanInstP', { dn: 'uni/infra/vlanns-[kube-pool]-static', name: 'kube-pool', allocMode: 'static', annotation: ANN }),
      mo('fvnsVlanInstP', { dn: 'uni/infra/vlanns-[kube2-pool]-static', name: 'kube2-pool', allocMode: 'static', annotation: ANN }),
    ]);
    const before = apic.snapshot().filter((l) => l.includes('kube2'));
    await unprovision(
      apic,
      apic,
      [
        { dn: 'uni/tn-common', className: 'fvTenant', owned: 'never', sweepChildren: { namePattern: /^kube-/ } },
        { dn: 'uni/tn-common/flt-kube-allow-all-filter', className: 'vzFilter', owned: 'always' },
        { dn: 'uni/tn-kube', className: 'fvTenant', owned: 'if-annotated', keepIfHasOtherChildrenOf: ['fvAp'] },
        { dn: 'uni/infra/vlanns-[kube-pool]-static', className: 'fvnsVlanInstP', owned: 'always' },
      ],
      { annotation: ANN },
    );
    expect(apic.snapshot().filter((l) => l.includes('kube2'))).toEqual(before);
    expect(apic.snapshot().filter((l) => /\bkube\b|kube-/.test(l.split(' ')[0]))).toEqual([]);
    expect(await apic.read('uni/tn-common', 'children')).toBeDefined();
  });

  it('sends one DELETE per deleted subtree and reports progress', async () => {
    const apic = new MemoryApic([
      mo('vmmDomP', { dn: 'uni/vmmp-Kubernetes/dom-kube', name: 'kube' }),
      mo('vmmCtrlrP', { dn: 'uni/vmmp-Kubernetes/dom-kube/ctrlr-kube', name: 'kube' }),
      mo('physDomP', { dn: 'uni/phys-kube-pdom', name: 'kube-pdom' }),
    ]);
    const progress: string[] = [];
    const { sent } = await unprovision(
      apic,
      apic,
      [
        { dn: 'uni/vmmp-Kubernetes/dom-kube', className: 'vmmDomP', owned: 'always' },
        { dn: 'uni/vmmp-Kubernetes/dom-kube/ctrlr-kube', className: 'vmmCtrlrP', owned: 'always' },
        { dn: 'uni/phys-kube-pdom', className: 'physDomP', owned: 'always' },
      ],
      { annotation: ANN, onProgress: (p) => progress.push(`${p.sent}/${p.total}`) },
    );
    expect(sent).toBe(2);
    expect(apic.writes.map((w) => w.dn).sort()).toEqual(['uni/phys-kube-pdom', 'uni/vmmp-Kubernetes/dom-kube']);
    expect(progress).toEqual(['1/2', '2/2']);
  });
});

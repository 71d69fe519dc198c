import { describe, expect, it } from 'vitest';
import { classOfDn, formatRn, lastRn, parentDn, parseRn, resolveDn, splitDn, matchRn } from '../../src/aci/dn.js';

describe('splitDn', () => {
  it('keeps a bracketed DN inside an RN whole', () => {
    expect(splitDn('uni/vmmp-Kubernetes/dom-kube/rsdomP-[uni/phys-x]')).toEqual([
      'uni',
      'vmmp-Kubernetes',
      'dom-kube',
      'rsdomP-[uni/phys-x]',
    ]);
  });
  it('handles nested brackets', () => {
    const dn = 'uni/tn-a/ap-b/epg-c/rsdomAtt-[uni/infra/vlanns-[kube-pool]-static]';
    expect(splitDn(dn)).toEqual(['uni', 'tn-a', 'ap-b', 'epg-c', 'rsdomAtt-[uni/infra/vlanns-[kube-pool]-static]']);
    expect(lastRn(dn)).toBe('rsdomAtt-[uni/infra/vlanns-[kube-pool]-static]');
    expect(parentDn(dn)).toBe('uni/tn-a/ap-b/epg-c');
  });
  it('has no parent for a top-level DN', () => {
    expect(parentDn('uni')).toBeUndefined();
  });
});

describe('formatRn / parseRn', () => {
  const cases: Array<[string, Record<string, string>, string, string]> = [
    ['fvnsVlanInstP', { name: 'kube-pool', allocMode: 'static' }, 'vlanns-[kube-pool]-static', 'infraInfra'],
    ['fvSubnet', { ip: '10.2.0.1/16' }, 'subnet-[10.2.0.1/16]', 'fvBD'],
    ['fvSubnet', { ip: 'fd00::1/64' }, 'subnet-[fd00::1/64]', 'fvBD'],
    ['infraRsDomP', { tDn: 'uni/vmmp-Kubernetes/dom-kube' }, 'rsdomP-[uni/vmmp-Kubernetes/dom-kube]', 'infraAttEntityP'],
    ['fvnsEncapBlk', { from: 'vlan-4001', to: 'vlan-4003' }, 'from-[vlan-4001]-to-[vlan-4003]', 'fvnsVlanInstP'],
    ['compCtrlr', { domName: 'kube', name: 'kube' }, 'ctrlr-[kube]-kube', 'compProv'],
    ['fvTenant', { name: 'kube' }, 'tn-kube', 'polUni'],
    ['fvRsCons', { tnVzBrCPName: 'kube-l3out-allow-all' }, 'rscons-kube-l3out-allow-all', 'fvAEPg'],
    ['vnsLDevCtx', { ctrctNameOrLbl: 'c1', graphNameOrLbl: 'g1', nodeNameOrLbl: 'n1' }, 'ldevCtx-c-c1-g-g1-n-n1', 'fvTenant'],
    ['fvRsDomAtt', { tDn: 'uni/infra/vlanns-[kube-pool]-static' }, 'rsdomAtt-[uni/infra/vlanns-[kube-pool]-static]', 'fvAEPg'],
    [
      'vnsGraphInst',
      { ctrctDn: 'uni/tn-a/brc-x', graphDn: 'uni/tn-a/AbsGraph-[g]', scopeDn: 'uni/tn-a/ctx-v' },
      'GraphInst_C-[uni/tn-a/brc-x]-G-[uni/tn-a/AbsGraph-[g]]-S-[uni/tn-a/ctx-v]',
      'fvTenant',
    ],
  ];
  for (const [cls, attrs, rn, parent] of cases) {
    it(`${cls}: ${rn} round-trips`, () => {
      expect(formatRn(cls, attrs)).toBe(rn);
      const p = parseRn(rn, parent);
      expect(p?.className).toBe(cls);
      expect(p?.naming).toEqual(attrs);
    });
  }
  it('refuses to format without a naming property', () => {
    expect(() => formatRn('fvTenant', {})).toThrow(/naming property name/);
  });
  it('does not match an RN of another shape', () => {
    expect(matchRn('vlanns-[{name}]-{allocMode}', 'vlanns-kube-static')).toBeUndefined();
    expect(parseRn('nonsense-x', 'fvTenant')).toBeUndefined();
  });
});

describe('resolveDn', () => {
  it('finds the class of every RN from the root', () => {
    expect(classOfDn('uni/infra/attentp-kube-aep/gen-default/rsfuncToEpg-[uni/tn-kube/ap-kubernetes/epg-kube-nodes]')).toBe(
      'infraRsFuncToEpg',
    );
    expect(classOfDn('uni/infra/attentp-kube-aep/provacc/infraprovp')).toBe('dhcpInfraProvP');
    expect(classOfDn('comp/prov-Kubernetes/ctrlr-[kube]-kube/injcont/info')).toBe('vmmInjectedClusterInfo');
    expect(classOfDn('comp/prov-Kubernetes/ctrlr-[kube]-kube/injcont/ns-[default]/grp-[pod-1]')).toBe('vmmInjectedContGrp');
    expect(classOfDn('topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning')).toBe('firmwareCtrlrRunning');
    expect(classOfDn('uni/userext/user-kube/usercert-kube.crt')).toBe('aaaUserCert');
    expect(classOfDn('uni/tn-common/out-l3out/instP-default/rsprov-kube-l3out-allow-all')).toBe('fvRsProv');
    expect(resolveDn('uni/tn-kube/BD-kube-pod-bd/subnet-[10.2.0.1/16]')?.map((r) => r.className)).toEqual([
      'polUni',
      'fvTenant',
      'fvBD',
      'fvSubnet',
    ]);
  });
  it('returns undefined for an unknown RN', () => {
    expect(classOfDn('uni/tn-kube/bogus-x')).toBeUndefined();
  });
});

// The APIC objects of chained CNI and VMM-lite clusters (checked against the
// Python tool run locally): what the options add or leave out, and what -d
// removes.
import { describe, expect, it } from 'vitest';
import { renderDesiredDump } from '../../src/provision/dump.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { allObjects, postRequests, removalTargets } from '../../src/provision/desired/requests.js';
import { CNO_BASE as BASE, load } from '../config/helpers.js';

const chained = (extra = '', base = BASE) =>
  `${base}chained_cni_config:\n  secondary_interface_chaining: true\n  secondary_vlans: [4002]\n${extra}`;
const VMM_LITE = `${BASE}vmm_lite_config:\n  aaep_monitoring_enabled: true\n  bridge_name: bridge1\n  apic_username: mykube\n`;

function state(text: string, flavor = 'openshift-sdn-ovn-baremetal') {
  const { config } = load(text, { flavor });
  config.aci_config.sync_login.cert_data = 'dummy\n';
  return buildDesiredState(config);
}
const dns = (text: string, flavor?: string) => allObjects(state(text, flavor)).map((m) => m.dn);
const paths = (text: string, flavor?: string) => postRequests(state(text, flavor)).map((r) => r.path);

describe('chained CNI on the APIC', () => {
  it('makes the physical domain and its pool unless the file names its own; binds it to the AEP in either case', () => {
    expect(paths(chained())).toEqual([
      '/api/mo/uni/infra/vlanns-[kube-pool]-static.json',
      '/api/mo/uni/phys-kube-physdom.json',
      '/api/mo/uni/infra.json',
      '/api/mo/uni/tn-kube.json',
      '/api/mo/uni/tn-common.json',
      '/api/mo/uni/tn-common/out-l3out/instP-default.json',
      '/api/node/mo/uni/userext/user-kube.json',
      '/api/node/mo/uni/userext/user-kube.json',
      '/api/mo/uni/tn-common/ap-netop-common.json',
    ]);
    const own = chained('', BASE.replace('aep: kube-aep\n', 'aep: kube-aep\n  physical_domain: {domain: theirs}\n'));
    expect(paths(own)).not.toContain('/api/mo/uni/phys-theirs.json');
    expect(dns(own)).toContain('uni/infra/attentp-kube-aep/rsdomP-[uni/phys-theirs]');
  });

  it('puts the nodes EPG on the kubeapi VLAN (untagged on OVN) and in the nodes BD with the node subnet and the L3Out', () => {
    const all = dns(chained());
    expect(all).toEqual(
      expect.arrayContaining([
        'uni/tn-kube/ap-netop-kube/epg-netop-nodes/rsdomAtt-[uni/phys-kube-physdom]',
        'uni/tn-kube/ap-netop-kube/epg-netop-nodes/rscons-kube-l3out-allow-all',
        'uni/tn-kube/BD-netop-nodes/subnet-[10.1.0.1/16]',
        'uni/tn-kube/BD-netop-nodes/rsBDToOut-l3out',
      ]),
    );
    const aep = allObjects(state(chained())).find((m) => m.className === 'infraRsFuncToEpg')!;
    expect(aep.attributes).toMatchObject({ tDn: 'uni/tn-kube/ap-netop-kube/epg-netop-nodes', encap: 'vlan-4001', mode: 'untagged' });
    // No VMM domain in the file: the EPG is in none.
    expect(all.some((dn) => dn.includes('rsdomAtt-[uni/vmmp-'))).toBe(false);
  });

  it('without node network provisioning: only the empty application profile, the user and netop-common', () => {
    const s = state(chained('  skip_node_network_provisioning: true\n'));
    expect(renderDesiredDump(s)).toContain('"fvAp": {\n                    "attributes": {\n                        "name": "netop-kube"');
    expect(postRequests(s).map((r) => r.path)).toEqual([
      '/api/mo/uni/tn-kube.json',
      '/api/mo/uni/tn-common.json',
      '/api/mo/uni/tn-common/out-l3out/instP-default.json',
      '/api/node/mo/uni/userext/user-kube.json',
      '/api/node/mo/uni/userext/user-kube.json',
      '/api/mo/uni/tn-common/ap-netop-common.json',
    ]);
  });

  it('gives custom EPGs the VMM domain of the file', () => {
    const text = chained(
      '',
      BASE.replace('aep: kube-aep\n', 'aep: kube-aep\n  custom_epgs: [extra]\n  vmm_domain: {domain: kube, type: Kubernetes}\n'),
    );
    expect(dns(text)).toContain('uni/tn-kube/ap-netop-kube/epg-extra/rsdomAtt-[uni/vmmp-Kubernetes/dom-kube]');
  });

  it('-d removes what the cluster made and netop-common, never the AEP or tenant common', () => {
    const targets = removalTargets(state(chained())).map((t) => t.dn);
    expect(targets).toEqual(
      expect.arrayContaining([
        'uni/tn-kube',
        'uni/phys-kube-physdom',
        'uni/infra/vlanns-[kube-pool]-static',
        'uni/infra/attentp-kube-aep/rsdomP-[uni/phys-kube-physdom]',
        'uni/tn-common/ap-netop-common',
        'uni/userext/user-kube',
      ]),
    );
    expect(targets).not.toContain('uni/infra/attentp-kube-aep');
    expect(targets).not.toContain('uni/tn-common');
  });
});

describe('VMM lite on the APIC', () => {
  it('puts the kubeapi VLAN on the nodes EPG in regular mode', () => {
    const rs = allObjects(state(VMM_LITE, 'openshift-vmm-lite-baremetal')).find((m) => m.className === 'infraRsFuncToEpg')!;
    expect(rs.attributes.mode).toBe('regular');
  });

  it('without a system id makes only the APIC user, which the dump does not list', () => {
    const minimal =
      'aci_config:\n  apic_hosts: [10.30.120.100]\nvmm_lite_config:\n  aaep_monitoring_enabled: true\n  bridge_name: b1\n  apic_username: mykube\n';
    const s = state(minimal, 'openshift-vmm-lite-baremetal');
    expect(
      allObjects(s)
        .filter((m) => !m.context)
        .map((m) => m.dn),
    ).toEqual([
      'uni/userext/user-mykube',
      'uni/userext/user-mykube/userdomain-all',
      'uni/userext/user-mykube/userdomain-all/role-admin',
      'uni/userext/user-mykube/usercert-mykube.crt',
    ]);
    expect(renderDesiredDump(s)).toBe('');
  });
});

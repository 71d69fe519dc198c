// What the overlay and Calico flavors require, where it differs from upstream Kubernetes.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';

const calico = sampleConfig('calico-3.26.3');
const fields = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => p.field);
    throw e;
  }
  return [];
};

describe('family rules', () => {
  it('the Calico sample loads: network subnets, no ACI CNI images, the cluster L3Out named after its VLAN by default', () => {
    const { config, warnings } = loadConfig(calico.replace(/^ {4}name: calico_l3out.*\n/m, ''), 'c.yaml', { flavor: 'calico-3.26.3' });
    expect(warnings).toEqual([]);
    const l3 = config.aci_config.cluster_l3out as unknown as { name: string; svi: { node_profile_name: string } };
    expect(l3.name).toBe('calico-l3out-fsvi-vlan-13');
    expect(config.aci_config.system_id).toBe('calico-l3out-fsvi-vl'); // at most 20 characters
    expect(config.aci_config.sync_login.certfile).toBe('user-calico-l3out-fsvi-vl.crt');
    expect(l3.svi.node_profile_name).toBe('calico-l3out-fsvi-vlan-13_node_prof');
  });

  it('Calico requires its cluster L3Out and racks, not the ACI CNI VLANs', () => {
    const bare =
      'aci_config:\n  apic_hosts: [10.0.0.1]\n  vrf: {name: v, tenant: common}\nnet_config:\n  node_subnet: 10.1.0.0/24\n  pod_subnet: 10.2.0.0/16\n';
    const missing = fields(() => loadConfig(bare, 'c.yaml', { flavor: 'calico-3.26.3' }));
    expect(missing).toEqual(
      expect.arrayContaining([
        'aci_config.cluster_l3out.aep',
        'aci_config.cluster_l3out.svi.vlan_id',
        'aci_config.cluster_l3out.bgp.peering.aci_as_number',
        'net_config.extern_dynamic',
        'net_config.cluster_svc_subnet',
        'topology.rack',
      ]),
    );
    expect(missing).not.toContain('net_config.kubeapi_vlan');
    expect(missing).not.toContain('aci_config.system_id');
  });

  it('Calico uses the first of several subnets, with a warning, as the Python tool does', () => {
    const { warnings } = loadConfig(calico.replace('pod_subnet: 20.2.0.0/16', 'pod_subnet: [20.2.0.0/16, 20.5.0.0/16]'), 'c.yaml', {
      flavor: 'calico-3.26.3',
    });
    expect(warnings).toEqual(['net_config.pod_subnet: Calico takes one subnet; only 20.2.0.0/16 is used']);
  });

  it('with -a, Calico racks list only anchor leaves (each with its local_ip)', () => {
    const text = calico.replace('    - id: 103\n      local_ip: 2.100.101.203\n', '    - id: 103\n');
    const opts = { flavor: 'calico-3.26.3', provApic: true, username: 'admin', password: 'x' };
    expect(fields(() => loadConfig(text, 'c.yaml', opts))).toEqual(['topology.rack[1].leaf[0]']);
    expect(fields(() => loadConfig(text, 'c.yaml', { flavor: 'calico-3.26.3' }))).toEqual([]);
  });

  it('the basic overlay needs only its subnets', () => {
    expect(fields(() => loadConfig('net_config:\n  node_subnet: 10.1.0.1/24\n', 'o.yaml', { flavor: 'k8s-overlay' }))).toEqual([
      'net_config.pod_subnet',
    ]);
  });
});

describe('settings the Python tool fails on', () => {
  it('refuses the acicni-priority class with flavors that name no Kubernetes release where the Python tool reads one', () => {
    const text = 'kube_config:\n  use_acicni_priority_class: true\n';
    const base = sampleConfig('RKE2-kubernetes-1.30');
    expect(fields(() => loadConfig(`${base}${text}`, 'r.yaml', { flavor: 'RKE2-kubernetes-1.30' }))).toEqual([
      'kube_config.use_acicni_priority_class',
    ]);
    expect(fields(() => loadConfig(`${base}${text}`, 'r.yaml', { flavor: 'kubernetes-1.30' }))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleConfig } from '../../src/config/sample.js';
import { allFlavorNames, getFlavor } from '../../src/config/flavors.js';
import { knownPaths } from '../../src/config/schema.js';
import { load, problemsOf } from './helpers.js';

describe('sampleConfig', () => {
  it('is a valid input as printed, without warnings', () => {
    const { config, warnings } = load(sampleConfig('kubernetes-1.35'));
    expect(warnings).toEqual([]);
    expect(config.aci_config.system_id).toBe('mykube');
    expect(config.aci_config.apic_hosts).toEqual(['10.1.1.101']);
    expect(config.aci_config.aep).toBe('kube-cluster');
    expect(config.aci_config.vrf).toMatchObject({ name: 'mykube-vrf', tenant: 'common' });
    expect(config.aci_config.l3out).toEqual({ name: 'mykube_l3out', external_networks: ['mykube_extepg'] });
    expect(config.aci_config.vmm_domain.mcast_range).toEqual({ start: '225.20.1.1', end: '225.20.255.255' });
    expect(config.net_config).toMatchObject({
      node_subnet: ['10.1.0.1/16'],
      pod_subnet: ['10.2.0.1/24', '10.2.1.1/24'],
      extern_dynamic: ['10.3.0.1/24'],
      extern_static: ['10.4.0.1/24'],
      node_svc_subnet: '10.5.0.1/24',
      kubeapi_vlan: 4001,
      service_vlan: 4003,
      infra_vlan: 4093,
    });
    expect(config.registry.image_prefix).toBe('noiro');
    // The Python sample leaves nested_inside empty: the user file keeps it so.
    expect((config.user_config as any).aci_config.vmm_domain.nested_inside).toBeNull();
  });

  it('names the flavor and works for every flavor that has the images', () => {
    expect(sampleConfig('kubernetes-1.33')).toContain('-f kubernetes-1.33');
    expect(load(sampleConfig('kubernetes-1.21'), { flavor: 'kubernetes-1.21' }).warnings).toEqual([]);
  });

  it('only shows (in comments) keys the schema knows', () => {
    const known = new Set(knownPaths().map((p) => p.split('.').at(-1)));
    const commented = [...sampleConfig('kubernetes-1.35').matchAll(/^\s*#\s+([A-Za-z_]+):/gm)].map((m) => m[1]);
    expect(commented.length).toBeGreaterThan(80);
    const unknown = commented.filter((k) => !known.has(k) && !['name', 'namespace', 'group', 'labels', 'delay'].includes(k));
    expect(unknown).toEqual([]);
  });
});

describe('sampleConfig for OpenShift flavors', () => {
  const flavors = allFlavorNames().filter((f) => f.startsWith('openshift-') && !getFlavor(f)!.modes);

  it('is a valid input for every OpenShift flavor, without warnings', () => {
    expect(flavors.length).toBeGreaterThan(60);
    for (const flavor of flavors) {
      const { config, warnings } = load(sampleConfig(flavor), { flavor });
      expect(warnings, flavor).toEqual([]);
      expect(config.kube_config.kubectl, flavor).toBe('oc');
    }
  });

  it("names the installer's load balancer on ESX, the agent-based installer where it is used", () => {
    const esx = load(sampleConfig('openshift-4.20-esx'), { flavor: 'openshift-4.20-esx' }).config;
    expect(esx.aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip).toBe('192.168.18.201');
    const agent = load(sampleConfig('openshift-4.20-agent-based-esx'), { flavor: 'openshift-4.20-agent-based-esx' }).config;
    expect(agent.agent_based_installer).toEqual({ enable: true });
    expect(agent.aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip).toBeUndefined();
    // Without either, the ESX flavors reject the shared sample, as the Python tool rejects its own.
    expect(problemsOf(sampleConfig('kubernetes-1.35'), { flavor: 'openshift-4.20-esx' }).map((p) => p.field)).toEqual([
      'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip',
    ]);
  });

  it('gives the chained CNI and VMM-lite flavors a sample of their mode, valid as printed', () => {
    const chained = load(sampleConfig('openshift-sdn-ovn-baremetal'), { flavor: 'openshift-sdn-ovn-baremetal' });
    expect(chained.warnings).toEqual([]);
    expect(chained.config.chained_cni_config.secondary_interface_chaining).toBe(true);
    expect(chained.config.aci_config.secondary_aep).toBe('kube-cluster-2');
    const vmmLite = load(sampleConfig('openshift-vmm-lite-baremetal'), { flavor: 'openshift-vmm-lite-baremetal' });
    expect(vmmLite.warnings).toEqual([]);
    expect(vmmLite.config.vmm_lite_config).toMatchObject({ aaep_monitoring_enabled: true, bridge_name: 'br-nad', apic_username: 'mykube' });
    // Without a system id: only the controller's user on the APIC.
    expect(vmmLite.config.aci_config.system_id ?? null).toBeNull();
  });
});

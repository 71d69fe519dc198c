import { describe, expect, it } from 'vitest';
import {
  allFlavorNames,
  flavorFamily,
  getFlavor,
  isKnownFlavor,
  listFlavors,
  releaseKey,
  releaseVersions,
} from '../../src/config/flavors.js';

describe('flavors', () => {
  it('lists the visible flavors as the Python tool prints them', () => {
    // The Python tool's `--list-flavors`, the lines of the Kubernetes and OpenShift families.
    const landed = listFlavors().filter((l) => !l.includes(':\t') || /^(kubernetes|openshift)-/.test(l));
    expect(landed).toEqual([
      'Available configuration flavors:',
      'openshift-4.20-agent-based-baremetal:\tRed Hat OpenShift Container Platform 4.20 on Baremetal Agent-based Assisted Installation [Experimental]',
      'openshift-4.19-agent-based-baremetal:\tRed Hat OpenShift Container Platform 4.19 on Baremetal Agent-based Assisted Installation [Experimental]',
      'openshift-4.18-agent-based-baremetal:\tRed Hat OpenShift Container Platform 4.18 on Baremetal Agent-based Assisted Installation [Experimental]',
      'openshift-4.20-baremetal:\tRed Hat OpenShift Container Platform 4.20 on Baremetal',
      'openshift-4.19-baremetal:\tRed Hat OpenShift Container Platform 4.19 on Baremetal',
      'openshift-4.18-baremetal:\tRed Hat OpenShift Container Platform 4.18 on Baremetal',
      'openshift-4.20-openstack:\tRed Hat OpenShift Container Platform 4.20 on OpenStack',
      'openshift-4.19-openstack:\tRed Hat OpenShift Container Platform 4.19 on OpenStack',
      'openshift-4.18-openstack:\tRed Hat OpenShift Container Platform 4.18 on OpenStack',
      'openshift-4.20-agent-based-esx:\tRed Hat OpenShift Container Platform 4.20 on ESX Agent-based Assisted Installation [Experimental]',
      'openshift-4.19-agent-based-esx:\tRed Hat OpenShift Container Platform 4.19 on ESX Agent-based Assisted Installation [Experimental]',
      'openshift-4.18-agent-based-esx:\tRed Hat OpenShift Container Platform 4.18 on ESX Agent-based Assisted Installation [Experimental]',
      'openshift-4.20-esx:\tRed Hat OpenShift Container Platform 4.20 on ESX',
      'openshift-4.19-esx:\tRed Hat OpenShift Container Platform 4.19 on ESX',
      'openshift-4.18-esx:\tRed Hat OpenShift Container Platform 4.18 on ESX',
      'kubernetes-1.35:\tKubernetes 1.35',
      'kubernetes-1.34:\tKubernetes 1.34',
      'kubernetes-1.33:\tKubernetes 1.33',
      'openshift-sdn-ovn-baremetal:\tChained CNI for Red Hat OpenShift Container Platform 4.12 on Baremetal',
      'openshift-vmm-lite-baremetal:\tVMM lite for Red Hat OpenShift Container Platform 4.18 on Baremetal',
      'openshift-4.14-aci-cilium-esx:\tChained CNI for Red Hat OpenShift Container Platform 4.14 on ESX [Experimental]',
    ]);
  });

  it('lists the visible flavors of the other families as the Python tool prints them', () => {
    expect(listFlavors().filter((l) => !/^openshift-/.test(l))).toEqual([
      'Available configuration flavors:',
      'kubernetes-1.35:\tKubernetes 1.35',
      'kubernetes-1.34:\tKubernetes 1.34',
      'kubernetes-1.33:\tKubernetes 1.33',
      'RKE2-kubernetes-1.34:\tRancher Kubernetes Engine Government kubernetes version 1.34',
      'RKE2-kubernetes-1.33:\tRancher Kubernetes Engine Government kubernetes version 1.33',
      'RKE2-kubernetes-1.32:\tRancher Kubernetes Engine Government kubernetes version 1.32',
      'RKE-1.8.3:\tRancher Kubernetes Engine min version 1.8.3 [Experimental]',
      'RKE-1.7.7:\tRancher Kubernetes Engine min version 1.7.7 [Experimental]',
      'RKE-1.7.2:\tRancher Kubernetes Engine min version 1.7.2',
      'RKE-1.7.1:\tRancher Kubernetes Engine min version 1.7.1',
      'RKE-1.6.10:\tRancher Kubernetes Engine min version 1.6.10 [Experimental]',
      'RKE-1.6.6:\tRancher Kubernetes Engine min version 1.6.6',
      'RKE-1.6.5:\tRancher Kubernetes Engine min version 1.6.5',
      'RKE-1.6.3:\tRancher Kubernetes Engine min version 1.6.3',
      'RKE-1.5.14:\tRancher Kubernetes Engine min version 1.5.14',
      'calico-3.26.3:\tcalico-3.26.3',
      'k8s-aci-cilium:\tChained CNI for Kubernertes [Experimental]',
    ]);
  });

  it('knows the RKE, RKE2, Calico, Docker UCP, overlay and Cilium flavors, hidden ones included, each with its family', () => {
    const names = allFlavorNames();
    expect(names.filter((n) => n.startsWith('RKE-'))).toHaveLength(27);
    expect(names.filter((n) => n.startsWith('RKE2-'))).toHaveLength(11);
    // List order as the Python tool's: Docker UCP (68) just before the Kubernetes flavors, the Cilium flavor among the last.
    expect(names.indexOf('docker-ucp-3.0')).toBe(names.indexOf('kubernetes-1.35') - 1);
    expect(names.indexOf('k8s-aci-cilium')).toBeGreaterThan(names.indexOf('calico-3.26.3'));
    expect(flavorFamily('RKE-1.2.3')).toBe('rke');
    expect(getFlavor('RKE-1.2.3')?.network).toBe('1.2.3');
    expect(getFlavor('RKE-1.8.3')?.network).toBe('1.6.10');
    expect(flavorFamily('RKE2-kubernetes-1.24')).toBe('rke2');
    expect(flavorFamily('calico-3.26.3')).toBe('calico');
    expect(flavorFamily('k8s-overlay')).toBe('k8s-overlay');
    expect(flavorFamily('kubernetes-1.35')).toBe('kubernetes');
  });

  it('accepts every Kubernetes flavor from 1.10 to 1.35, hidden ones included', () => {
    const names = allFlavorNames().filter((n) => n.startsWith('kubernetes-'));
    expect(names).toHaveLength(26);
    expect(names[0]).toBe('kubernetes-1.35');
    expect(names.at(-1)).toBe('kubernetes-1.10');
    for (let minor = 10; minor <= 35; minor++) expect(isKnownFlavor(`kubernetes-1.${minor}`)).toBe(true);
    expect(isKnownFlavor('kubernetes-1.9')).toBe(false);
    expect(isKnownFlavor('openshift-4.21-esx')).toBe(false);
    expect(isKnownFlavor('toString')).toBe(false);
  });

  it('keys releases the way the Python tool prints its floats', () => {
    expect(releaseKey(6.1)).toBe('6.1');
    expect(releaseKey(5)).toBe('5.0');
    expect(releaseKey('5')).toBe('5.0');
    expect(releaseKey('latest')).toBeUndefined();
    expect(releaseVersions(6.1)?.aci_containers_host_version).toBe('6.1.2.1.81c2369');
    expect(releaseVersions(1.9)?.opflex_agent_version).toBe('1.9r80');
    expect(releaseVersions(7.7)).toBeUndefined();
  });
});

describe('OpenShift flavors', () => {
  it("are the Python tool's 71, each of the openshift family", () => {
    const names = allFlavorNames().filter((n) => n.startsWith('openshift-'));
    expect(names).toHaveLength(71);
    for (const n of names) expect(flavorFamily(n)).toBe('openshift');
    expect(flavorFamily('kubernetes-1.35')).toBe('kubernetes');
    for (const v of ['3.9', '3.10', '3.11', '4.3', '4.4']) expect(isKnownFlavor(`openshift-${v}`)).toBe(true);
    for (let minor = 4; minor <= 20; minor++) {
      expect(isKnownFlavor(`openshift-4.${minor}-esx`), `4.${minor}-esx`).toBe(true);
      expect(isKnownFlavor(`openshift-4.${minor}-openstack`)).toBe(true);
      expect(isKnownFlavor(`openshift-4.${minor}-baremetal`)).toBe(minor >= 6);
      expect(isKnownFlavor(`openshift-4.${minor}-agent-based-esx`)).toBe(minor >= 14);
      expect(isKnownFlavor(`openshift-4.${minor}-agent-based-baremetal`)).toBe(minor >= 14);
    }
  });

  it('layer their profile: contracts, OpenStack without the kubeapi VLAN, chained and VMM-lite modes', () => {
    const esx = getFlavor('openshift-4.20-esx')!;
    expect(esx.config).toMatchObject({
      net_config: { second_kubeapi_portgroup: true },
      kube_config: { kubectl: 'oc', generate_apic_file: true },
    });
    expect((esx.config as { aci_config: { items: { name: string }[] } }).aci_config.items.map((i) => i.name)).toEqual([
      'openshift-svc-catalog',
      'openshift-monitoring',
    ]);
    expect(getFlavor('openshift-4.20-openstack')!.options?.apic?.use_kubeapi_vlan).toBe(false);
    expect(getFlavor('openshift-4.20-baremetal')!.options).toBeUndefined();
    expect(getFlavor('openshift-sdn-ovn-baremetal')!.modes).toEqual({ chained: true });
    expect(getFlavor('openshift-vmm-lite-baremetal')!.modes).toEqual({ chained: true, vmmLite: true });
    expect(getFlavor('openshift-4.20-esx')!.modes).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { allFlavorNames, flavorFamily, flavorLayer, getFlavor, isKnownFlavor, listFlavors, releaseKey, releaseVersions } from '../../src/config/flavors.js';

describe('flavors', () => {
  it('lists the visible flavors as the Python tool prints them', () => {
    expect(listFlavors()).toEqual([
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
    expect(names[0]).toBe('docker-ucp-3.0'); // list order 68, before the Kubernetes flavors
    expect(names.at(-1)).toBe('k8s-aci-cilium');
    expect(flavorFamily('RKE-1.2.3')).toBe('rke');
    expect(getFlavor('RKE-1.2.3')?.network).toBe('1.2.3');
    expect(getFlavor('RKE-1.8.3')?.network).toBe('1.6.10');
    expect(flavorFamily('RKE2-kubernetes-1.24')).toBe('rke2');
    expect(flavorFamily('calico-3.26.3')).toBe('calico');
    expect(flavorFamily('k8s-overlay')).toBe('k8s-overlay');
    expect(flavorFamily('kubernetes-1.35')).toBe('kubernetes');
  });

  it('names the ports of a flavor after the cluster, as the Python tool does', () => {
    const items = (flavorLayer('RKE-1.8.3', 'rke').aci_config as { items: { name: string }[] }).items;
    expect(items.map((i) => i.name)).toEqual([
      'aci-containers-rke-metrics-kubelet',
      'aci-containers-rke-monitoring-node',
      'aci-containers-rke-monitoring-ingress',
      'aci-containers-rke-rancher-ui',
    ]);
    // A fresh copy each time: the flavor table itself is unchanged.
    expect((getFlavor('RKE-1.8.3')?.config?.aci_config as { items: { name: string }[] }).items[0]!.name).toBe('metrics-kubelet');
  });

  it('accepts every Kubernetes flavor from 1.10 to 1.35, hidden ones included', () => {
    const names = allFlavorNames().filter((n) => n.startsWith('kubernetes-'));
    expect(names).toHaveLength(26);
    expect(names[0]).toBe('kubernetes-1.35');
    expect(names.at(-1)).toBe('kubernetes-1.10');
    for (let minor = 10; minor <= 35; minor++) expect(isKnownFlavor(`kubernetes-1.${minor}`)).toBe(true);
    expect(isKnownFlavor('kubernetes-1.9')).toBe(false);
    expect(isKnownFlavor('openshift-4.18-esx')).toBe(false);
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

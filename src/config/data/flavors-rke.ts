// Rancher flavors of the Python acc-provision (flavors.yaml), carried as data:
// RKE (the tool writes the `network:` section of RKE's cluster.yml; each RKE
// release reads its own set of keys, named by `network`) and RKE2 (the ACI
// CNI manifest, as for upstream Kubernetes). All flavors of a family layer
// the same settings under the user's file; only their listing differs.
import type { FlavorData } from '../flavors.js';

/** A port of a filter entry as flavors.yaml writes it. */
const tcpPort = (name: string, port: number) => ({ name, range: [port, port], etherT: 'ip', prot: 'tcp', stateful: 'no' });

// The Rancher monitoring contract between the system and istio EPGs, and the
// ports the API filter opens for Rancher's own components.
const rancherContracts = () => ({
  contracts: [
    { name: 'prometheus-monitoring', provided: ['aci-containers-system'], consumed: ['aci-containers-istio'], filter: 'access-prometheus' },
  ],
  filters: [{ name: 'access-prometheus', items: [tcpPort('http', 8080)] }],
});
const rancherPorts = () => [
  tcpPort('metrics-kubelet', 10250),
  tcpPort('monitoring-node', 9796),
  tcpPort('monitoring-ingress', 10254),
  tcpPort('rancher-ui', 443),
];

function rkeConfig(): Record<string, unknown> {
  return {
    rke_config: rancherContracts(),
    kube_config: { allow_kube_api_default_epg: true, allow_pods_external_access: true },
    aci_config: {
      items: rancherPorts(),
      vmm_domain: { type: 'Kubernetes', injected_cluster_type: 'RKE', injected_cluster_provider: 'Rancher' },
    },
    istio_config: { install_istio: false },
    multus: { disable: false },
  };
}

function rke2Config(): Record<string, unknown> {
  return {
    rke_config: rancherContracts(),
    kube_config: {
      allow_kube_api_default_epg: true,
      use_host_netns_volume: true,
      allow_pods_external_access: true,
      use_cnideploy_initcontainer: true,
    },
    aci_config: {
      items: rancherPorts(),
      vmm_domain: { type: 'Kubernetes', injected_cluster_type: 'RKE2', injected_cluster_provider: 'Rancher' },
    },
    istio_config: { install_istio: false },
  };
}

// [RKE release, network section generation, status, hidden], newest first
// (list order 106 onwards). Releases sharing a generation read the same keys.
const RKE_RELEASES: Array<[string, string, string | null, boolean]> = [
  ['1.8.3', '1.6.10', 'Experimental', false],
  ['1.7.7', '1.6.10', 'Experimental', false],
  ['1.7.2', '1.6.6', null, false],
  ['1.7.1', '1.6.5', null, false],
  ['1.6.10', '1.6.10', 'Experimental', false],
  ['1.6.6', '1.6.6', null, false],
  ['1.6.5', '1.6.5', null, false],
  ['1.6.3', '1.5.14', null, false],
  ['1.6.2', '1.5.13', null, true],
  ['1.6.0', '1.4.20', null, true],
  ['1.5.14', '1.5.14', null, false],
  ['1.5.13', '1.5.13', null, true],
  ['1.5.11', '1.4.20', null, true],
  ['1.5.6', '1.4.16', null, true],
  ['1.5.3', '1.4.13', null, true],
  ['1.4.20', '1.4.20', null, true],
  ['1.4.16', '1.4.16', null, true],
  ['1.4.13', '1.4.13', null, true],
  ['1.4.9', '1.3.24', null, true],
  ['1.4.6', '1.3.21', null, true],
  ['1.3.24', '1.3.24', null, true],
  ['1.3.21', '1.3.21', null, true],
  ['1.3.20', '1.3.20', null, true],
  ['1.3.18', '1.3.18', null, true],
  ['1.3.17', '1.3.17', null, true],
  ['1.3.13', '1.3.13', null, true],
  ['1.2.3', '1.2.3', null, true],
];

/** RKE2 Kubernetes minors, newest first (list order 95 onwards); 1.31 and older are hidden. */
const RKE2_MINORS = [34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24];

export const RKE2_FLAVORS: Record<string, FlavorData> = Object.fromEntries(
  RKE2_MINORS.map((minor, i) => [
    `RKE2-kubernetes-1.${minor}`,
    {
      desc: `Rancher Kubernetes Engine Government kubernetes version 1.${minor}`,
      default_version: 6.1,
      status: null,
      hidden: minor < 32,
      order: 95 + i,
      family: 'rke2',
      config: rke2Config(),
    },
  ]),
);

export const RKE_FLAVORS: Record<string, FlavorData> = Object.fromEntries(
  RKE_RELEASES.map(([release, network, status, hidden], i) => [
    `RKE-${release}`,
    {
      desc: `Rancher Kubernetes Engine min version ${release}`,
      default_version: 6.1,
      status,
      hidden,
      order: 106 + i,
      family: 'rke',
      network,
      config: rkeConfig(),
    },
  ]),
);

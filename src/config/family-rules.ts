// What the flavor families of issue 16 require of a configuration where it
// differs from upstream Kubernetes: the basic overlay has no APIC and needs
// only its subnets; Calico peers with the fabric over BGP, so it needs the
// cluster L3Out instead of the ACI CNI's VLANs, and its subnets are plain
// networks (no gateway address) with images of Calico's own.
import type { Problem } from '../errors.js';
import { flavorFamily } from './flavors.js';
import { getPath, isTree, type Tree } from './merge.js';

export interface FamilyRules {
  /** Fields that must be set, with what each one is for. */
  required: [string, string][];
  /** Subnets name their gateway (10.1.0.1/16) rather than their network. */
  gatewaySubnets: boolean;
  /** The ACI CNI's image versions are needed. */
  aciImages: boolean;
}

const RULES: Record<string, FamilyRules> = {
  'k8s-overlay': {
    required: [
      ['net_config.node_subnet', 'the nodes subnet'],
      ['net_config.pod_subnet', 'the pods subnet'],
    ],
    gatewaySubnets: true,
    aciImages: true,
  },
  calico: {
    required: [
      ['aci_config.apic_hosts', 'the APIC addresses'],
      ['aci_config.vrf.name', 'the VRF of the cluster networks'],
      ['aci_config.vrf.tenant', 'the tenant of the VRF'],
      ['net_config.pod_subnet', 'the pods subnet'],
      ['net_config.node_subnet', 'the nodes subnet'],
      ['aci_config.cluster_l3out.aep', 'the attachable entity profile of the cluster L3Out'],
      ['aci_config.cluster_l3out.svi.vlan_id', 'the VLAN of the cluster L3Out floating SVI'],
      ['aci_config.cluster_l3out.svi.floating_ip', 'the floating IP of the cluster L3Out SVI'],
      ['aci_config.cluster_l3out.svi.secondary_ip', 'the secondary IP of the cluster L3Out SVI'],
      ['aci_config.cluster_l3out.bgp.peering.aci_as_number', 'the fabric BGP AS number the nodes peer with'],
      ['net_config.extern_dynamic', 'the subnet for external service IPs'],
      ['net_config.cluster_svc_subnet', 'the cluster service subnet'],
    ],
    gatewaySubnets: false,
    aciImages: false,
  },
};

/** The family's own rules, or undefined where the upstream Kubernetes rules apply. */
export function familyRules(flavor: string): FamilyRules | undefined {
  return RULES[flavorFamily(flavor)];
}

const CALICO_SINGLE_SUBNETS = ['net_config.node_subnet', 'net_config.pod_subnet', 'net_config.extern_dynamic'];

/**
 * Calico's IP pool and BGP advertisements take one subnet of each kind: the
 * first of a list is used, as the Python tool does, with a warning.
 */
export function familyWarnings(config: Tree, flavor: string): string[] {
  if (flavorFamily(flavor) !== 'calico') return [];
  return CALICO_SINGLE_SUBNETS.flatMap((field) => {
    const v = getPath(config, field);
    return Array.isArray(v) && v.length > 1 ? [`${field}: Calico takes one subnet; only ${String(v[0])} is used`] : [];
  });
}

// Families whose flavor name carries no `<major>.<minor>` where the Python
// tool reads the Kubernetes release for the acicni-priority PriorityClass: it
// fails on them, so the setting is refused (and named) instead.
const NO_PRIORITY_CLASS_RELEASE = new Set(['rke2', 'docker-ucp', 'k8s-aci-cilium', 'k8s-overlay']);

/** Calico's own rules: its racks, and with -a only anchor leaves (each with the local_ip it peers from), as the Python tool checks them. */
export function familyProblems(config: Tree, flavor: string, provApic: boolean | null): Problem[] {
  if (NO_PRIORITY_CLASS_RELEASE.has(flavorFamily(flavor)) && getPath(config, 'kube_config.use_acicni_priority_class') === true) {
    return [
      {
        field: 'kube_config.use_acicni_priority_class',
        value: true,
        rule: `not supported with flavor ${flavor} (the Python tool fails on it too)`,
      },
    ];
  }
  if (flavorFamily(flavor) !== 'calico') return [];
  const out: Problem[] = [];
  const racks = getPath(config, 'topology.rack');
  if (!Array.isArray(racks) || racks.length === 0) {
    out.push({ field: 'topology.rack', rule: 'required: the racks with their anchor leaves and nodes' });
  } else if (provApic === true) {
    racks.forEach((rack: unknown, i) => {
      const leaves = isTree(rack) && Array.isArray(rack.leaf) ? rack.leaf : [];
      leaves.forEach((leaf: unknown, j) => {
        if (!isTree(leaf) || leaf.local_ip === undefined) {
          out.push({
            field: `topology.rack[${i}].leaf[${j}]`,
            value: isTree(leaf) ? leaf.id : leaf,
            rule: 'only anchor leaves, each with its local_ip',
          });
        }
      });
    });
  }
  return out;
}

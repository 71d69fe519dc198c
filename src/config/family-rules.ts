// What the flavor families of issue 16 require of a configuration where it
// differs from upstream Kubernetes: the basic overlay has no APIC and needs
// only its subnets; Calico peers with the fabric over BGP, so it needs the
// cluster L3Out instead of the ACI CNI's VLANs, and its subnets are plain
// networks (no gateway address) with images of Calico's own.
import { flavorFamily } from './flavors.js';

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

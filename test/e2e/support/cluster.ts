// Cluster configurations for end-to-end scenarios: several clusters that
// share one fabric's AEP, VRF and L3Out, each with its own system id,
// VLANs, multicast range and subnets.
import type { SeedSpec } from '../../../src/sim/seed.js';

export interface ClusterSpec {
  systemId: string;
  /** 1..9: picks the cluster's VLANs, subnets and multicast range. */
  n: number;
  /** `host:port` of the APIC (the simulator) for spawned runs. */
  apicHost?: string;
  infraVlan?: number;
  /** Where the controller's certificate and key go (spawned runs make them). */
  certDir?: string;
}

export const SHARED = { aep: 'shared-aep', vrf: 'shared-vrf', tenant: 'common', l3out: 'shared-l3out', extEpg: 'shared-ext' };

export function clusterYaml(c: ClusterSpec): string {
  const n = c.n;
  const cert = c.certDir ? `${c.certDir}/user-${c.systemId}` : `user-${c.systemId}`;
  return `aci_config:
  system_id: ${c.systemId}
  apic_hosts:
  - ${c.apicHost ?? '127.0.0.1:9'}
  apic_login:
    username: admin
  aep: ${SHARED.aep}
  vrf:
    name: ${SHARED.vrf}
    tenant: ${SHARED.tenant}
  l3out:
    name: ${SHARED.l3out}
    external_networks:
    - ${SHARED.extEpg}
  sync_login:
    certfile: ${cert}.crt
    keyfile: ${cert}.key
  vmm_domain:
    encap_type: vxlan
    mcast_range:
      start: 225.${20 + n}.1.1
      end: 225.${20 + n}.255.255
net_config:
  node_subnet: 10.${10 * n}.0.1/16
  pod_subnet: 10.${10 * n + 1}.0.1/16
  extern_dynamic: 10.${10 * n + 2}.0.1/24
  extern_static: 10.${10 * n + 3}.0.1/24
  node_svc_subnet: 10.${10 * n + 4}.0.1/24
  kubeapi_vlan: ${100 + n}
  service_vlan: ${200 + n}
  infra_vlan: ${c.infraVlan ?? 4093}
kube_config:
  controller: 1.1.1.1
registry:
  image_prefix: noiro
`;
}

/** The fabric the clusters share. */
export function sharedSeed(overrides: Partial<SeedSpec> = {}): Partial<SeedSpec> {
  return {
    aeps: [SHARED.aep],
    vrfs: [{ tenant: SHARED.tenant, name: SHARED.vrf }],
    l3outs: [{ tenant: SHARED.tenant, name: SHARED.l3out, vrf: SHARED.vrf, external_networks: [SHARED.extEpg] }],
    ...overrides,
  };
}

// The few facts of the cluster configuration that node networking needs,
// pulled out of Config once so the generators and checks take plain values.
import type { Config } from '../config/types.js';
import { InputError, type Problem } from '../errors.js';
import { mtuProblems, uplinkMtu } from '../config/mtu.js';
import { parseGatewayCidr, type NodeSubnet } from './subnet.js';

export { DEFAULT_MTU_HEADROOM, MAX_UPLINK_MTU, MIN_UPLINK_MTU, uplinkMtu } from '../config/mtu.js';

export interface NodeNetworkParams {
  /** The fabric's infra VLAN: OpFlex and VXLAN run on a DHCP subinterface here. */
  infraVlan: number;
  /** The node VLAN (`kubeapi_vlan`): node addresses and the default route. */
  kubeapiVlan: number;
  /** node_subnet entries, one per address family (dual stack has two). */
  nodeSubnets: NodeSubnet[];
  /** MTU of the uplink and both subinterfaces. */
  mtu: number;
  /** The cluster's subnets (node, pod, node service, external), each with the key it comes from:
   * a node's management interface must not take traffic to them off the fabric. */
  clusterSubnets: ClusterSubnet[];
}

export interface ClusterSubnet {
  /** `net_config.pod_subnet`, `net_config.extern_static`, ... */
  field: string;
  subnet: NodeSubnet;
}

const CLUSTER_SUBNET_KEYS = ['node_subnet', 'pod_subnet', 'node_svc_subnet', 'extern_dynamic', 'extern_static'] as const;

function clusterSubnetsOf(net: Record<string, unknown>): ClusterSubnet[] {
  const out: ClusterSubnet[] = [];
  for (const key of CLUSTER_SUBNET_KEYS) {
    const raw = net[key];
    for (const entry of typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : []) {
      const subnet = typeof entry === 'string' ? parseGatewayCidr(entry) : undefined;
      if (subnet) out.push({ field: `net_config.${key}`, subnet });
    }
  }
  return out;
}

function vlanProblem(field: string, value: unknown): Problem | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4094) return undefined;
  return {
    field,
    value: value ?? null,
    rule: 'must be a VLAN id from 1 to 4094 (pass --infra-vlan when the file leaves it to APIC discovery)',
  };
}

/** Extracts and checks the node networking values; throws InputError. */
export function nodeNetworkParams(config: Config, overrides: { mtu?: number } = {}): NodeNetworkParams {
  const net = (config.net_config ?? {}) as Partial<Config['net_config']>;
  const problems: Problem[] = [];
  const infra = vlanProblem('net_config.infra_vlan', net.infra_vlan);
  if (infra) problems.push(infra);
  const kubeapi = vlanProblem('net_config.kubeapi_vlan', net.kubeapi_vlan);
  if (kubeapi) problems.push(kubeapi);
  if (!infra && !kubeapi && net.infra_vlan === net.kubeapi_vlan) {
    problems.push({ field: 'net_config.kubeapi_vlan', value: net.kubeapi_vlan, rule: 'must differ from net_config.infra_vlan' });
  }

  // A single-stack file may still hold a string here; dual stack is a list.
  const raw: unknown = net.node_subnet;
  const entries = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
  const nodeSubnets: NodeSubnet[] = [];
  if (entries.length === 0)
    problems.push({
      field: 'net_config.node_subnet',
      value: raw ?? null,
      rule: 'must be the node subnet as gateway/prefix, e.g. 10.1.0.1/16',
    });
  entries.forEach((entry, i) => {
    const field = typeof raw === 'string' ? 'net_config.node_subnet' : `net_config.node_subnet[${i}]`;
    const subnet = typeof entry === 'string' ? parseGatewayCidr(entry) : undefined;
    if (!subnet) problems.push({ field, value: entry, rule: 'must be gateway/prefix, e.g. 10.1.0.1/16' });
    else if (nodeSubnets.some((s) => s.family === subnet.family))
      problems.push({ field, value: entry, rule: `only one IPv${subnet.family} node subnet is supported` });
    else nodeSubnets.push(subnet);
  });

  // The same rule as the main command's validation (src/config/mtu.ts).
  const mtuIssues = mtuProblems(net.interface_mtu, net.interface_mtu_headroom, overrides.mtu);
  problems.push(...mtuIssues);
  const mtu = overrides.mtu ?? uplinkMtu(net.interface_mtu, net.interface_mtu_headroom);
  if (problems.length) throw new InputError(problems);
  return { infraVlan: net.infra_vlan!, kubeapiVlan: net.kubeapi_vlan!, nodeSubnets, mtu, clusterSubnets: clusterSubnetsOf(net) };
}

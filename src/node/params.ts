// The few facts of the cluster configuration that node networking needs,
// pulled out of Config once so the generators and checks take plain values.
import type { Config } from '../config/types.js';
import { InputError, type Problem } from '../errors.js';
import { parseGatewayCidr, type NodeSubnet } from './subnet.js';

/** Uplink MTU the integration guide asks for at the least. */
export const MIN_UPLINK_MTU = 1600;
/** VXLAN encapsulation of pod traffic needs this much above the pod MTU. */
export const DEFAULT_MTU_HEADROOM = 100;
export const MAX_UPLINK_MTU = 9216;

export interface NodeNetworkParams {
  /** The fabric's infra VLAN: OpFlex and VXLAN run on a DHCP subinterface here. */
  infraVlan: number;
  /** The node VLAN (`kubeapi_vlan`): node addresses and the default route. */
  kubeapiVlan: number;
  /** node_subnet entries, one per address family (dual stack has two). */
  nodeSubnets: NodeSubnet[];
  /** MTU of the uplink and both subinterfaces. */
  mtu: number;
}

/**
 * MTU for the uplink and its subinterfaces. `interface_mtu` is the pod
 * interface MTU; the uplink must carry it plus the VXLAN headroom, and never
 * less than the guide's 1600 (so the default pod MTU of 1500 gives 1600, and
 * the largest pod MTU, 8900, gives 9000).
 */
export function uplinkMtu(interfaceMtu: number | null | undefined, headroom: number | null | undefined): number {
  if (interfaceMtu == null) return MIN_UPLINK_MTU;
  return Math.max(MIN_UPLINK_MTU, interfaceMtu + (headroom ?? DEFAULT_MTU_HEADROOM));
}

function vlanProblem(field: string, value: unknown): Problem | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4094) return undefined;
  return { field, value: value ?? null, rule: 'must be a VLAN id from 1 to 4094 (pass --infra-vlan when the file leaves it to APIC discovery)' };
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
  if (entries.length === 0) problems.push({ field: 'net_config.node_subnet', value: raw ?? null, rule: 'must be the node subnet as gateway/prefix, e.g. 10.1.0.1/16' });
  entries.forEach((entry, i) => {
    const field = typeof raw === 'string' ? 'net_config.node_subnet' : `net_config.node_subnet[${i}]`;
    const subnet = typeof entry === 'string' ? parseGatewayCidr(entry) : undefined;
    if (!subnet) problems.push({ field, value: entry, rule: 'must be gateway/prefix, e.g. 10.1.0.1/16' });
    else if (nodeSubnets.some((s) => s.family === subnet.family)) problems.push({ field, value: entry, rule: `only one IPv${subnet.family} node subnet is supported` });
    else nodeSubnets.push(subnet);
  });

  let mtu = uplinkMtu(net.interface_mtu, net.interface_mtu_headroom);
  if (overrides.mtu !== undefined) {
    if (!Number.isInteger(overrides.mtu) || overrides.mtu < MIN_UPLINK_MTU || overrides.mtu > MAX_UPLINK_MTU) {
      problems.push({ field: '--mtu', value: overrides.mtu, rule: `must be an integer from ${MIN_UPLINK_MTU} to ${MAX_UPLINK_MTU}` });
    } else mtu = overrides.mtu;
  } else if (mtu > MAX_UPLINK_MTU) {
    problems.push({ field: 'net_config.interface_mtu', value: net.interface_mtu, rule: `plus its headroom gives an uplink MTU above ${MAX_UPLINK_MTU}` });
  }
  if (problems.length) throw new InputError(problems);
  return { infraVlan: net.infra_vlan!, kubeapiVlan: net.kubeapi_vlan!, nodeSubnets, mtu };
}

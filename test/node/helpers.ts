// Shared fixtures: node networking values as a real config gives them
// (base_case: infra VLAN 4093, node VLAN 4001, node_subnet 10.1.0.1/16).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseInventory } from '../../src/node/inventory.js';
import type { NodeSpec } from '../../src/node/node.js';
import type { NodeNetworkParams } from '../../src/node/params.js';
import { parseGatewayCidr } from '../../src/node/subnet.js';
import { validateInventory } from '../../src/node/validate.js';

export const params: NodeNetworkParams = {
  infraVlan: 4093,
  kubeapiVlan: 4001,
  nodeSubnets: [parseGatewayCidr('10.1.0.1/16')!],
  mtu: 1600,
  clusterSubnets: [
    ['node_subnet', '10.1.0.1/16'],
    ['pod_subnet', '10.2.0.1/16'],
    ['extern_dynamic', '10.3.0.1/24'],
    ['extern_static', '10.4.0.1/24'],
    ['node_svc_subnet', '10.5.0.1/24'],
  ].map(([key, cidr]) => ({ field: `net_config.${key}`, subnet: parseGatewayCidr(cidr)! })),
};

export const dualStackParams: NodeNetworkParams = {
  ...params,
  nodeSubnets: [parseGatewayCidr('10.1.0.1/16')!, parseGatewayCidr('2:2:1:1::1/64')!],
  mtu: 9000,
};

export const INVENTORY = `nodes:
  - name: master-1
    uplink: ens192
    infra_mac: 00:50:56:8a:10:01
    node_ip: 10.1.0.101
    mgmt:
      interface: ens160
      address: 192.168.66.17/24
      gateway: 192.168.66.1
      routes: [198.51.100.0/24, 172.16.0.0/12]
  - name: worker-1
    bond:
      name: bond0
      members: [eno1, eno2]
      mode: 802.3ad
    infra_mac: 00:50:56:8A:10:02
    node_ip: 10.1.0.102
  - name: worker-2
    uplink: eth1
    infra_mac: 00-50-56-8a-10-03
    node_ip: 10.1.0.103
`;

export const DUAL_STACK_INVENTORY = `nodes:
  - name: ds-1
    uplink: ens192
    infra_mac: 00:50:56:8a:20:01
    node_ip: [10.1.0.201, "2:2:1:1::c9"]
    mgmt:
      interface: ens160
      address: fd00:66::11/64
      gateway: fd00:66::1
      routes: [fd00:10::/48]
`;

export function nodesOf(text: string, p: NodeNetworkParams = params, file = 'nodes.yaml'): NodeSpec[] {
  return validateInventory(parseInventory(text, file), p);
}

/** Absolute path of a tool, looking in the sbin folders too (not always on PATH). */
export function findTool(name: string): string | undefined {
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/bin']) {
    if (existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

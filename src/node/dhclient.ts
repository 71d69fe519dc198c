// dhclient configuration for the infra VLAN subinterface. The APIC's infra
// DHCP server knows a node by the client identifier 01:<MAC> (type 1,
// Ethernet), and OpFlex needs the options listed in the Cisco ACI Kubernetes
// integration guide, so the file asks for exactly those.
import type { HostFile } from './host-file.js';
import { infraInterface, type NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

/** Host path of the per-interface dhclient file (read by RHEL's ifup and NetworkManager's dhclient mode). */
export function dhclientPath(node: NodeSpec, params: NodeNetworkParams): string {
  return `etc/dhcp/dhclient-${infraInterface(node, params)}.conf`;
}

export function renderDhclient(node: NodeSpec, params: NodeNetworkParams): HostFile {
  const lines = [
    // Must be the first line: the guide, and scripts that patch it, expect it there.
    `send dhcp-client-identifier 01:${node.infraMac};`,
    'request subnet-mask, domain-name, domain-name-servers, host-name;',
    // With "=": dhclient 4.x rejects the guide's `send host-name gethostname();`
    // and, recovering from that error, also loses the option definitions below.
    'send host-name = gethostname();',
    'option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;',
    'option ms-classless-static-routes code 249 = array of unsigned integer 8;',
    'option wpad code 252 = string;',
    'also request rfc3442-classless-static-routes;',
    'also request ms-classless-static-routes;',
    'also request static-routes;',
    'also request wpad;',
    'also request ntp-servers;',
    `# acc-provision node-config: infra VLAN ${params.infraVlan} of node ${node.name}`,
  ];
  return { path: dhclientPath(node, params), content: lines.join('\n') + '\n', mode: 0o644 };
}

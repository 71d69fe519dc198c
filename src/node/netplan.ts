// Netplan (Ubuntu, Debian with netplan.io): one file describing the uplink or
// bond, both VLAN subinterfaces and the management routes, rendered for
// systemd-networkd.
import { Document } from 'yaml';
import { BOND_MIIMON_MS, MULTICAST_ROUTE, type HostFile } from './host-file.js';
import { infraInterface, nodeVlanInterface, type NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

export const NETPLAN_PATH = 'etc/netplan/01-aci.yaml';

export function renderNetplan(node: NodeSpec, params: NodeNetworkParams): HostFile {
  const { mtu } = params;
  const ethernets: Record<string, unknown> = {};
  const network: Record<string, unknown> = { version: 2, renderer: 'networkd', ethernets };

  if (node.bond) {
    for (const member of node.bond.members) ethernets[member] = { mtu };
    network.bonds = {
      [node.bond.name]: {
        interfaces: node.bond.members,
        mtu,
        parameters: { mode: node.bond.mode, 'mii-monitor-interval': BOND_MIIMON_MS },
      },
    };
  } else {
    ethernets[node.uplink] = { mtu };
  }

  if (node.mgmt) {
    ethernets[node.mgmt.interface] = {
      addresses: [node.mgmt.address],
      ...(node.mgmt.routes.length ? { routes: node.mgmt.routes.map((to) => ({ to, via: node.mgmt!.gateway })) } : {}),
    };
  }

  const v6 = node.addresses.find((a) => a.family === 6);
  network.vlans = {
    [infraInterface(node, params)]: {
      id: params.infraVlan,
      link: node.uplink,
      mtu,
      // networkd sends 01:<interface MAC> as client identifier with `mac`;
      // pinning the MAC makes that the inventory's infra_mac.
      macaddress: node.infraMac,
      dhcp4: true,
      'dhcp-identifier': 'mac',
      routes: [{ to: MULTICAST_ROUTE, scope: 'link' }],
    },
    [nodeVlanInterface(node, params)]: {
      id: params.kubeapiVlan,
      link: node.uplink,
      mtu,
      addresses: node.addresses.map((a) => `${a.address}/${a.prefix}`),
      routes: node.addresses.map((a) => ({ to: 'default', via: a.gateway })),
      ...(node.dns
        ? {
            nameservers: {
              ...(node.dns.servers.length ? { addresses: node.dns.servers } : {}),
              ...(node.dns.search.length ? { search: node.dns.search } : {}),
            },
          }
        : {}),
      // Router advertisements must not move the default route off the node VLAN.
      ...(v6 ? { 'accept-ra': false } : {}),
    },
  };

  const doc = new Document({ network });
  doc.commentBefore = ` acc-provision node-config: ACI uplink and VLANs of node ${node.name}`;
  // Quote strings so YAML 1.1 readers never take a MAC for a base-60 number.
  const text = doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return { path: NETPLAN_PATH, content: text, mode: 0o600 };
}

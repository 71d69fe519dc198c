// ifupdown (Debian's /etc/network/interfaces): one file for interfaces.d
// with the uplink or bond, both VLAN subinterfaces and the management routes,
// in the layout of the integration guide's example (except for how the infra
// VLAN runs its DHCP client, see below).
import { MULTICAST_ROUTE, BOND_MIIMON_MS, type HostFile } from './host-file.js';
import { dhclientPath } from './dhclient.js';
import { infraInterface, nodeVlanInterface, type NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

export const IFUPDOWN_PATH = 'etc/network/interfaces.d/aci';

function stanza(comment: string, name: string, method: string, options: string[], auto = true): string {
  const head = [`# ${comment}`, ...(auto ? [`auto ${name}`] : [])];
  return [...head, `iface ${name} ${method}`, ...options.map((o) => `    ${o}`)].join('\n');
}

export function renderIfupdown(node: NodeSpec, params: NodeNetworkParams): HostFile {
  const { mtu } = params;
  const uplink = node.uplink;
  const infra = infraInterface(node, params);
  const nodeVlan = nodeVlanInterface(node, params);
  const blocks: string[] = [`# acc-provision node-config: ACI uplink and VLANs of node ${node.name}`];

  if (node.mgmt) {
    const m = node.mgmt;
    const family = m.address.includes(':') ? 'inet6' : 'inet';
    blocks.push(
      stanza('Management interface (not connected to ACI): no default route here', m.interface, `${family} static`, [
        `address ${m.address}`,
        ...m.routes.map((r) => `up ip route replace ${r} via ${m.gateway} dev ${m.interface}`),
      ]),
    );
  }

  if (node.bond) {
    const b = node.bond;
    // Needs the ifenslave package, which reads the bond-* options.
    blocks.push(
      stanza(`Bond connected to ACI (members ${b.members.join(', ')})`, b.name, 'inet manual', [
        `bond-slaves ${b.members.join(' ')}`,
        `bond-mode ${b.mode}`,
        `bond-miimon ${BOND_MIIMON_MS}`,
        `mtu ${mtu}`,
      ]),
    );
  } else {
    blocks.push(stanza('Interface connected to ACI', uplink, 'inet manual', [`mtu ${mtu}`]));
  }

  // Not `inet dhcp`: ifup would run dhclient with /etc/dhcp/dhclient.conf and
  // a DUID client identifier, while the APIC expects 01:<MAC>. dhclient is run
  // here with this VLAN's own file, which sends that identifier.
  const dhclient = `dhclient -4 -cf /${dhclientPath(node, params)} -pf /run/dhclient.${infra}.pid -lf /var/lib/dhcp/dhclient.${infra}.leases`;
  blocks.push(
    stanza(
      `ACI infra VLAN ${params.infraVlan}: address from the APIC by DHCP (dhclient with its own file), multicast through it`,
      infra,
      'inet manual',
      [
        `vlan-raw-device ${uplink}`,
        `hwaddress ${node.infraMac}`,
        `mtu ${mtu}`,
        `up ${dhclient} ${infra}`,
        `up ip route replace ${MULTICAST_ROUTE} dev ${infra}`,
        `down ${dhclient} -r ${infra}`,
      ],
    ),
  );

  node.addresses.forEach((a, k) => {
    const family = a.family === 4 ? 'inet' : 'inet6';
    const options = [
      ...(k === 0 ? [`vlan-raw-device ${uplink}`, `mtu ${mtu}`] : []),
      `address ${a.address}/${a.prefix}`,
      `gateway ${a.gateway}`,
      ...(a.family === 6 ? ['accept_ra 0'] : []),
      // resolvconf (or systemd-resolved's ifupdown hook) reads these.
      ...(k === 0 && node.dns?.servers.length ? [`dns-nameservers ${node.dns.servers.join(' ')}`] : []),
      ...(k === 0 && node.dns?.search.length ? [`dns-search ${node.dns.search.join(' ')}`] : []),
    ];
    blocks.push(
      stanza(`Node VLAN ${params.kubeapiVlan} (kubeapi_vlan): node address, default route`, nodeVlan, `${family} static`, options, k === 0),
    );
  });

  return { path: IFUPDOWN_PATH, content: blocks.join('\n\n') + '\n', mode: 0o644 };
}

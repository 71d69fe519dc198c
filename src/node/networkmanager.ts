// NetworkManager keyfiles (RHEL, Fedora, SUSE): one connection profile per
// interface, so each can be brought up and inspected with nmcli on its own.
import { createHash } from 'node:crypto';
import { BOND_MIIMON_MS, MULTICAST_ROUTE, type HostFile } from './host-file.js';
import { infraInterface, nodeVlanInterface, type NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

export const NM_DIR = 'etc/NetworkManager/system-connections';

type Section = Record<string, string | number | boolean>;
type Keyfile = Record<string, Section>;

/** Stable UUID (name-based, v5 layout) so regenerating a profile keeps its identity. */
export function profileUuid(nodeName: string, ifname: string): string {
  const h = createHash('sha1').update(`acc-provision/${nodeName}/${ifname}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function serialise(comment: string, file: Keyfile): string {
  const parts = [`# ${comment}`];
  for (const [name, section] of Object.entries(file)) {
    parts.push(`[${name}]`, ...Object.entries(section).map(([k, v]) => `${k}=${v}`), '');
  }
  return parts.join('\n');
}

function profile(node: NodeSpec, ifname: string, type: string, comment: string, rest: Keyfile): HostFile {
  const base: Section = { id: `aci-${ifname}`, uuid: profileUuid(node.name, ifname), type, 'interface-name': ifname, autoconnect: true };
  // Extra connection keys (a bond port's master) join the base ones.
  const { connection, ...sections } = rest;
  const file: Keyfile = { connection: { ...base, ...connection }, ...sections };
  // NetworkManager ignores keyfiles that are not private to root.
  return { path: `${NM_DIR}/aci-${ifname}.nmconnection`, content: serialise(comment, file), mode: 0o600 };
}

const NO_IP: Keyfile = { ipv4: { method: 'disabled' }, ipv6: { method: 'disabled' } };

export function renderNetworkManager(node: NodeSpec, params: NodeNetworkParams): HostFile[] {
  const { mtu } = params;
  const files: HostFile[] = [];
  const tag = `acc-provision node-config, node ${node.name}:`;

  if (node.bond) {
    const b = node.bond;
    files.push(
      profile(node, b.name, 'bond', `${tag} bond connected to ACI`, {
        bond: { mode: b.mode, miimon: BOND_MIIMON_MS },
        ethernet: { mtu },
        ...NO_IP,
      }),
    );
    for (const member of b.members) {
      files.push(
        profile(node, member, 'ethernet', `${tag} member of ${b.name}`, {
          connection: { master: b.name, 'slave-type': 'bond' },
          ethernet: { mtu },
        }),
      );
    }
  } else {
    files.push(profile(node, node.uplink, 'ethernet', `${tag} interface connected to ACI`, { ethernet: { mtu }, ...NO_IP }));
  }

  const infra = infraInterface(node, params);
  files.push(
    profile(node, infra, 'vlan', `${tag} ACI infra VLAN ${params.infraVlan}`, {
      ethernet: { mtu, 'cloned-mac-address': node.infraMac },
      vlan: { id: params.infraVlan, parent: node.uplink },
      ipv4: {
        method: 'auto',
        'dhcp-client-id': `01:${node.infraMac}`,
        // The default route belongs to the node VLAN.
        'never-default': true,
        route1: MULTICAST_ROUTE,
      },
      ipv6: { method: 'disabled' },
    }),
  );

  const v4 = node.addresses.find((a) => a.family === 4);
  const v6 = node.addresses.find((a) => a.family === 6);
  const nodeVlan = nodeVlanInterface(node, params);
  files.push(
    profile(node, nodeVlan, 'vlan', `${tag} node VLAN ${params.kubeapiVlan} (kubeapi_vlan)`, {
      ethernet: { mtu },
      vlan: { id: params.kubeapiVlan, parent: node.uplink },
      // "address,gateway": the keyfile's own form, as NetworkManager writes it back.
      ipv4: v4 ? { method: 'manual', address1: `${v4.address}/${v4.prefix},${v4.gateway}`, ...dnsKeys(node, 4) } : { method: 'disabled' },
      ipv6: v6 ? { method: 'manual', address1: `${v6.address}/${v6.prefix},${v6.gateway}`, ...dnsKeys(node, 6) } : { method: 'disabled' },
    }),
  );

  if (node.mgmt) {
    const m = node.mgmt;
    const ip: Section = { method: 'manual', address1: m.address, 'never-default': true };
    m.routes.forEach((r, k) => {
      ip[`route${k + 1}`] = `${r},${m.gateway}`;
    });
    const v6mgmt = m.address.includes(':');
    files.push(
      profile(node, m.interface, 'ethernet', `${tag} management interface (not connected to ACI)`, {
        // The other family is left alone ("ignore"): this profile only adds routes.
        ipv4: v6mgmt ? { method: 'disabled' } : ip,
        ipv6: v6mgmt ? ip : { method: 'ignore' },
      }),
    );
  }
  return files;
}

/** The node's name servers of one family and (with the first family configured) its search domains, as keyfile keys. */
function dnsKeys(node: NodeSpec, family: 4 | 6): Section {
  if (!node.dns) return {};
  const servers = node.dns.servers.filter((a) => (a.includes(':') ? 6 : 4) === family);
  const firstFamily = node.addresses[0]?.family === family;
  return {
    ...(servers.length ? { dns: `${servers.join(';')};` } : {}),
    ...(firstFamily && node.dns.search.length ? { 'dns-search': `${node.dns.search.join(';')};` } : {}),
  };
}

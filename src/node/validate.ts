// Inventory validation: every entry is checked against the rules below and
// every problem is reported at once, each naming the node and the field.
import ipaddr from 'ipaddr.js';
import { InputError, type Problem } from '../errors.js';
import type { RawInventory } from './inventory.js';
import {
  BOND_MODES,
  DEFAULT_BOND_MODE,
  HOST_FORMATS,
  type Bond,
  type BondMode,
  type HostFormat,
  type MgmtInterface,
  type NodeAddress,
  type NodeDns,
  type NodeSpec,
} from './node.js';
import type { ClusterSubnet, NodeNetworkParams } from './params.js';
import { inSubnet, isReservedInSubnet, parseAddress, sameAddress } from './subnet.js';

/** The kernel's IFNAMSIZ is 16 bytes including the terminating NUL. */
export const MAX_IFNAME = 15;
const NODE_KEYS = ['name', 'uplink', 'bond', 'infra_mac', 'node_ip', 'mgmt', 'format', 'dns'];
const DNS_KEYS = ['servers', 'search'];
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const BOND_KEYS = ['name', 'members', 'mode'];
const MGMT_KEYS = ['interface', 'address', 'gateway', 'routes'];
/** Kubernetes node names are DNS-1123 subdomains; they also name output folders. */
const NODE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;

/** Why a Linux interface name is unusable, or undefined when it is fine. */
export function ifnameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_IFNAME) return `is ${name.length} characters; Linux interface names have at most ${MAX_IFNAME}`;
  if (name === '.' || name === '..' || /[\s/:%]/.test(name)) return 'must not be "." or ".." nor contain "/", ":", "%" or spaces';
  return undefined;
}

/** Normalised MAC (lower case, colons) or a reason it is not a usable unicast MAC. */
export function normaliseMac(text: string): { mac?: string; problem?: string } {
  if (!MAC.test(text)) return { problem: 'must be a MAC address of six hex octets, e.g. 00:50:56:8a:12:34' };
  const mac = text.toLowerCase().replace(/-/g, ':');
  if (parseInt(mac.slice(0, 2), 16) & 1) return { problem: 'is a multicast MAC; an interface presents a unicast one' };
  if (mac === '00:00:00:00:00:00') return { problem: 'must not be all zeros' };
  return { mac };
}

class Collector {
  readonly problems: Problem[] = [];
  constructor(private readonly inventory: RawInventory) {}
  add(index: number, nodeName: string | undefined, path: string, value: unknown, rule: string): void {
    const top = path.split(/[.[]/)[0];
    const at = this.inventory.at(index, top);
    const who = nodeName ? `node "${nodeName}": ` : '';
    this.problems.push({ field: `nodes[${index}]${path ? `.${path}` : ''}`, value, rule: who + rule, ...(at ? { at } : {}) });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(
  c: Collector,
  i: number,
  name: string | undefined,
  prefix: string,
  obj: Record<string, unknown>,
  allowed: string[],
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) c.add(i, name, prefix + key, obj[key], `unknown key; expected one of ${allowed.join(', ')}`);
  }
}

function checkIfname(c: Collector, i: number, name: string | undefined, path: string, value: unknown): string | undefined {
  if (typeof value !== 'string') {
    c.add(i, name, path, value ?? null, 'must be an interface name');
    return undefined;
  }
  const why = ifnameProblem(value);
  if (why) {
    c.add(i, name, path, value, why);
    return undefined;
  }
  return value;
}

function checkBond(c: Collector, i: number, name: string | undefined, raw: unknown): Bond | undefined {
  if (!isRecord(raw)) {
    c.add(i, name, 'bond', raw, 'must be a mapping {name, members, mode}');
    return undefined;
  }
  unknownKeys(c, i, name, 'bond.', raw, BOND_KEYS);
  const bondName = checkIfname(c, i, name, 'bond.name', raw.name);
  const members: string[] = [];
  if (!Array.isArray(raw.members) || raw.members.length === 0)
    c.add(i, name, 'bond.members', raw.members ?? null, 'must list the bonded interfaces');
  else
    raw.members.forEach((m, k) => {
      const member = checkIfname(c, i, name, `bond.members[${k}]`, m);
      if (!member) return;
      if (members.includes(member) || member === bondName) c.add(i, name, `bond.members[${k}]`, m, 'appears twice in the bond');
      else members.push(member);
    });
  const mode = raw.mode ?? DEFAULT_BOND_MODE;
  if (!(BOND_MODES as readonly unknown[]).includes(mode)) c.add(i, name, 'bond.mode', raw.mode, `must be one of ${BOND_MODES.join(', ')}`);
  if (!bondName || members.length !== (raw.members as unknown[]).length) return undefined;
  return { name: bondName, members, mode: mode as BondMode };
}

/** The cluster subnet `cidr` overlaps (either holds the other), if any. */
function clusterSubnetOverlapping(cidr: string, params: NodeNetworkParams): ClusterSubnet | undefined {
  const [net, prefix] = ipaddr.parseCIDR(cidr);
  return params.clusterSubnets.find(({ subnet }) => {
    const [other, otherPrefix] = ipaddr.parseCIDR(subnet.network);
    if (other.kind() !== net.kind()) return false;
    return prefix >= otherPrefix ? net.match(other, otherPrefix) : other.match(net, prefix);
  });
}

function checkMgmt(c: Collector, i: number, name: string | undefined, raw: unknown, params: NodeNetworkParams): MgmtInterface | undefined {
  if (!isRecord(raw)) {
    c.add(i, name, 'mgmt', raw, 'must be a mapping {interface, address, gateway, routes}');
    return undefined;
  }
  unknownKeys(c, i, name, 'mgmt.', raw, MGMT_KEYS);
  let ok = true;
  const iface = checkIfname(c, i, name, 'mgmt.interface', raw.interface);
  const address = typeof raw.address === 'string' && ipaddr.isValidCIDR(raw.address) ? raw.address : undefined;
  if (!address) {
    c.add(i, name, 'mgmt.address', raw.address ?? null, 'must be the management address in CIDR form, e.g. 192.168.66.17/24');
    ok = false;
  } else {
    // Its connected route would send traffic for the cluster's own subnet out of the management port.
    const host = ipaddr.parseCIDR(address)[0].toString();
    const clash = params.clusterSubnets.find(({ subnet }) => inSubnet(host, subnet)) ?? clusterSubnetOverlapping(address, params);
    if (clash) {
      c.add(
        i,
        name,
        'mgmt.address',
        raw.address,
        `overlaps ${clash.field} (${clash.subnet.network}): the management interface would take the cluster's traffic off the fabric; use a management network outside the cluster's subnets`,
      );
      ok = false;
    }
  }
  const gateway = typeof raw.gateway === 'string' ? parseAddress(raw.gateway) : undefined;
  if (!gateway) {
    c.add(i, name, 'mgmt.gateway', raw.gateway ?? null, 'must be the IP address of the management router');
    ok = false;
  } else if (address) {
    const [addr, prefix] = ipaddr.parseCIDR(address);
    const gw = ipaddr.parse(gateway.address);
    if (gw.kind() !== addr.kind() || !gw.match(addr, prefix)) {
      c.add(i, name, 'mgmt.gateway', raw.gateway, `must be inside the management subnet of ${address}`);
      ok = false;
    } else if (sameAddress(addr.toString(), gateway.address)) {
      c.add(i, name, 'mgmt.gateway', raw.gateway, 'must differ from the management address');
      ok = false;
    }
  }
  const routes: string[] = [];
  const rawRoutes = raw.routes ?? [];
  if (!Array.isArray(rawRoutes)) {
    c.add(i, name, 'mgmt.routes', rawRoutes, 'must be a list of destinations in CIDR form');
    ok = false;
  } else
    rawRoutes.forEach((r, k) => {
      if (typeof r !== 'string' || !ipaddr.isValidCIDR(r)) {
        c.add(i, name, `mgmt.routes[${k}]`, r, 'must be a destination in CIDR form, e.g. 10.0.0.0/8');
        ok = false;
        return;
      }
      const [net, prefix] = ipaddr.parseCIDR(r);
      if (prefix === 0) {
        c.add(i, name, `mgmt.routes[${k}]`, r, 'the default route goes through the node VLAN; list specific management networks');
        ok = false;
        return;
      }
      if (gateway && (net.kind() === 'ipv4' ? 4 : 6) !== gateway.family) {
        c.add(i, name, `mgmt.routes[${k}]`, r, 'must be of the same address family as mgmt.gateway');
        ok = false;
        return;
      }
      const clash = clusterSubnetOverlapping(r, params);
      if (clash) {
        c.add(
          i,
          name,
          `mgmt.routes[${k}]`,
          r,
          `overlaps ${clash.field} (${clash.subnet.network}): that traffic must stay on the fabric, not go out of the management interface`,
        );
        ok = false;
        return;
      }
      routes.push(r);
    });
  if (!ok || !iface || !address || !gateway) return undefined;
  return { interface: iface, address, gateway: gateway.address, routes };
}

function checkDns(c: Collector, i: number, name: string | undefined, raw: unknown): NodeDns | undefined {
  if (!isRecord(raw)) {
    c.add(i, name, 'dns', raw, 'must be a mapping {servers: [IP..], search: [domain..]}');
    return undefined;
  }
  unknownKeys(c, i, name, 'dns.', raw, DNS_KEYS);
  const list = (key: string): unknown[] | undefined => {
    const v = raw[key] ?? [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v as unknown[];
    c.add(i, name, `dns.${key}`, v, 'must be a list');
    return undefined;
  };
  const servers: string[] = [];
  const search: string[] = [];
  let ok = true;
  list('servers')?.forEach((v, k) => {
    const addr = typeof v === 'string' ? parseAddress(v) : undefined;
    if (!addr) {
      c.add(i, name, `dns.servers[${k}]`, v, 'must be the IP address of a name server');
      ok = false;
    } else servers.push(addr.address);
  });
  list('search')?.forEach((v, k) => {
    if (typeof v !== 'string' || !DOMAIN.test(v)) {
      c.add(i, name, `dns.search[${k}]`, v, 'must be a domain name, e.g. cluster.example.com');
      ok = false;
    } else search.push(v);
  });
  if (servers.length === 0 && search.length === 0) {
    c.add(i, name, 'dns', raw, 'give servers, search domains or both');
    ok = false;
  }
  return ok ? { servers, search } : undefined;
}

function checkNodeIps(c: Collector, i: number, name: string | undefined, raw: unknown, params: NodeNetworkParams): NodeAddress[] {
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!list || list.length === 0) {
    c.add(i, name, 'node_ip', raw ?? null, 'must be the node address on the node VLAN (a list of two for dual stack)');
    return [];
  }
  const out: NodeAddress[] = [];
  list.forEach((entry, k) => {
    const field = typeof raw === 'string' ? 'node_ip' : `node_ip[${k}]`;
    const addr = typeof entry === 'string' ? parseAddress(entry) : undefined;
    if (!addr) {
      c.add(i, name, field, entry, 'must be an IP address without prefix length');
      return;
    }
    const subnet = params.nodeSubnets.find((s) => s.family === addr.family);
    const subnets = params.nodeSubnets.map((s) => s.network).join(', ');
    if (!subnet || !inSubnet(addr.address, subnet)) {
      c.add(i, name, field, entry, `must be inside node_subnet (${subnets})`);
      return;
    }
    if (sameAddress(addr.address, subnet.gateway)) {
      c.add(i, name, field, entry, `is the node_subnet gateway ${subnet.gateway}; give the node its own address`);
      return;
    }
    if (isReservedInSubnet(addr.address, subnet)) {
      c.add(i, name, field, entry, `is the network or broadcast address of ${subnet.network}`);
      return;
    }
    if (out.some((a) => a.family === addr.family)) {
      c.add(i, name, field, entry, `a node has one IPv${addr.family} address on the node VLAN`);
      return;
    }
    out.push({ family: addr.family, address: addr.address, prefix: subnet.prefix, gateway: subnet.gateway });
  });
  return out.sort((a, b) => a.family - b.family);
}

/** Validates every entry; returns the nodes or throws one InputError listing all problems. */
export function validateInventory(inventory: RawInventory, params: NodeNetworkParams): NodeSpec[] {
  const c = new Collector(inventory);
  const nodes: NodeSpec[] = [];
  const seenNames = new Map<string, number>();
  const seenMacs = new Map<string, number>();
  const seenIps = new Map<string, number>();
  const seenMgmt = new Map<string, number>();
  if (inventory.nodes.length === 0) c.problems.push({ field: 'nodes', rule: 'the inventory lists no nodes' });

  inventory.nodes.forEach((raw, i) => {
    if (!isRecord(raw)) {
      c.add(i, undefined, '', raw, 'must be a mapping with name, uplink or bond, infra_mac, node_ip');
      return;
    }
    const problemsBefore = c.problems.length;
    let name: string | undefined;
    if (typeof raw.name !== 'string' || !NODE_NAME.test(raw.name) || raw.name.length > 253) {
      c.add(i, undefined, 'name', raw.name ?? null, 'must be a lower-case DNS name (letters, digits, "-", "."), as Kubernetes names nodes');
    } else {
      name = raw.name;
      const first = seenNames.get(name);
      if (first !== undefined) c.add(i, name, 'name', raw.name, `is already used by nodes[${first}]`);
      else seenNames.set(name, i);
    }
    unknownKeys(c, i, name, '', raw, NODE_KEYS);

    let uplink: string | undefined;
    let bond: Bond | undefined;
    let uplinkField = 'uplink';
    if (raw.uplink !== undefined && raw.bond !== undefined) c.add(i, name, 'bond', raw.bond, 'give either uplink or bond, not both');
    else if (raw.bond !== undefined) {
      bond = checkBond(c, i, name, raw.bond);
      uplink = bond?.name;
      uplinkField = 'bond.name';
    } else if (raw.uplink !== undefined) uplink = checkIfname(c, i, name, 'uplink', raw.uplink);
    else c.add(i, name, 'uplink', null, 'give the uplink interface (uplink: IFACE) or a bond (bond: {name, members, mode})');
    if (uplink) {
      // One problem per uplink: the longer VLAN id gives the longer name.
      const sub = `${uplink}.${Math.max(params.infraVlan, params.kubeapiVlan)}`;
      if (sub.length > MAX_IFNAME)
        c.add(
          i,
          name,
          uplinkField,
          uplink,
          `its VLAN subinterface ${sub} would have ${sub.length} characters; Linux allows ${MAX_IFNAME} (rename the interface, e.g. with a udev rule or a shorter bond name)`,
        );
    }

    let infraMac: string | undefined;
    if (typeof raw.infra_mac !== 'string')
      c.add(i, name, 'infra_mac', raw.infra_mac ?? null, 'must be the MAC address the infra VLAN interface presents');
    else {
      const { mac, problem } = normaliseMac(raw.infra_mac);
      if (problem) c.add(i, name, 'infra_mac', raw.infra_mac, problem);
      else if (seenMacs.has(mac!))
        c.add(i, name, 'infra_mac', raw.infra_mac, `is already used by nodes[${seenMacs.get(mac!)}]; the APIC tells nodes apart by it`);
      else {
        seenMacs.set(mac!, i);
        infraMac = mac;
      }
    }

    const addresses = checkNodeIps(c, i, name, raw.node_ip, params);
    addresses.forEach((a) => {
      const first = seenIps.get(a.address);
      const field = Array.isArray(raw.node_ip)
        ? `node_ip[${(raw.node_ip as string[]).findIndex((x) => sameAddress(x, a.address))}]`
        : 'node_ip';
      if (first !== undefined) c.add(i, name, field, a.address, `is already used by nodes[${first}]`);
      else seenIps.set(a.address, i);
    });

    let mgmt: MgmtInterface | undefined;
    if (raw.mgmt !== undefined) {
      mgmt = checkMgmt(c, i, name, raw.mgmt, params);
      const taken = [uplink, ...(bond?.members ?? [])];
      if (mgmt && taken.includes(mgmt.interface)) {
        c.add(i, name, 'mgmt.interface', mgmt.interface, 'must be a separate interface, not the ACI uplink or a bond member');
      }
      if (mgmt) {
        const host = ipaddr.parseCIDR(mgmt.address)[0].toString();
        const first = seenMgmt.get(host);
        if (first !== undefined) c.add(i, name, 'mgmt.address', mgmt.address, `is already used by nodes[${first}]`);
        else seenMgmt.set(host, i);
      }
    }

    let format: HostFormat | undefined;
    if (raw.format !== undefined) {
      if ((HOST_FORMATS as readonly unknown[]).includes(raw.format)) format = raw.format as HostFormat;
      else c.add(i, name, 'format', raw.format, `must be one of ${HOST_FORMATS.join(', ')}: how this host configures its network`);
    }
    const dns = raw.dns !== undefined ? checkDns(c, i, name, raw.dns) : undefined;

    if (c.problems.length === problemsBefore && name && uplink && infraMac && addresses.length) {
      nodes.push({
        name,
        uplink,
        infraMac,
        addresses,
        ...(bond ? { bond } : {}),
        ...(mgmt ? { mgmt } : {}),
        ...(format ? { format } : {}),
        ...(dns ? { dns } : {}),
      });
    }
  });
  if (c.problems.length) throw new InputError(c.problems);
  return nodes;
}

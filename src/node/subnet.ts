// Address arithmetic for node subnets. The configuration writes a subnet as its
// gateway plus prefix length ("10.1.0.1/16"), the ACI convention for a bridge
// domain subnet, so each subnet here keeps both the gateway and the network.
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface NodeSubnet {
  family: Family;
  /** The router address on the node VLAN (the bridge domain's subnet IP). */
  gateway: string;
  prefix: number;
  /** Network in CIDR form, e.g. 10.1.0.0/16. */
  network: string;
}

/** Parses "gateway/prefix"; returns undefined when the text is not a CIDR. */
export function parseGatewayCidr(text: string): NodeSubnet | undefined {
  if (!ipaddr.isValidCIDR(text)) return undefined;
  const [addr, prefix] = ipaddr.parseCIDR(text);
  const family: Family = addr.kind() === 'ipv4' ? 4 : 6;
  const network = family === 4 ? ipaddr.IPv4.networkAddressFromCIDR(text).toString() : ipaddr.IPv6.networkAddressFromCIDR(text).toString();
  return { family, gateway: addr.toString(), prefix, network: `${network}/${prefix}` };
}

/** Parses a plain address; undefined when not an IP address. */
export function parseAddress(text: string): { family: Family; address: string } | undefined {
  if (typeof text !== 'string' || !ipaddr.isValid(text)) return undefined;
  // ipaddr accepts shorthand IPv4 forms ("10.1"); node addresses must be written out.
  if (text.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(text) && !text.includes(':')) return undefined;
  const addr = ipaddr.parse(text);
  return { family: addr.kind() === 'ipv4' ? 4 : 6, address: addr.toString() };
}

export function sameAddress(a: string, b: string): boolean {
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  return !!pa && !!pb && pa.address === pb.address;
}

export function inSubnet(address: string, subnet: NodeSubnet): boolean {
  const parsed = parseAddress(address);
  if (!parsed || parsed.family !== subnet.family) return false;
  const addr = ipaddr.parse(parsed.address);
  const net = ipaddr.parseCIDR(subnet.network);
  return addr.match(net);
}

/** The network's own address and (IPv4) its broadcast address: never a host's. */
export function isReservedInSubnet(address: string, subnet: NodeSubnet): boolean {
  if (subnet.family === 6) return sameAddress(address, subnet.network.split('/')[0]);
  const cidr = `${subnet.gateway}/${subnet.prefix}`;
  if (subnet.prefix >= 31) return false;
  const net = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
  const bcast = ipaddr.IPv4.broadcastAddressFromCIDR(cidr).toString();
  return sameAddress(address, net) || sameAddress(address, bcast);
}

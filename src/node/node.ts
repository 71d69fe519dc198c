// A validated inventory entry and the interface names derived from it.
import type { Family } from './subnet.js';
import type { NodeNetworkParams } from './params.js';

export const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'] as const;
export type BondMode = (typeof BOND_MODES)[number];
/** ACI vPC port channels run LACP. */
export const DEFAULT_BOND_MODE: BondMode = '802.3ad';

export interface Bond {
  name: string;
  members: string[];
  mode: BondMode;
}

export interface MgmtInterface {
  interface: string;
  /** CIDR, e.g. 192.168.66.17/24. */
  address: string;
  gateway: string;
  /** Destinations (CIDR) reached through `gateway`; never the default route. */
  routes: string[];
}

export interface NodeAddress {
  family: Family;
  address: string;
  prefix: number;
  gateway: string;
}

/** The host's network configuration system, chosen per node (`format:`) or for all (`--format`). */
export const HOST_FORMATS = ['netplan', 'ifupdown', 'nm'] as const;
export type HostFormat = (typeof HOST_FORMATS)[number];

/** Name servers and search domains the node VLAN hands to the resolver. */
export interface NodeDns {
  servers: string[];
  search: string[];
}

export interface NodeSpec {
  name: string;
  /** The interface carrying both VLANs: the physical uplink or the bond. */
  uplink: string;
  bond?: Bond;
  /** Lower-case, colon separated. */
  infraMac: string;
  /** One per node subnet family given (IPv4 first). */
  addresses: NodeAddress[];
  mgmt?: MgmtInterface;
  /** The inventory's `format:`, when given. */
  format?: HostFormat;
  dns?: NodeDns;
}

export function infraInterface(node: NodeSpec, params: NodeNetworkParams): string {
  return `${node.uplink}.${params.infraVlan}`;
}

export function nodeVlanInterface(node: NodeSpec, params: NodeNetworkParams): string {
  return `${node.uplink}.${params.kubeapiVlan}`;
}

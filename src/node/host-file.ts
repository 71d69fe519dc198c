// A file as it lands on the node, relative to the node's root directory.
export interface HostFile {
  /** e.g. `etc/netplan/01-aci.yaml` (no leading slash). */
  path: string;
  content: string;
  /** Netplan and NetworkManager ignore or warn about files others can read. */
  mode: number;
}

/** Route every node's multicast (VXLAN BUM replication) goes through the infra VLAN. */
export const MULTICAST_ROUTE = '224.0.0.0/4';
/** Link monitoring interval (ms) for bonds: the Linux bonding driver's usual value. */
export const BOND_MIIMON_MS = 100;

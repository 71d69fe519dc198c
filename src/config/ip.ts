// IPv4/IPv6 addresses and prefixes as the configuration uses them:
// `10.1.0.1/16` is a subnet written as its gateway address and prefix length.
// Parsing is as strict as Python's ipaddress module (no leading zeros, no
// shorthand like `10.0.1`), and addresses are printed the way it prints them,
// because derived values (pools, gateways) must match the Python tool's.

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

export interface Cidr {
  version: IpVersion;
  /** The address as written before the slash (the gateway). */
  address: bigint;
  prefix: number;
  /** The text after the slash, kept as written (derived strings reuse it). */
  prefixText: string;
}

const V4_PART = /^(0|[1-9]\d{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!V4_PART.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

function parseHextets(text: string, allowV4Tail: boolean): bigint[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const out: bigint[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (allowV4Tail && i === parts.length - 1 && p.includes('.')) {
      const v4 = parseV4(p);
      if (v4 === undefined) return undefined;
      out.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEXTET.test(p)) {
      out.push(BigInt(parseInt(p, 16)));
    } else {
      return undefined;
    }
  }
  return out;
}

function parseV6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    const head = parseHextets(halves[0], false);
    const tail = parseHextets(halves[1], true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    const all = parseHextets(text, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parseIp(text: string): IpAddress | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === undefined ? undefined : { version: 6, value };
  }
  const value = parseV4(text);
  return value === undefined ? undefined : { version: 4, value };
}

export function isIpAddress(text: unknown): boolean {
  return typeof text === 'string' && parseIp(text) !== undefined;
}

export function formatIp(version: IpVersion, value: bigint): string {
  if (version === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  }
  const groups: bigint[] = [];
  for (let i = 7; i >= 0; i--) groups.push((value >> BigInt(i * 16)) & 0xffffn);
  // Compress the longest run (of two or more) of zero groups; the first on ties.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
}

export function bits(version: IpVersion): number {
  return version === 4 ? 32 : 128;
}

/** `address/prefix` with a valid address and an integer prefix in range; else undefined. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const ip = parseIp(parts[0]);
  if (!ip || !/^\d{1,3}$/.test(parts[1])) return undefined;
  const prefix = Number(parts[1]);
  if (prefix > bits(ip.version)) return undefined;
  return { version: ip.version, address: ip.value, prefix, prefixText: parts[1] };
}

export function hostMask(c: { version: IpVersion; prefix: number }): bigint {
  return (1n << BigInt(bits(c.version) - c.prefix)) - 1n;
}

export function networkAddress(c: Cidr): bigint {
  return c.address & ~hostMask(c);
}

export function lastAddress(c: Cidr): bigint {
  return networkAddress(c) | hostMask(c);
}

/** Number of addresses in the prefix. */
export function size(c: Cidr): bigint {
  return hostMask(c) + 1n;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  return networkAddress(a) <= lastAddress(b) && networkAddress(b) <= lastAddress(a);
}

export function contains(c: Cidr, version: IpVersion, value: bigint): boolean {
  return c.version === version && networkAddress(c) <= value && value <= lastAddress(c);
}

/**
 * The values the manifest derives from a subnet: the address pool (third
 * address to the last but one), the first host (used as gateway of the
 * network), the network address, the prefix as written, and the address as
 * written (normalized). Needs at least four addresses in the prefix.
 */
export interface SubnetParts {
  first: string;
  last: string;
  firstHost: string;
  network: string;
  prefixText: string;
  address: string;
}

export function splitSubnet(text: string): SubnetParts {
  const c = parseCidr(text);
  if (!c) throw new Error(`not a subnet: ${text}`);
  const net = networkAddress(c);
  const end = lastAddress(c);
  return {
    first: formatIp(c.version, net + 2n),
    last: formatIp(c.version, end - 1n),
    firstHost: formatIp(c.version, net + 1n),
    network: formatIp(c.version, net),
    prefixText: c.prefixText,
    address: formatIp(c.version, c.address),
  };
}

/** The prefix in canonical form: `10.1.0.1/16` -> `10.1.0.0/16`. */
export function normalizeCidr(text: string): string {
  const c = parseCidr(text);
  if (!c) throw new Error(`not a subnet: ${text}`);
  return `${formatIp(c.version, networkAddress(c))}/${c.prefix}`;
}

export const MULTICAST_V4: Cidr = { version: 4, address: 0xe0000000n, prefix: 4, prefixText: '4' };

// The bridge CNI settings of a VMM-lite cluster (`vmm_lite_config.
// bridge_nad_config_file`): a YAML mapping of the bridge plugin's options
// that the controller puts in the network attachment definitions it makes.
// Checked here as the Python tool checks it: known keys and types, and the
// options that only make sense together.
import { parseCidr, overlaps, type Cidr } from './ip.js';
import { isTree, type Tree } from './merge.js';

const KEY_TYPES: Record<string, 'boolean' | 'string' | 'integer' | 'mapping'> = {
  isGateway: 'boolean',
  isDefaultGateway: 'boolean',
  forceAddress: 'boolean',
  ipMasq: 'boolean',
  ipMasqBackend: 'string',
  mtu: 'integer',
  hairpinMode: 'boolean',
  promiscMode: 'boolean',
  enabledad: 'boolean',
  macspoofchk: 'boolean',
  disableContainerInterface: 'boolean',
  portIsolation: 'boolean',
  ipam: 'mapping',
};

const IPAM_KEYS: Record<string, string[]> = {
  dhcp: ['daemonSocketPath', 'request', 'skipDefault', 'option', 'provide', 'value', 'fromArg'],
  static: ['addresses', 'address', 'gateway', 'routes', 'dns'],
  whereabouts: [
    'range',
    'ipRanges',
    'range_start',
    'range_end',
    'exclude',
    'gateway',
    'network_name',
    'enable_overlapping_ranges',
    'node_slice_size',
  ],
  'host-local': ['ranges', 'subnet', 'rangeStart', 'rangeEnd', 'gateway', 'routes', 'resolvConf', 'dataDir'],
};

const cidr = (t: string): Cidr => parseCidr(t)!;
const RESERVED: Record<4 | 6, [Cidr, string][]> = {
  4: [
    [cidr('127.0.0.0/8'), 'loopback'],
    [cidr('169.254.0.0/16'), 'link-local'],
    [cidr('224.0.0.0/4'), 'multicast'],
    [cidr('0.0.0.0/8'), 'this network'],
  ],
  6: [
    [cidr('::1/128'), 'loopback'],
    [cidr('fe80::/10'), 'link-local'],
    [cidr('ff00::/8'), 'multicast'],
  ],
};

function isType(v: unknown, t: string): boolean {
  switch (t) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return isTree(v);
  }
}

function subnetProblems(v: unknown, field: string): string[] {
  const c = typeof v === 'string' ? parseCidr(v) : undefined;
  if (!c) return [`${field} = ${String(v)}: not an IPv4 or IPv6 subnet`];
  const hostBits = (c.version === 4 ? 32 : 128) - c.prefix;
  const mask = (1n << BigInt(hostBits)) - 1n;
  if ((c.address & mask) !== 0n) return [`${field} = ${String(v)}: has host bits set (write the network address)`];
  const out: string[] = [];
  if (hostBits <= 1) out.push(`${field} = ${String(v)}: has no usable host address`);
  for (const [net, what] of RESERVED[c.version]) {
    if (overlaps(c, net)) out.push(`${field} = ${String(v)}: overlaps the ${what} range`);
  }
  return out;
}

function ipamProblems(ipam: Tree): string[] {
  const type = ipam.type;
  if (!type) return ['ipam.type: required'];
  if (typeof type !== 'string' || !(type in IPAM_KEYS))
    return [`ipam.type = ${String(type)}: must be one of ${Object.keys(IPAM_KEYS).join(', ')}`];
  const out: string[] = [];
  const extra = Object.keys(ipam).filter((k) => k !== 'type' && !IPAM_KEYS[type].includes(k));
  if (extra.length > 0) out.push(`ipam: unexpected keys for type ${type}: ${extra.join(', ')} (allowed: ${IPAM_KEYS[type].join(', ')})`);
  if (type === 'host-local') {
    const { ranges, subnet } = ipam;
    if (!ranges && !subnet) return [...out, 'ipam.ranges or ipam.subnet: required with type host-local'];
    if (ranges && subnet) return [...out, 'ipam.ranges and ipam.subnet: give one of them, not both'];
    if (ranges) {
      if (!Array.isArray(ranges) || ranges.length === 0) out.push('ipam.ranges: must be a non-empty list');
      else
        ranges.forEach((set: unknown, i) => {
          if (!Array.isArray(set) || set.length === 0) return void out.push(`ipam.ranges[${i}]: must be a non-empty list`);
          set.forEach((r: unknown, j) => {
            const field = `ipam.ranges[${i}][${j}].subnet`;
            if (!isTree(r)) out.push(`ipam.ranges[${i}][${j}]: must be a mapping`);
            else if (!r.subnet) out.push(`${field}: required`);
            else out.push(...subnetProblems(r.subnet, field));
          });
        });
    }
    if (subnet) out.push(...subnetProblems(subnet, 'ipam.subnet'));
  } else if (type === 'whereabouts') {
    if (!ipam.range) out.push('ipam.range: required with type whereabouts');
    else out.push(...subnetProblems(ipam.range, 'ipam.range'));
  }
  return out;
}

/** What is wrong with a bridge NAD configuration, one line each (empty when it is fine). */
export function bridgeNadProblems(doc: unknown, bridgeName: string): string[] {
  if (!isTree(doc)) return ['must be a YAML mapping of the bridge options'];
  const unknown = Object.keys(doc).filter((k) => !(k in KEY_TYPES));
  if (unknown.length > 0) return [`unknown keys ${unknown.join(', ')} (known: ${Object.keys(KEY_TYPES).join(', ')})`];
  const out: string[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (!isType(v, KEY_TYPES[k])) out.push(`${k} = ${JSON.stringify(v)}: must be a ${KEY_TYPES[k]}`);
    else if (k === 'ipMasqBackend' && v !== 'iptables' && v !== 'nftables')
      out.push(`ipMasqBackend = ${String(v)}: must be iptables or nftables`);
  }
  if (out.length > 0) return out;
  const ipam = isTree(doc.ipam) && Object.keys(doc.ipam).length > 0 ? doc.ipam : undefined;
  const on = (k: string) => doc[k] === true;
  if ((on('isGateway') || on('isDefaultGateway') || on('ipMasq') || on('forceAddress')) && !ipam) {
    out.push('ipam: required with isGateway, isDefaultGateway, ipMasq or forceAddress');
  }
  if ((on('isGateway') || on('isDefaultGateway')) && bridgeName.length > 10) {
    out.push(`vmm_lite_config.bridge_name = ${bridgeName}: at most 10 characters with isGateway or isDefaultGateway`);
  }
  const mtu = doc.mtu;
  if (typeof mtu === 'number' && (mtu < 576 || mtu > 9216)) out.push(`mtu = ${mtu}: must be from 576 to 9216`);
  if (ipam) out.push(...ipamProblems(ipam));
  if (doc.ipMasqBackend && !on('ipMasq')) out.push('ipMasqBackend: has no effect unless ipMasq is true');
  if (on('isDefaultGateway') && !on('isGateway')) out.push('isDefaultGateway: needs isGateway true');
  if (on('forceAddress') && !on('isGateway')) out.push('forceAddress: needs isGateway true');
  if (on('disableContainerInterface') && ipam) out.push('disableContainerInterface: cannot be true with ipam (no address can be assigned)');
  if (on('enabledad') && on('disableContainerInterface')) out.push('enabledad: cannot be true with disableContainerInterface');
  return out;
}

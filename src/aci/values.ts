// What "the same value" means between what we post and what an APIC holds,
// one definition for plan (is there anything to send?) and verify (does the
// APIC hold what -a wrote?); and which properties are never compared.
//
// When an APIC value means the same as the desired one. The APIC rewrites some
// values it is given: well-known ports and IP protocols come back as names
// (`53` -> `dns`, `6` -> `tcp`), multi-valued flags (`ctrl`, `tcpRules`) come
// back in its own order, and long texts (a certificate) may gain or lose line
// endings. A property the APIC does not report is its empty default.

/** vzEntry ports the APIC names (its enumeration of well-known ports). */
const PORT_NAMES: Record<string, string> = {
  '0': 'unspecified',
  '20': 'ftpData',
  '25': 'smtp',
  '53': 'dns',
  '80': 'http',
  '110': 'pop3',
  '443': 'https',
  '554': 'rtsp',
};

/** vzEntry protocols the APIC names. */
const PROTOCOL_NAMES: Record<string, string> = {
  '0': 'unspecified',
  '1': 'icmp',
  '2': 'igmp',
  '6': 'tcp',
  '8': 'egp',
  '9': 'igp',
  '17': 'udp',
  '58': 'icmpv6',
  '88': 'eigrp',
  '89': 'ospfigp',
  '103': 'pim',
  '115': 'l2tp',
};

const PORT_PROPS = new Set(['sFromPort', 'sToPort', 'dFromPort', 'dToPort']);

function canonical(className: string, prop: string, value: string): string {
  const v = value.trim();
  if (className === 'vzEntry' && PORT_PROPS.has(prop)) return PORT_NAMES[v] ?? v;
  if (className === 'vzEntry' && prop === 'prot') return PROTOCOL_NAMES[v] ?? v;
  return v;
}

/** A comma list compared as a set (`on-link,router-address` = `router-address,on-link`). */
function asSet(v: string): string {
  return v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .sort()
    .join(',');
}

/** Multi-line text (PEM) compared without its line-ending and trailing-space differences. */
function asText(v: string): string {
  return v
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** Whether `actual` (the APIC's value, undefined when not reported) matches `expected`. */
export function sameValue(className: string, prop: string, actual: string | undefined, expected: string): boolean {
  const a = canonical(className, prop, actual ?? '');
  const e = canonical(className, prop, expected);
  if (a === e) return true;
  if (a.includes(',') || e.includes(',')) return asSet(a) === asSet(e);
  if (a.includes('\n') || e.includes('\n')) return asText(a) === asText(e);
  return false;
}

/** Never compared: identity, and instructions rather than state. */
export const NOT_COMPARED: ReadonlySet<string> = new Set(['dn', 'rn', 'status', 'childAction']);

/**
 * Properties that hold secrets (the user's password, the controller's private
 * key in the cluster registration): never printed, never compared (an APIC
 * does not report them back).
 */
const SECRET_PROPERTY = /^(pwd|.*[Pp]assword|userKey|.*[Pp]rivateKey)$/;

export function isSecretProperty(prop: string): boolean {
  return SECRET_PROPERTY.test(prop);
}

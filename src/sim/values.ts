// Property values checked against the object model's types (see
// src/aci/model.ts): enumerations and bitmasks, number ranges, string
// lengths and patterns, addresses, encapsulations. Refusals carry the APIC's
// code 120 and name the property, the object and the rule.
import { isIP } from 'node:net';
import type { PropType } from '../aci/model.js';
import { badRequest, CODE } from './errors.js';

const reCache = new Map<string, RegExp | null>();
function regex(source: string): RegExp | null {
  let re = reCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    reCache.set(source, re);
  }
  return re;
}

function isNumber(value: string, min: number, max: number): boolean {
  if (!/^-?\d+$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}

/** An IPv4 or IPv6 address, optionally with a prefix length. */
function isAddress(value: string): boolean {
  const slash = value.indexOf('/');
  const addr = slash < 0 ? value : value.slice(0, slash);
  const kind = isIP(addr);
  if (kind === 0) return false;
  if (slash < 0) return true;
  return isNumber(value.slice(slash + 1), 0, kind === 4 ? 32 : 128);
}

const MAC = /^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/;

/** `vlan-N` (1-4094), `vxlan-N` (5000-16777215) or `unknown`; returns the number, or undefined when invalid. */
export function encapNumber(value: string): number | undefined {
  const m = /^(vlan|vxlan)-(\d+)$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[2]);
  return (m[1] === 'vlan' ? n >= 1 && n <= 4094 : n >= 5000 && n <= 16777215) ? n : undefined;
}

export function checkTyped(type: PropType, className: string, dn: string, prop: string, value: string): void {
  const refuse = (rule: string) =>
    badRequest(CODE.invalidValue, `Property ${prop} of ${dn} (class ${className}): value ${JSON.stringify(value)} is not valid: ${rule}`);
  switch (type.k) {
    case 'enum': {
      const words = type.v ?? [];
      if (type.bits) {
        const given = value.split(',').map((w) => w.trim());
        if (value === '' || given.every((w) => words.includes(w))) return;
        throw refuse(`expected a comma-separated subset of ${words.join(', ')}`);
      }
      if (words.includes(value)) return;
      if (type.num && isNumber(value, type.min ?? 0, type.max ?? Number.MAX_SAFE_INTEGER)) return;
      throw refuse(`expected one of ${words.join(', ')}${type.num ? ` or a number from ${type.min} to ${type.max}` : ''}`);
    }
    case 'num':
      if (isNumber(value, type.min ?? 0, type.max ?? Number.MAX_SAFE_INTEGER)) return;
      throw refuse(`expected a number from ${type.min} to ${type.max}`);
    case 'str': {
      if (value === '' && (type.min ?? 0) === 0) return;
      if (value.length < (type.min ?? 0) || value.length > (type.max ?? Infinity)) {
        throw refuse(`expected ${type.min} to ${type.max} characters`);
      }
      for (const [source, include] of type.re ?? []) {
        const re = regex(source);
        if (re && re.test(value) !== include) throw refuse(`${include ? 'must match' : 'must not match'} ${source}`);
      }
      return;
    }
    case 'ip':
      if (value === '' || isAddress(value)) return;
      throw refuse('expected an IPv4 or IPv6 address, optionally with /prefix-length');
    case 'mac':
      if (value === '' || MAC.test(value)) return;
      throw refuse('expected a MAC address such as 00:22:BD:F8:19:FF');
    case 'encap':
      if (value === 'unknown' || encapNumber(value) !== undefined) return;
      throw refuse('expected vlan-N (1-4094), vxlan-N (5000-16777215) or unknown');
  }
}

/** An encapsulation block runs upwards: `from` no greater than `to`, both of one kind. */
export function checkEncapRange(dn: string, attrs: Readonly<Record<string, string | undefined>>): void {
  const from = attrs.from ?? '';
  const to = attrs.to ?? '';
  const a = encapNumber(from);
  const b = encapNumber(to);
  if (a === undefined || b === undefined) return;
  if (from.split('-')[0] !== to.split('-')[0] || a > b) {
    throw badRequest(CODE.invalidValue, `Encap block ${dn}: from ${from} must not be greater than to ${to}, and both of one kind`);
  }
}

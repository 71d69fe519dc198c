// The APIC's JSON wire format for managed objects:
//   { "<class>": { "attributes": {...}, "children": [ {...}, ... ] } }
// and the `imdata` envelope of query answers. Converted to and from the flat
// ManagedObject at the edges so the rest of the code never sees the nesting.
import type { ManagedObject } from './types.js';

export interface WireBody {
  attributes?: Record<string, unknown>;
  children?: WireMo[];
}
/** One object on the wire: a single key, the class name. */
export type WireMo = Record<string, WireBody>;

export interface ImData {
  totalCount?: string;
  imdata: WireMo[];
}

export class WireFormatError extends Error {
  override name = 'WireFormatError';
}

/** Parses one wire object; attribute values are kept as strings, as the APIC does. */
export function fromWire(wire: unknown): ManagedObject {
  if (wire === null || typeof wire !== 'object' || Array.isArray(wire)) {
    throw new WireFormatError('a managed object must be a JSON object {"<class>": {...}}');
  }
  const keys = Object.keys(wire);
  if (keys.length !== 1) {
    throw new WireFormatError(`a managed object must have exactly one key (its class), got ${keys.length}`);
  }
  const className = keys[0];
  const body = (wire as Record<string, unknown>)[className];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new WireFormatError(`${className}: body must be an object with "attributes" and "children"`);
  }
  const { attributes, children } = body as { attributes?: unknown; children?: unknown };
  const attrs: Record<string, string> = {};
  if (attributes !== undefined) {
    if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
      throw new WireFormatError(`${className}: "attributes" must be an object`);
    }
    for (const [k, v] of Object.entries(attributes)) {
      if (v === null || typeof v === 'object') {
        throw new WireFormatError(`${className}: attribute ${k} must be a string`);
      }
      attrs[k] = String(v);
    }
  }
  let kids: ManagedObject[] = [];
  if (children !== undefined) {
    if (!Array.isArray(children)) throw new WireFormatError(`${className}: "children" must be an array`);
    kids = children.map(fromWire);
  }
  return { className, attributes: attrs, children: kids };
}

export interface ToWireOptions {
  /** Write `"children": []` for leaves (the APIC does on reads); default false. */
  emptyChildren?: boolean;
}

/** Serializes a managed object; attributes come first, children only when present. */
export function toWire(mo: ManagedObject, opts: ToWireOptions = {}): WireMo {
  const body: WireBody = { attributes: { ...mo.attributes } };
  if (mo.children.length > 0 || opts.emptyChildren) body.children = mo.children.map((c) => toWire(c, opts));
  return { [mo.className]: body };
}

/** Parses a query answer `{"totalCount": "n", "imdata": [...]}`. */
export function fromImData(answer: unknown): ManagedObject[] {
  if (answer === null || typeof answer !== 'object' || !Array.isArray((answer as ImData).imdata)) {
    throw new WireFormatError('an APIC answer must be an object with an "imdata" array');
  }
  return (answer as ImData).imdata.map(fromWire);
}

/** Deep copy, so callers can edit a tree without touching a shared one. */
export function cloneMo(mo: ManagedObject): ManagedObject {
  return { className: mo.className, attributes: { ...mo.attributes }, children: mo.children.map(cloneMo) };
}

/** Visits an object and its descendants depth-first, parents before children. */
export function* walkMo(mo: ManagedObject): Generator<ManagedObject> {
  yield mo;
  for (const c of mo.children) yield* walkMo(c);
}

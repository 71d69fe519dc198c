// Writes: POST of a (nested) object and DELETE of a subtree, as an APIC
// applies them. The caller runs these inside one store transaction, so a
// refusal anywhere in the body leaves the tree untouched.
import { X509Certificate, createHash } from 'node:crypto';
import { classInfo, isKnownClass, propType, ROOT_CLASS, UNIVERSAL_PROPS, UNIVERSAL_READ_ONLY } from '../aci/classes.js';
import { childDn, formatRn, lastRn, matchRn, parentDn, parseRn, rnTokens } from '../aci/dn.js';
import { fromWire, WireFormatError } from '../aci/json.js';
import type { AciClassInfo, ManagedObject } from '../aci/types.js';
import { apicTime, createdStamp, WRITE_ONLY } from './attrs.js';
import { canonicalDn } from './canonical.js';
import { checkNotAdminUser, type Access } from './rbac.js';
import { badRequest, CODE } from './errors.js';
import { checkTyped, checkEncapRange } from './values.js';
import { controllerCreated, inventoryOfDeleted, tenantCreated } from './implicit.js';
import type { MoRow, MoStore } from './store.js';

export type ChangeStatus = 'created' | 'modified' | 'deleted';

/** One change, as subscriptions report it. */
export interface MoEvent {
  dn: string;
  className: string;
  status: ChangeStatus;
  /** created: all attributes; modified: the changed ones; deleted: the last known ones. */
  attrs: Record<string, string>;
  /** All attributes after the change (before it, for deletes): what subscription filters see. */
  full: Record<string, string>;
}

export interface WriteContext {
  store: MoStore;
  now: Date;
  /** Hashes a user's password for the secret table (never stored in attributes). */
  hashPassword: (password: string) => string;
  events: MoEvent[];
  /** The caller's rights; every object written is checked against them. */
  access?: Access;
}

const STATUS_WORDS = new Set(['created', 'modified', 'deleted']);
// Accepted in bodies but never stored as given: the APIC computes them.
const SKIPPED = new Set(['dn', 'rn', 'status', 'childAction', 'userdom']);

/** POST /api/mo/DN.json: `body` is the parsed JSON request body. */
export function postMo(ctx: WriteContext, urlDn: string, body: unknown): void {
  let mo: ManagedObject;
  try {
    mo = fromWire(body);
  } catch (e) {
    const why = e instanceof WireFormatError ? e.message : 'malformed JSON object';
    throw badRequest(CODE.badRequest, `Failed to decode the request body: ${why}`);
  }
  applyNode(ctx, mo, { urlDn });
}

/** DELETE /api/mo/DN.json: removes the object and its subtree; absent objects are not an error. */
export function deleteMo(ctx: WriteContext, dn: string): void {
  const row = ctx.store.get(dn);
  if (row) ctx.access?.checkWrite(dn, row.className);
  checkNotAdminUser(dn);
  removeSubtree(ctx, dn);
}

function removeSubtree(ctx: WriteContext, dn: string): void {
  const self = ctx.store.get(dn);
  if (!self) return;
  const rows = ctx.store.descendants(dn);
  for (const inv of inventoryOfDeleted([self, ...rows])) if (!inv.startsWith(`${dn}/`)) removeSubtree(ctx, inv);
  // Children first in the event stream, as the APIC reports a cascade.
  for (const row of rows.reverse()) {
    ctx.events.push({ dn: row.dn, className: row.className, status: 'deleted', attrs: row.attrs, full: row.attrs });
  }
  ctx.events.push({ dn, className: self.className, status: 'deleted', attrs: self.attrs, full: self.attrs });
  ctx.store.deleteSubtree(dn);
}

interface Placement {
  /** Top-level object: the DN of the URL. */
  urlDn?: string;
  /** Nested object: its parent's DN and class. */
  parent?: { dn: string; className: string };
}

function applyNode(ctx: WriteContext, mo: ManagedObject, where: Placement): void {
  const info = classInfo(mo.className);
  if (!info || info.className === ROOT_CLASS) {
    // A class the APIC knows but no client creates (faults, endpoints, records).
    if (isKnownClass(mo.className)) throw badRequest(CODE.unknownClass, `class ${mo.className} is not configurable`);
    throw badRequest(CODE.unknownClass, `unknown managed object class ${mo.className}`);
  }
  const attrs = mo.attributes.dn === undefined ? mo.attributes : { ...mo.attributes, dn: canonicalDn(mo.attributes.dn) };
  const status = parseStatus(attrs.status, mo.className);
  checkProperties(info, attrs);
  const dn = placeDn(info, attrs, where);
  const naming = namingOf(info, dn);
  const existing = ctx.store.get(dn);
  if (existing && existing.className !== info.className) {
    throw badRequest(CODE.dnMismatch, `DN ${dn} names a ${existing.className}, not a ${info.className}`);
  }
  ctx.access?.checkWrite(dn, info.className);
  // Deleting what is already gone (parent included) succeeds, as on an APIC.
  if (status.has('deleted')) {
    checkNotAdminUser(dn);
    removeSubtree(ctx, dn);
    return;
  }
  checkParent(ctx, info, dn, where);
  if (existing && status.has('created') && !status.has('modified')) {
    throw badRequest(CODE.moExists, `Object ${dn} already exists.`);
  }
  if (!existing && status.has('modified') && !status.has('created')) {
    throw badRequest(CODE.moNotFound, `configured object ((Dn0)) not found Dn0=${dn}, `);
  }

  const given: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (SKIPPED.has(k)) continue;
    checkValue(info, dn, k, v);
    if (WRITE_ONLY.has(k)) {
      if (info.className === 'aaaUser') ctx.store.setSecret(dn, ctx.hashPassword(v));
      continue;
    }
    given[k] = v;
  }
  Object.assign(given, naming, derived(info, given));
  if (info.className === 'fvnsEncapBlk') checkEncapRange(dn, { ...existing?.attrs, ...given });

  const now = apicTime(ctx.now);
  if (!existing) {
    const row = { ...createdStamp(ctx.now), ...given, dn, modTs: now };
    const created = { dn, className: info.className, parent: parentDn(dn) ?? '', attrs: row };
    ctx.store.put(created);
    ctx.events.push({ dn, className: info.className, status: 'created', attrs: row, full: row });
    if (info.className === 'vmmCtrlrP') controllerCreated(ctx.store, created, ctx.now, ctx.events);
    if (info.className === 'fvTenant') tenantCreated(ctx.store, dn, ctx.now, ctx.events);
  } else {
    const changed: Record<string, string> = {};
    for (const [k, v] of Object.entries(given)) if (existing.attrs[k] !== v) changed[k] = v;
    if (Object.keys(changed).length > 0) {
      const row = { ...existing.attrs, ...changed, modTs: now };
      ctx.store.put({ ...existing, attrs: row });
      ctx.events.push({ dn, className: info.className, status: 'modified', attrs: { dn, ...changed, modTs: now }, full: row });
    }
  }
  for (const child of mo.children) applyNode(ctx, child, { parent: { dn, className: info.className } });
}

function parseStatus(value: string | undefined, className: string): Set<string> {
  const words = (value ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  for (const w of words) {
    if (!STATUS_WORDS.has(w)) throw badRequest(CODE.invalidValue, `${className}: invalid status value ${w}`);
  }
  return new Set(words);
}

function checkProperties(info: AciClassInfo, attrs: Record<string, string>): void {
  for (const k of Object.keys(attrs)) {
    if (SKIPPED.has(k)) continue;
    if (info.props.includes(k)) continue;
    if (UNIVERSAL_PROPS.includes(k) && !UNIVERSAL_READ_ONLY.includes(k)) continue;
    if (info.readOnly?.includes(k) || UNIVERSAL_READ_ONLY.includes(k)) {
      throw badRequest(CODE.unknownProperty, `property ${k} of class ${info.className} is read-only`);
    }
    throw badRequest(CODE.unknownProperty, `unknown property ${k} in class ${info.className}`);
  }
}

/** The object's DN: given, or from the URL, or its parent's DN plus the RN its naming properties make. */
function placeDn(info: AciClassInfo, attrs: Record<string, string>, where: Placement): string {
  const ownRn = (): string | undefined => {
    if (attrs.rn) return attrs.rn;
    if (info.naming.every((p) => attrs[p] !== undefined && attrs[p] !== '')) return formatRn(info, attrs);
    return undefined;
  };
  if (where.urlDn !== undefined) {
    // The body is either the object the URL names or a child of it: an APIC
    // accepts `POST /api/mo/uni/infra.json` with an infraAttEntityP inside.
    const urlDn = where.urlDn;
    const dn = attrs.dn;
    if (dn !== undefined) {
      if (dn === urlDn || parentDn(dn) === urlDn) return dn;
      throw badRequest(CODE.dnMismatch, `DN ${dn} of the ${info.className} in the body does not match the DN ${urlDn} of the URL`);
    }
    const rn = ownRn();
    if (rn === undefined) return urlDn;
    const parent = parentDn(urlDn);
    const asSelf = parent === undefined ? rn : childDn(parent, rn);
    if (asSelf === urlDn) return urlDn;
    const urlNaming = matchEither(info.rnFormat, lastRn(urlDn));
    // The URL names this object in another spelling (without brackets): the URL's DN it is.
    if (urlNaming && info.naming.every((p) => attrs[p] === undefined || attrs[p] === urlNaming[p])) return urlDn;
    if (urlNaming) {
      throw badRequest(CODE.dnMismatch, `DN ${asSelf} of the ${info.className} in the body does not match the DN ${urlDn} of the URL`);
    }
    return childDn(urlDn, rn);
  }
  const parent = where.parent!;
  if (attrs.dn !== undefined) {
    if (parentDn(attrs.dn) !== parent.dn) {
      throw badRequest(CODE.dnMismatch, `DN ${attrs.dn} of the nested ${info.className} is not a child of ${parent.dn}`);
    }
    return attrs.dn;
  }
  const rn = ownRn();
  if (rn === undefined) {
    const missing = info.naming.filter((p) => !attrs[p]);
    throw badRequest(CODE.invalidValue, `${info.className} under ${parent.dn}: naming property ${missing.join(', ')} is missing`);
  }
  return childDn(parent.dn, rn);
}

/** An RN format with its brackets dropped: some clients send `annotationKey-owner` for `annotationKey-[owner]`. */
function bracketFree(rnFormat: string): string {
  return rnFormat.replace(/\[\{(\w+)\}\]/g, '{$1}');
}

function matchEither(rnFormat: string, rn: string): Record<string, string> | undefined {
  return matchRn(rnFormat, rn) ?? (rnFormat.includes('[{') && !rn.includes('[') ? matchRn(bracketFree(rnFormat), rn) : undefined);
}

/** The naming values an RN carries; refuses an RN that does not fit the class's format. */
function namingOf(info: AciClassInfo, dn: string): Record<string, string> {
  const rn = lastRn(dn);
  const naming = matchEither(info.rnFormat, rn);
  if (!naming) {
    throw badRequest(CODE.dnMismatch, `RN ${rn} does not match the RN format ${info.rnFormat} of class ${info.className}`);
  }
  return naming;
}

function checkParent(ctx: WriteContext, info: AciClassInfo, dn: string, where: Placement): void {
  const pdn = parentDn(dn);
  let parentClass: string;
  if (where.parent) parentClass = where.parent.className;
  else if (pdn === undefined) parentClass = ROOT_CLASS;
  else {
    const parent = ctx.store.get(pdn) ?? standingContainer(ctx, pdn);
    if (!parent) throw badRequest(CODE.containment, `parent object ${pdn} of ${dn} does not exist`);
    parentClass = parent.className;
  }
  if (!info.parents.includes(parentClass)) {
    throw badRequest(CODE.containment, `class ${info.className} cannot be a child of class ${parentClass} (${dn})`);
  }
}

/**
 * Containers with a fixed RN (`uni/infra/funcprof`, `uni/fabric/protpol`)
 * stand on an APIC from the start; the simulator makes one when a write first
 * needs it, below a parent that exists (or stands) in turn.
 */
function standingContainer(ctx: WriteContext, dn: string): MoRow | undefined {
  const pdn = parentDn(dn);
  if (pdn === undefined) return undefined;
  const parent = ctx.store.get(pdn) ?? standingContainer(ctx, pdn);
  if (!parent) return undefined;
  const parsed = parseRn(lastRn(dn), parent.className);
  if (!parsed || Object.keys(parsed.naming).length > 0) return undefined;
  const row: MoRow = { dn, className: parsed.className, parent: pdn, attrs: { ...createdStamp(ctx.now), dn, lcOwn: 'policy' } };
  ctx.store.put(row);
  return row;
}

const NAME_RE = /^[a-zA-Z0-9_.:-]{1,64}$/;

/** The value checks an APIC applies: names, encapsulations, then the property's type in the object model. */
function checkValue(info: AciClassInfo, dn: string, prop: string, value: string): void {
  const invalid = (rule: string) =>
    badRequest(CODE.invalidValue, `property ${prop} of class ${info.className}: value ${JSON.stringify(value)} ${rule}`);
  if (prop === 'name' && info.naming.includes('name') && !isBracketed(info, 'name')) {
    if (!NAME_RE.test(value)) throw invalid('must be 1 to 64 characters of a-z A-Z 0-9 _ . : -');
    return;
  }
  const type = propType(info.className, prop);
  if (type) checkTyped(type, info.className, dn, prop, value);
  if (prop === 'encap' || prop === 'primaryEncap') {
    const m = /^(vlan|vxlan)-(\d+)$/.exec(value);
    if (value !== 'unknown' && !m) throw invalid('must be vlan-N or vxlan-N');
    if (m && m[1] === 'vlan' && (Number(m[2]) < 1 || Number(m[2]) > 4094)) throw invalid('must be a VLAN from 1 to 4094');
  }
}

function isBracketed(info: AciClassInfo, prop: string): boolean {
  return rnTokens(info.rnFormat).some((t) => 'prop' in t && t.prop === prop && t.bracketed);
}

/** Read-only properties the APIC computes from what was written. */
function derived(info: AciClassInfo, given: Record<string, string>): Record<string, string> {
  if (info.className === 'aaaUserCert' && given.data !== undefined) {
    try {
      const cert = new X509Certificate(given.data);
      return {
        fingerprint: createHash('sha256')
          .update(cert.raw)
          .digest('hex')
          .replace(/(..)(?!$)/g, '$1:'),
        certValidUntil: apicTime(new Date(cert.validTo)),
      };
    } catch {
      return { fingerprint: '', certValidUntil: '' };
    }
  }
  return {};
}

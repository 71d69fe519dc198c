// The plan: what `-a` would change on the APIC to make it hold the desired
// objects. Desired roots (ManagedObjects carrying their `dn`, with children)
// are merged by DN, compared with what the APIC holds under each root, and
// turned into as few write requests as the APIC allows: one POST per root
// that has anything to change, carrying only the missing subtrees and the
// changed attributes (plus the naming properties that locate them).
//
// Only attributes the desired object sets are compared; objects the APIC
// holds beyond the desired ones are left alone (deleting is unprovision's job).
import type { ManagedObject } from '../aci/types.js';
import { childDn, parentDn } from '../aci/dn.js';
import { toWire } from '../aci/json.js';
import { classTableNaming, dnDepth, isBelow, type MoNaming } from './engine/naming.js';
import { classInfo } from '../aci/classes.js';
import { NOT_COMPARED, sameValue } from '../aci/values.js';
import { limiter, type StateReader } from './engine/state.js';
import type { Ownership } from './desired/types.js';
import { attributeChangeLines } from './plan-text.js';

export type PlanAction = 'create' | 'update' | 'replace' | 'unchanged' | 'delete';

export interface AttributeChange {
  /** What the APIC holds now (absent when it does not report the property). */
  current?: string;
  desired: string;
}

export interface PlanChange {
  dn: string;
  className: string;
  action: PlanAction;
  /** For `update`: the attributes that differ. */
  attributes?: Record<string, AttributeChange>;
  /** For objects created as part of a bigger created (or replaced) subtree: that subtree's DN. */
  within?: string;
}

export interface PlanRequest {
  method: 'POST' | 'DELETE';
  dn: string;
  /** For POST: the body, rooted at `dn` (which it carries as its `dn` attribute). */
  body?: ManagedObject;
  /** For the roots sent as one transaction (provision/transaction.ts): their DNs. */
  roots?: string[];
}

/** The requests of one desired root, sent in order. */
export interface PlanBatch {
  root: string;
  /** Roots (of other batches) that must be applied first: they are this root's ancestors. */
  after: string[];
  requests: PlanRequest[];
}

export interface PlanSummary {
  create: number;
  update: number;
  replace: number;
  unchanged: number;
  /** Objects this cluster owns that the configuration no longer asks for. */
  delete: number;
  /** Write requests the plan sends. */
  requests: number;
}

export interface Plan {
  /** Every desired object, parents before children. */
  changes: PlanChange[];
  /** Only the roots that have something to write. */
  batches: PlanBatch[];
  summary: PlanSummary;
}

export interface PlanOptions {
  naming?: MoNaming;
  /** Properties the APIC never reports back (so never compared); sent only on create. Default: `pwd`. */
  writeOnly?: readonly string[];
  /** Classes whose existing objects are deleted and created again when they (or anything below them) differ,
   * because the APIC cannot modify them in place (e.g. `aaaUser` with a new certificate). */
  replaceOnChange?: readonly string[];
  /** Parallel reads of the current state. Default 4. */
  concurrency?: number;
  /**
   * Which objects the APIC holds under a desired object, and the desired
   * tree does not, are this cluster's leftovers to delete (see
   * ownership.ts). Default: none; objects beyond the desired ones are left alone.
   */
  stale?: StaleRule;
  /** Leftovers found elsewhere (old relations on a previous L3Out or AEP), deleted with the plan. */
  strays?: readonly StrayObject[];
}

/** Decides whether `child`, held by the APIC under the desired `parent` but not desired, is a leftover of this cluster. */
export type StaleRule = (parent: { dn: string; className: string; owner?: Ownership }, child: ManagedObject) => boolean;

export interface StrayObject {
  dn: string;
  className: string;
}

export interface DesiredNode {
  dn: string;
  className: string;
  attributes: Record<string, string>;
  children: DesiredNode[];
  /** From the desired tree: `cluster` objects may have leftovers swept below them. */
  owner?: Ownership;
}

/** A desired root as the plan takes it: a ManagedObject with `dn` among its attributes, owners from the desired tree. */
export type DesiredInput = ManagedObject & { owner?: Ownership; children: DesiredInput[] };

/** Merges desired roots by DN (the same object may be posted more than once, as the user object is),
 * and returns the roots of the merged forest, parents before children. */
export function mergeDesired(desired: readonly DesiredInput[], naming: MoNaming = classTableNaming): DesiredNode[] {
  const nodes = new Map<string, DesiredNode>();
  const order: DesiredNode[] = [];
  const add = (mo: DesiredInput, dn: string): void => {
    let n = nodes.get(dn);
    if (!n) {
      n = { dn, className: mo.className, attributes: {}, children: [] };
      nodes.set(dn, n);
      order.push(n);
    } else if (n.className !== mo.className) {
      throw new Error(`desired objects disagree on the class at ${dn}: ${n.className} and ${mo.className}`);
    }
    if (mo.owner === 'cluster') n.owner = 'cluster';
    else n.owner ??= mo.owner;
    for (const [k, v] of Object.entries(mo.attributes)) {
      if (k !== 'dn' && k !== 'rn') n.attributes[k] = v;
    }
    for (const c of mo.children) add(c, childDn(dn, naming.rnOf(c)));
  };
  for (const root of desired) {
    const dn = root.attributes['dn'];
    if (!dn) throw new Error(`desired root ${root.className} has no dn attribute`);
    add(root, dn);
  }
  const roots: DesiredNode[] = [];
  for (const n of order) {
    const p = parentDn(n.dn);
    const parent = p === undefined ? undefined : nodes.get(p);
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  // Stable: ancestors (shallower) first, otherwise the order they were given in.
  return roots
    .map((r, i) => ({ r, i }))
    .sort((a, b) => dnDepth(a.r.dn) - dnDepth(b.r.dn) || a.i - b.i)
    .map((x) => x.r);
}

interface Diff {
  node: DesiredNode;
  action: PlanAction;
  changed: Record<string, AttributeChange>;
  kids: Diff[];
  /** Leftovers of this cluster the APIC holds directly below this object. */
  stale: StrayObject[];
  /** This object or something below it is not unchanged. */
  dirty: boolean;
}

type DiffContext = Required<Pick<PlanOptions, 'naming' | 'writeOnly' | 'replaceOnChange'>> & Pick<PlanOptions, 'stale'>;

function diff(node: DesiredNode, cur: ManagedObject | undefined, ctx: DiffContext): Diff {
  if (!cur) {
    return { node, action: 'create', changed: {}, kids: node.children.map((c) => diff(c, undefined, ctx)), stale: [], dirty: true };
  }
  const changed: Record<string, AttributeChange> = {};
  for (const [k, v] of Object.entries(node.attributes)) {
    if (NOT_COMPARED.has(k) || ctx.writeOnly.includes(k)) continue;
    // An APIC reports every property; a missing one can only mean its empty default.
    const now = cur.attributes[k];
    if (!sameValue(node.className, k, now, v)) changed[k] = now === undefined ? { desired: v } : { current: now, desired: v };
  }
  const byRn = new Map<string, ManagedObject>();
  for (const c of cur.children) byRn.set(ctx.naming.rnOf(c), c);
  const kids = node.children.map((c) => diff(c, byRn.get(c.dn.slice(node.dn.length + 1)), ctx));
  const selfChanged = Object.keys(changed).length > 0;
  const dirty = selfChanged || kids.some((k) => k.dirty);
  if (dirty && ctx.replaceOnChange.includes(node.className)) {
    return { node, action: 'replace', changed, kids: node.children.map((c) => diff(c, undefined, ctx)), stale: [], dirty };
  }
  const stale: StrayObject[] = [];
  if (ctx.stale) {
    const desiredRns = new Set(node.children.map((c) => c.dn.slice(node.dn.length + 1)));
    for (const [rn, c] of byRn) {
      if (!desiredRns.has(rn) && ctx.stale(node, c)) stale.push({ dn: childDn(node.dn, rn), className: c.className });
    }
  }
  return { node, action: selfChanged ? 'update' : 'unchanged', changed, kids, stale, dirty };
}

function staleOf(d: Diff): StrayObject[] {
  return [...d.stale, ...d.kids.flatMap(staleOf)];
}

function fullBody(node: DesiredNode): ManagedObject {
  return { className: node.className, attributes: { ...node.attributes }, children: node.children.map(fullBody) };
}

/** The smallest body that brings this subtree to the desired state; deletes (for replaced objects) are collected. */
function minimalBody(d: Diff, naming: MoNaming, deletes: string[]): ManagedObject | undefined {
  if (!d.dirty) return undefined;
  if (d.action === 'create') return fullBody(d.node);
  if (d.action === 'replace') {
    deletes.push(d.node.dn);
    return fullBody(d.node);
  }
  const children = d.kids.map((k) => minimalBody(k, naming, deletes)).filter((b): b is ManagedObject => b !== undefined);
  const attributes: Record<string, string> = {};
  for (const p of naming.namingProps(d.node.className)) {
    const v = d.node.attributes[p];
    if (v !== undefined) attributes[p] = v;
  }
  for (const k of Object.keys(d.changed)) attributes[k] = d.node.attributes[k]!;
  return { className: d.node.className, attributes, children };
}

function listChanges(d: Diff, out: PlanChange[], within?: string): void {
  const change: PlanChange = { dn: d.node.dn, className: d.node.className, action: within ? 'create' : d.action };
  if (!within && d.action === 'update') change.attributes = d.changed;
  if (within) change.within = within;
  out.push(change);
  const inner = within ?? (d.action === 'create' || d.action === 'replace' ? d.node.dn : undefined);
  for (const k of d.kids) listChanges(k, out, inner);
}

/** The DNs to read the current state at: the roots of the merged desired forest. */
export function desiredRootDns(desired: readonly ManagedObject[], naming: MoNaming = classTableNaming): string[] {
  return mergeDesired(desired, naming).map((r) => r.dn);
}

/** Computes the plan from the desired roots and the current subtree at each root DN (undefined: absent). */
export function computePlan(
  desired: readonly DesiredInput[],
  currentByRoot: ReadonlyMap<string, ManagedObject | undefined>,
  opts: PlanOptions = {},
): Plan {
  const ctx: DiffContext = {
    naming: opts.naming ?? classTableNaming,
    writeOnly: opts.writeOnly ?? ['pwd'],
    replaceOnChange: opts.replaceOnChange ?? [],
    ...(opts.stale ? { stale: opts.stale } : {}),
  };
  const roots = mergeDesired(desired, ctx.naming);
  const changes: PlanChange[] = [];
  const batches: PlanBatch[] = [];
  for (const root of roots) {
    const d = diff(root, currentByRoot.get(root.dn), ctx);
    listChanges(d, changes);
    const deletes: string[] = [];
    const body = minimalBody(d, ctx.naming, deletes);
    const stale = staleOf(d);
    for (const x of stale) changes.push({ dn: x.dn, className: x.className, action: 'delete' });
    if (!body && stale.length === 0) continue;
    const requests: PlanRequest[] = deletes.map((dn) => ({ method: 'DELETE' as const, dn }));
    if (body) {
      body.attributes['dn'] = root.dn;
      requests.push({ method: 'POST', dn: root.dn, body });
    }
    // Leftovers go once the desired objects are in place (a relation replaced by a new one, say).
    for (const x of stale) requests.push({ method: 'DELETE', dn: x.dn });
    batches.push({ root: root.dn, after: [], requests });
  }
  for (const x of opts.strays ?? []) {
    changes.push({ dn: x.dn, className: x.className, action: 'delete' });
    batches.push({ root: x.dn, after: [], requests: [{ method: 'DELETE', dn: x.dn }] });
  }
  for (const b of batches) b.after = batches.filter((o) => isBelow(b.root, o.root)).map((o) => o.root);
  orderByRelations(batches, ctx.naming);
  const count = (a: PlanAction): number => changes.filter((c) => c.action === a).length;
  return {
    changes,
    batches,
    summary: {
      create: count('create'),
      update: count('update'),
      replace: count('replace'),
      unchanged: count('unchanged'),
      delete: count('delete'),
      requests: batches.reduce((n, b) => n + b.requests.length, 0),
    },
  };
}

/**
 * A relation sent before its target exists leaves the APIC pointing at
 * nothing until the target arrives (a fault, and a broken state should the run
 * stop there). So a batch whose body holds a relation to an object another
 * batch creates waits for that batch: pools, then the domains that use them,
 * then the EPGs and AEP bindings that use the domains. A dependency that
 * would close a cycle is left out (the APIC accepts either order).
 */
function orderByRelations(batches: PlanBatch[], naming: MoNaming): void {
  const createdDns = new Map<string, string>();
  const createdNames = new Map<string, string>();
  const relations = new Map<string, Array<{ dn?: string; named?: string }>>();
  const walk = (batch: PlanBatch, mo: ManagedObject, dn: string): void => {
    createdDns.set(dn, batch.root);
    const name = mo.attributes['name'];
    if (name !== undefined) createdNames.set(`${mo.className}\u0000${name}`, batch.root);
    const relation = classInfo(mo.className)?.relation;
    const target = relation ? mo.attributes[relation.targetProp] : undefined;
    if (relation && target) {
      const list = relations.get(batch.root) ?? [];
      list.push(relation.targetProp === 'tDn' ? { dn: target } : { named: `${relation.targetClass ?? ''}\u0000${target}` });
      relations.set(batch.root, list);
    }
    for (const c of mo.children) walk(batch, c, childDn(dn, naming.rnOf(c)));
  };
  for (const b of batches) for (const r of b.requests) if (r.method === 'POST' && r.body) walk(b, r.body, r.dn);
  const byRoot = new Map(batches.map((b) => [b.root, b]));
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return (byRoot.get(from)?.after ?? []).some((a) => reaches(a, to, seen));
  };
  for (const b of batches) {
    for (const rel of relations.get(b.root) ?? []) {
      const target = rel.dn !== undefined ? createdDns.get(rel.dn) : createdNames.get(rel.named!);
      if (target === undefined || target === b.root || b.after.includes(target) || reaches(target, b.root)) continue;
      b.after.push(target);
    }
  }
}

/** A desired object that only locates its children (tenant common, `uni/infra`): reading its whole
 * subtree would fetch everything else the fabric keeps there, so only its desired children are read deeply. */
function isContainer(node: DesiredNode, naming: MoNaming): boolean {
  if (node.children.length === 0) return false;
  const namingProps = naming.namingProps(node.className);
  return Object.keys(node.attributes).every((k) => NOT_COMPARED.has(k) || namingProps.includes(k));
}

type Limit = <R>(fn: () => Promise<R>) => Promise<R>;

async function readCurrent(reader: StateReader, node: DesiredNode, naming: MoNaming, limit: Limit): Promise<ManagedObject | undefined> {
  if (!isContainer(node, naming)) return limit(() => reader.read(node.dn, 'full'));
  // A container's desired children are read directly, all in the same round as
  // everything else (one round trip however deep containers nest). Its own list
  // of children is read only when the cluster owns it: leftovers are swept there.
  const [self, deep] = await Promise.all([
    node.owner === 'cluster' ? limit(() => reader.read(node.dn, 'children')) : undefined,
    Promise.all(node.children.map((c) => readCurrent(reader, c, naming, limit))),
  ]);
  if (node.owner === 'cluster' && !self) return undefined;
  const byRn = new Map<string, ManagedObject>();
  node.children.forEach((c, i) => {
    const d = deep[i];
    if (d) byRn.set(c.dn.slice(node.dn.length + 1), d);
  });
  // A shared container (tenant common, uni/infra) is the fabric's: present, holding at least what was found.
  const listed = self?.children ?? [];
  const children = [
    ...listed.map((c) => byRn.get(naming.rnOf(c)) ?? c),
    ...[...byRn.entries()].filter(([rn]) => !listed.some((c) => naming.rnOf(c) === rn)).map(([, d]) => d),
  ];
  return { className: node.className, attributes: self?.attributes ?? { ...node.attributes }, children };
}

/** Reads the current state of every desired root, all at once within `concurrency`: root DN -> its subtree (undefined: absent).
 * A root is read with its whole subtree, except containers (see isContainer), whose desired children are read instead. */
export async function readCurrentState(
  reader: StateReader,
  desired: readonly DesiredInput[],
  opts: Pick<PlanOptions, 'naming' | 'concurrency'> = {},
): Promise<Map<string, ManagedObject | undefined>> {
  const naming = opts.naming ?? classTableNaming;
  const roots = mergeDesired(desired, naming);
  // One bound for all reads, however deep the containers nest.
  const limit = limiter(opts.concurrency ?? 4);
  const current = await Promise.all(roots.map((r) => readCurrent(reader, r, naming, limit)));
  return new Map(roots.map((r, i) => [r.dn, current[i]]));
}

/** Reads the current state of every desired root and computes the plan. */
export async function planChanges(reader: StateReader, desired: readonly DesiredInput[], opts: PlanOptions = {}): Promise<Plan> {
  return computePlan(desired, await readCurrentState(reader, desired, opts), opts);
}

const MARK: Record<PlanAction, string> = { create: '+', update: '~', replace: '!', unchanged: ' ', delete: '-' };

/** The plan for people: one line per created subtree, updated or replaced object; unchanged ones counted. */
export function renderPlanText(plan: Plan): string {
  const lines: string[] = [];
  const inside = new Map<string, number>();
  for (const c of plan.changes) if (c.within) inside.set(c.within, (inside.get(c.within) ?? 0) + 1);
  for (const c of plan.changes) {
    if (c.within || c.action === 'unchanged') continue;
    const n = inside.get(c.dn);
    const extra = n ? ` (+${n} inside)` : '';
    lines.push(`${MARK[c.action]} ${c.action.padEnd(7)} ${c.className} ${c.dn}${extra}`);
    for (const [k, v] of Object.entries(c.attributes ?? {})) lines.push(...attributeChangeLines(k, v));
  }
  const s = plan.summary;
  if (s.requests === 0) {
    lines.push(`No changes: the APIC already holds all ${s.unchanged} desired objects.`);
  } else {
    lines.push(
      `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.unchanged} unchanged; ${s.requests} request${s.requests === 1 ? '' : 's'} to send.`,
    );
  }
  return lines.join('\n') + '\n';
}

/** The plan as data (`--output-format json`): bodies in the APIC's wire format. */
export function planToJson(plan: Plan): unknown {
  return {
    summary: plan.summary,
    changes: plan.changes,
    requests: plan.batches.flatMap((b) =>
      b.requests.map((r) => ({
        method: r.method,
        path: `/api/mo/${r.dn}.json`,
        ...(r.body ? { body: toWire(r.body) } : {}),
      })),
    ),
  };
}

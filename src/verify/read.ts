// Reading what the APIC holds at the desired tree's DNs, in as few requests
// as the tree allows: one whole-subtree GET per topmost object the cluster
// posts (the tenant, each pool, the domains, the AEP, the user, ...). Objects
// only present to hold the cluster's (tenant common, the user's L3Out) are
// known to exist when something below them does; only when nothing below
// them is found is each read on its own, to tell which level is missing.
import type { ManagedObject } from '../aci/types.js';
import { childDn } from '../aci/dn.js';
import type { DesiredMo, DesiredState } from '../provision/desired/types.js';
import { classTableNaming } from '../provision/engine/naming.js';
import { limiter, type StateReader } from '../provision/engine/state.js';

/**
 * Roots every fabric has (`uni`, `uni/infra`, `comp/prov-Kubernetes`, the
 * inventory node the APIC makes for a VMM controller): never read, never
 * reported; a missing child says all there is to say.
 */
export const FABRIC_CONTAINERS: ReadonlySet<string> = new Set([
  'polUni',
  'infraInfra',
  'aaaUserEp',
  'vmmProvP',
  'compUni',
  'compProv',
  'compCtrlr',
  'vmmInjectedCont',
]);

export interface ApicSnapshot {
  /** The APIC's copy of each desired object found (attributes; children as read). */
  objects: Map<string, ManagedObject>;
  /** GET requests made. */
  reads: number;
}

/** Indexes an answer and everything under it by DN. */
function index(mo: ManagedObject, dn: string, into: Map<string, ManagedObject>): void {
  into.set(dn, mo);
  for (const c of mo.children) index(c, childDn(dn, classTableNaming.rnOf(c)), into);
}

/** The topmost objects below the pseudo-root that the cluster posts (not context). */
function readRoots(node: DesiredMo, out: DesiredMo[]): void {
  for (const c of node.children) {
    if (c.context) readRoots(c, out);
    else out.push(c);
  }
}

function contextNodes(node: DesiredMo, out: DesiredMo[]): void {
  for (const c of node.children) {
    if (!c.context) continue;
    out.push(c);
    contextNodes(c, out);
  }
}

function anyFound(node: DesiredMo, objects: Map<string, ManagedObject>): boolean {
  return node.children.some((c) => objects.has(c.dn) || anyFound(c, objects));
}

export async function readApicState(reader: StateReader, state: DesiredState, opts: { concurrency?: number } = {}): Promise<ApicSnapshot> {
  const objects = new Map<string, ManagedObject>();
  let reads = 0;
  const limit = limiter(opts.concurrency ?? 4);
  const read = (dn: string, depth: 'children' | 'full') =>
    limit(() => {
      reads++;
      return reader.read(dn, depth);
    });

  const roots: DesiredMo[] = [];
  readRoots(state.root, roots);
  const answers = await Promise.all(roots.map((r) => read(r.dn, 'full')));
  answers.forEach((a, i) => {
    if (a) index(a, roots[i].dn, objects);
  });

  // Context objects, parents first: present when anything below was found;
  // otherwise asked for (unless a missing parent already answers).
  const contexts: DesiredMo[] = [];
  contextNodes(state.root, contexts);
  const missing = new Set<string>();
  for (const c of contexts) {
    if (FABRIC_CONTAINERS.has(c.className) || objects.has(c.dn)) continue;
    if (anyFound(c, objects)) {
      objects.set(c.dn, { className: c.className, attributes: { ...c.attributes, dn: c.dn }, children: [] });
      continue;
    }
    const parent = [...missing].some((m) => c.dn.startsWith(`${m}/`));
    if (parent) continue;
    const self = await read(c.dn, 'children');
    if (self) index(self, c.dn, objects);
    else missing.add(c.dn);
  }
  return { objects, reads };
}

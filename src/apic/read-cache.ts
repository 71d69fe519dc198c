// Reads shared by the steps of one run. Discovery, the prerequisite check,
// the look at other clusters and the plan each ask for what they need; the
// same object is fetched once, an object of a class read whole (every AEP
// with its bindings, say) is answered from that class answer, and an object
// below one read with its whole subtree (the cluster's tenant) from that
// subtree: through a slow link each request saved is a round trip. Nothing is
// written between these reads, so the answers stay true for the run.
import { classOfDn, parentDn, splitDn } from '../aci/dn.js';
import type { ManagedObject } from '../aci/types.js';
import { classTableNaming } from '../provision/engine/naming.js';
import type { ApicClient, SubtreeDepth } from './client.js';
import type { Query } from './path.js';

export type CachedReader = Pick<ApicClient, 'get' | 'getMo' | 'getChildren' | 'getClass'>;

export function sharedReads<T extends CachedReader>(apic: T): T {
  const mos = new Map<string, Promise<ManagedObject | undefined>>();
  const classes = new Map<string, Promise<ManagedObject[]>>();
  const key = (...parts: unknown[]): string => JSON.stringify(parts);
  const getClass = (className: string, o: { filter?: string; subtree?: SubtreeDepth; query?: Query } = {}): Promise<ManagedObject[]> => {
    const k = key(className, o.filter ?? '', o.subtree ?? '', o.query ?? {});
    let p = classes.get(k);
    if (!p) classes.set(k, (p = apic.getClass(className, o)));
    return p;
  };
  const getMo = (dn: string, o: { subtree?: SubtreeDepth; query?: Query } = {}): Promise<ManagedObject | undefined> => {
    const k = key(dn, o.subtree ?? '', o.query ?? {});
    let p = mos.get(k);
    if (p) return p;
    // A whole-class answer (unfiltered, as deep or deeper) holds this object, or says it is absent.
    const cls = o.query ? undefined : classOfDn(dn);
    const whole = cls
      ? (classes.get(key(cls, '', 'full', {})) ?? (o.subtree !== 'full' ? classes.get(key(cls, '', o.subtree ?? '', {})) : undefined))
      : undefined;
    const trimmed = (found: ManagedObject | undefined) => (found ? atDepth(found, o.subtree) : undefined);
    // So does the whole subtree of an ancestor (or of the object itself, read deeper).
    const tree = o.query ? undefined : subtreeHolding(dn);
    p = whole
      ? whole.then((all) => trimmed(all.find((m) => m.attributes['dn'] === dn)))
      : tree
        ? tree.answer.then((root) => trimmed(root && descendant(root, tree.dn, dn)))
        : apic.getMo(dn, o);
    mos.set(k, p);
    if (o.subtree === 'full' && !o.query) trees.set(dn, p);
    return p;
  };
  /** Whole-subtree reads (no query) by DN. */
  const trees = new Map<string, Promise<ManagedObject | undefined>>();
  const subtreeHolding = (dn: string): { dn: string; answer: Promise<ManagedObject | undefined> } | undefined => {
    for (let at: string | undefined = dn; at !== undefined; at = parentDn(at)) {
      const answer = trees.get(at);
      if (answer) return { dn: at, answer };
    }
    return undefined;
  };
  return new Proxy(apic, {
    get(target, prop, receiver) {
      if (prop === 'getMo') return getMo;
      if (prop === 'getClass') return getClass;
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The object at `dn` in the subtree read at `rootDn`, with its DN; undefined when the subtree does not hold it. */
function descendant(root: ManagedObject, rootDn: string, dn: string): ManagedObject | undefined {
  let mo: ManagedObject | undefined = root;
  for (const rn of splitDn(dn).slice(splitDn(rootDn).length)) {
    mo = mo.children.find((c) => classTableNaming.rnOf(c) === rn);
    if (!mo) return undefined;
  }
  return { ...mo, attributes: { ...mo.attributes, dn } };
}

/** An answer cut to the depth asked for, as the APIC would give it. */
function atDepth(mo: ManagedObject, subtree: SubtreeDepth | undefined): ManagedObject {
  if (subtree === 'full') return mo;
  return { ...mo, children: subtree === 'children' ? mo.children.map((c) => ({ ...c, children: [] })) : [] };
}

// Reads shared by the steps of one run. Discovery, the prerequisite check,
// the look at other clusters and the plan each ask for what they need; the
// same object is fetched once, and an object of a class read whole (every
// AEP with its bindings, say) is answered from that class answer: through a
// slow link each request saved is a round trip. Nothing is written between
// these reads, so the answers stay true for the run.
import { classOfDn } from '../aci/dn.js';
import type { ManagedObject } from '../aci/types.js';
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
    p = whole
      ? whole.then((all) => {
          const found = all.find((m) => m.attributes['dn'] === dn);
          if (!found || o.subtree === 'full') return found;
          return { ...found, children: o.subtree === 'children' ? found.children.map((c) => ({ ...c, children: [] })) : [] };
        })
      : apic.getMo(dn, o);
    mos.set(k, p);
    return p;
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

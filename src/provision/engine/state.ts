// Where the engine reads the APIC's current state from: the live APIC through
// the client, or an in-memory tree (tests, and `plan` against a saved state).
import type { ManagedObject } from '../../aci/types.js';
import type { SubtreeDepth } from '../../apic/client.js';
import { childDn } from '../../aci/dn.js';
import { cloneMo } from '../../aci/json.js';
import { classTableNaming, type MoNaming } from './naming.js';

export interface StateReader {
  /** The object at `dn` with its children (`children`) or whole subtree (`full`); undefined when absent. */
  read(dn: string, depth: Exclude<SubtreeDepth, 'no'>): Promise<ManagedObject | undefined>;
}

/** Reads through an ApicClient (GET /api/mo/DN.json?rsp-subtree=...). */
export function apicStateReader(client: {
  getMo(dn: string, opts: { subtree?: SubtreeDepth }): Promise<ManagedObject | undefined>;
}): StateReader {
  return { read: (dn, depth) => client.getMo(dn, { subtree: depth }) };
}

/** Reads from trees held in memory; each root must carry its `dn` attribute. */
export function memoryStateReader(roots: readonly ManagedObject[], naming: MoNaming = classTableNaming): StateReader {
  const index = new Map<string, ManagedObject>();
  const visit = (mo: ManagedObject, dn: string): void => {
    index.set(dn, mo);
    for (const c of mo.children) visit(c, childDn(dn, naming.rnOf(c)));
  };
  for (const r of roots) {
    const dn = r.attributes['dn'];
    if (!dn) throw new Error(`memory state: root ${r.className} has no dn attribute`);
    visit(r, dn);
  }
  return {
    async read(dn, depth) {
      const mo = index.get(dn);
      if (!mo) return undefined;
      const copy = cloneMo(mo);
      copy.attributes['dn'] = dn;
      if (depth === 'children') copy.children = copy.children.map((c) => ({ ...c, children: [] }));
      return copy;
    },
  };
}

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** A shared bound on work in flight, for nested fan-outs (`limit(fn)` waits for a free slot). */
export function limiter(max: number): <R>(fn: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    if (active >= Math.max(1, max)) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

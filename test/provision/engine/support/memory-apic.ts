// A minimal in-memory APIC for engine tests: POST merges a subtree
// (create-or-modify), DELETE removes a subtree, reads answer as an APIC does
// (children carry their `rn`). It records every write.
import type { ManagedObject } from '../../../../src/aci/types.js';
import { childDn, parentDn } from '../../../../src/aci/dn.js';
import { classTableNaming } from '../../../../src/provision/engine/naming.js';
import type { StateReader } from '../../../../src/provision/engine/state.js';
import type { ApicWriter } from '../../../../src/provision/apply.js';

export class MemoryApic implements ApicWriter, StateReader {
  readonly store = new Map<string, { className: string; attributes: Record<string, string> }>();
  readonly writes: Array<{ method: 'POST' | 'DELETE'; dn: string; body?: ManagedObject }> = [];
  /** Fail the write with this index (0-based) and every later one, to simulate a killed run. */
  failFrom?: number;

  constructor(seed: readonly ManagedObject[] = []) {
    for (const s of seed) this.merge(s, s.attributes['dn']);
  }

  async post(dn: string, mo: ManagedObject): Promise<void> {
    this.check();
    this.writes.push({ method: 'POST', dn, body: mo });
    this.merge(mo, dn);
  }

  async delete(dn: string): Promise<void> {
    this.check();
    this.writes.push({ method: 'DELETE', dn });
    for (const k of [...this.store.keys()]) if (k === dn || k.startsWith(dn + '/')) this.store.delete(k);
  }

  async read(dn: string, depth: 'children' | 'full'): Promise<ManagedObject | undefined> {
    const e = this.store.get(dn);
    if (!e) return undefined;
    return { className: e.className, attributes: { ...e.attributes, dn }, children: this.childrenOf(dn, depth === 'full') };
  }

  /** The whole store as sorted `dn class attrs` lines, to compare fabrics. */
  snapshot(): string[] {
    return [...this.store.entries()].map(([dn, e]) => `${dn} ${e.className} ${JSON.stringify(e.attributes)}`).sort();
  }

  private childrenOf(dn: string, deep: boolean): ManagedObject[] {
    const out: ManagedObject[] = [];
    for (const [k, e] of this.store) {
      if (parentDn(k) !== dn) continue;
      const rn = k.slice(dn.length + 1);
      out.push({ className: e.className, attributes: { ...e.attributes, rn }, children: deep ? this.childrenOf(k, true) : [] });
    }
    return out;
  }

  private merge(mo: ManagedObject, dn: string): void {
    const prev = this.store.get(dn);
    const attrs: Record<string, string> = { ...(prev?.attributes ?? {}) };
    for (const [k, v] of Object.entries(mo.attributes)) if (k !== 'dn' && k !== 'rn' && k !== 'pwd') attrs[k] = v;
    this.store.set(dn, { className: mo.className, attributes: attrs });
    for (const c of mo.children) this.merge(c, childDn(dn, classTableNaming.rnOf(c)));
  }

  private check(): void {
    if (this.failFrom !== undefined && this.writes.length >= this.failFrom) throw new Error('connection lost (simulated)');
  }
}

// `apic-sim dump` / `apic-sim load`: the whole tree as one JSON document,
// the roots (`uni`, `topology`, ...) with their subtrees nested, in the
// APIC's wire format. Password hashes are not part of it.
import { classInfo } from '../aci/classes.js';
import { childDn, formatRn, parentDn } from '../aci/dn.js';
import { fromWire, WireFormatError } from '../aci/json.js';
import type { ManagedObject } from '../aci/types.js';
import { InputError } from '../errors.js';
import type { MoRow, MoStore } from './store.js';

interface WireNode {
  [className: string]: { attributes: Record<string, string>; children?: WireNode[] };
}

export function dumpTree(store: MoStore): { totalCount: string; imdata: WireNode[] } {
  const nodes = new Map<string, WireNode>();
  const roots: WireNode[] = [];
  const rows = store.all();
  for (const r of rows) nodes.set(r.dn, { [r.className]: { attributes: { ...r.attrs } } });
  for (const r of rows) {
    const node = nodes.get(r.dn)!;
    const parent = r.parent ? nodes.get(r.parent) : undefined;
    if (!parent) roots.push(node);
    else {
      const body = Object.values(parent)[0];
      (body.children ??= []).push(node);
    }
  }
  return { totalCount: String(roots.length), imdata: roots };
}

/** Replaces the whole tree with a dump; all or nothing. Returns the number of objects loaded. */
export function loadTree(store: MoStore, dump: unknown, source: string): number {
  const imdata = (dump as { imdata?: unknown })?.imdata;
  if (!Array.isArray(imdata))
    throw new InputError([{ field: source, rule: 'must be a JSON object with an "imdata" array (the output of apic-sim dump)' }]);
  const rows: MoRow[] = [];
  const visit = (mo: ManagedObject, parent: string | undefined, at: string) => {
    let dn = mo.attributes.dn;
    if (!dn) {
      const info = classInfo(mo.className);
      if (!info || parent === undefined) throw new InputError([{ field: at, value: mo.className, rule: 'needs a dn attribute' }]);
      dn = childDn(parent, formatRn(info, mo.attributes));
    }
    rows.push({ dn, className: mo.className, parent: parentDn(dn) ?? '', attrs: { ...mo.attributes, dn } });
    mo.children.forEach((c, i) => visit(c, dn, `${at}.children[${i}]`));
  };
  imdata.forEach((w, i) => {
    try {
      visit(fromWire(w), undefined, `${source}: imdata[${i}]`);
    } catch (e) {
      if (e instanceof WireFormatError) throw new InputError([{ field: `${source}: imdata[${i}]`, rule: e.message }]);
      throw e;
    }
  });
  store.transaction(() => {
    store.clear();
    for (const r of rows) store.put(r);
  });
  return rows.length;
}

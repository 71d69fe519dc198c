// How the engine names objects: an object's RN comes from its `rn` or `dn`
// attribute when the APIC (or the desired tree) gives one, else from the
// class table's RN format and the object's naming properties.
import type { ManagedObject } from '../../aci/types.js';
import { classInfo } from '../../aci/classes.js';
import { formatRn, lastRn, splitDn } from '../../aci/dn.js';

export interface MoNaming {
  rnOf(mo: ManagedObject): string;
  /** Properties that form the RN: they go in every request body so the APIC knows the object. */
  namingProps(className: string): readonly string[];
}

export const classTableNaming: MoNaming = {
  rnOf(mo) {
    const rn = mo.attributes['rn'];
    if (rn) return rn;
    const dn = mo.attributes['dn'];
    if (dn) return lastRn(dn);
    return formatRn(mo.className, mo.attributes);
  },
  namingProps(className) {
    return classInfo(className)?.naming ?? [];
  },
};

/** Depth of a DN in RNs (`uni/tn-a` is 2); brackets are respected. */
export function dnDepth(dn: string): number {
  return splitDn(dn).length;
}

/** Whether `dn` lies strictly below `ancestor`. */
export function isBelow(dn: string, ancestor: string): boolean {
  if (!dn.startsWith(ancestor + '/')) return false;
  // `uni/tn-a/x` is below `uni/tn-a`, but a bracketed `[uni/tn-a/...]` inside an RN is not a level.
  const a = splitDn(ancestor);
  const d = splitDn(dn);
  return d.length > a.length && a.every((rn, i) => d[i] === rn);
}

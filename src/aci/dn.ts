// Distinguished names (DNs) and relative names (RNs).
// A DN is RNs joined by `/`, but an RN may embed a whole DN inside square
// brackets (`rsdomP-[uni/vmmp-Kubernetes/dom-kube]`), even one that itself
// holds brackets (`rsdomAtt-[uni/infra/vlanns-[pool]-static]`); so splitting
// has to track bracket depth instead of splitting on every `/`.
import type { AciClassInfo } from './types.js';
import { classInfo, childClassesOf, classModelLoaded, loadClassModel, ROOT_CLASS } from './classes.js';
import { matchRn, rnTokens } from './rn.js';

export { matchRn, rnFormatProps, rnTokens } from './rn.js';

/** Splits a DN into its RNs, keeping bracketed parts whole. */
export function splitDn(dn: string): string[] {
  const rns: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '/' && depth === 0) {
      rns.push(dn.slice(start, i));
      start = i + 1;
    }
  }
  rns.push(dn.slice(start));
  return rns.filter((rn) => rn !== '');
}

export function joinDn(rns: readonly string[]): string {
  return rns.join('/');
}

/** The DN of the parent, or undefined for a top-level object (`uni`). */
export function parentDn(dn: string): string | undefined {
  const rns = splitDn(dn);
  return rns.length > 1 ? joinDn(rns.slice(0, -1)) : undefined;
}

/** The last RN of a DN. */
export function lastRn(dn: string): string {
  const rns = splitDn(dn);
  return rns[rns.length - 1] ?? '';
}

export function childDn(parent: string, rn: string): string {
  return parent === '' ? rn : `${parent}/${rn}`;
}

/** Builds an RN from a class's format and the object's naming properties. */
export function formatRn(cls: AciClassInfo | string, attributes: Readonly<Record<string, string>>): string {
  const info = typeof cls === 'string' ? classInfo(cls) : cls;
  if (!info) throw new Error(`unknown ACI class ${String(cls)}`);
  return rnTokens(info.rnFormat)
    .map((t) => {
      if ('literal' in t) return t.literal;
      const v = attributes[t.prop];
      if (v === undefined || v === '') {
        throw new Error(`${info.className}: naming property ${t.prop} is missing (RN format ${info.rnFormat})`);
      }
      return v;
    })
    .join('');
}

export interface ParsedRn {
  className: string;
  rn: string;
  naming: Record<string, string>;
}

/** The class of an RN found under a parent of class `parentClass` (`topRoot` for `uni`, `comp`, `topology`). */
export function parseRn(rn: string, parentClass: string = ROOT_CLASS): ParsedRn | undefined {
  // Longer literal prefixes first, so `rsdomAtt-[..]` never falls to a looser format.
  for (const info of childClassesOf(parentClass)) {
    const naming = matchRn(info.rnFormat, rn);
    if (naming) return { className: info.className, rn, naming };
  }
  // Not one of the provisioner's classes: the whole object model may know it.
  if (!classModelLoaded()) {
    loadClassModel();
    return parseRn(rn, parentClass);
  }
  return undefined;
}

/** Resolves every RN of a DN from the root; undefined when any RN is unknown. */
export function resolveDn(dn: string): ParsedRn[] | undefined {
  const out: ParsedRn[] = [];
  let parent = ROOT_CLASS;
  for (const rn of splitDn(dn)) {
    const p = parseRn(rn, parent);
    if (!p) return undefined;
    out.push(p);
    parent = p.className;
  }
  return out;
}

/** The class of the object a DN names, or undefined when the DN does not resolve. */
export function classOfDn(dn: string): string | undefined {
  const r = resolveDn(dn);
  return r && r.length > 0 ? r[r.length - 1].className : undefined;
}

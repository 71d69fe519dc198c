// One spelling per DN. An APIC takes a naming value with or without its
// brackets (`lifp-[ip1]` for `lifp-ip1`, `annotationKey-owner` for
// `annotationKey-[owner]`) and stores it in its class's RN format; so does
// the simulator, for URLs and for DNs in bodies.
import { childClassesOf, ROOT_CLASS } from '../aci/classes.js';
import { formatRn, matchRn, splitDn } from '../aci/dn.js';
import { rnTokens } from '../aci/rn.js';

function bracketFree(rnFormat: string): string {
  return rnFormat.replace(/\[\{(\w+)\}\]/g, '{$1}');
}

/** The RN in its class's format, and the class; undefined when no class under `parentClass` takes it. */
function canonicalRn(rn: string, parentClass: string): { rn: string; className: string } | undefined {
  const candidates = childClassesOf(parentClass);
  for (const info of candidates) {
    const naming = matchRn(info.rnFormat, rn);
    if (!naming) continue;
    // `[x]` given for an unbracketed value.
    for (const t of rnTokens(info.rnFormat)) {
      if ('prop' in t && !t.bracketed) {
        const v = naming[t.prop];
        if (v.startsWith('[') && v.endsWith(']')) naming[t.prop] = v.slice(1, -1);
      }
    }
    return { rn: formatRn(info, naming), className: info.className };
  }
  if (rn.includes('[')) return undefined;
  for (const info of candidates) {
    if (!info.rnFormat.includes('[{')) continue;
    const naming = matchRn(bracketFree(info.rnFormat), rn);
    if (naming) return { rn: formatRn(info, naming), className: info.className };
  }
  return undefined;
}

export function canonicalDn(dn: string): string {
  if (!dn.includes('[') && !dn.includes('-')) return dn;
  const out: string[] = [];
  let parent: string | undefined = ROOT_CLASS;
  for (const rn of splitDn(dn)) {
    const c: { rn: string; className: string } | undefined = parent === undefined ? undefined : canonicalRn(rn, parent);
    out.push(c?.rn ?? rn);
    parent = c?.className;
  }
  return out.join('/');
}

// Which objects unprovision (`-d`) may remove, read off the desired tree:
// every removal target of the tree (an owned object whose parent is not
// owned, or one the tree marks for removal by its own DN), plus the rules
// the Python tool applies to the cluster's tenant:
//   - the tenant goes only when it carries the cluster's annotation, is not a
//     pre-existing tenant, and holds no application profile of anyone else
//     (unless --skip-app-profile-check);
//   - its direct children that carry the annotation and the system id in
//     their name are swept too (leftovers of older versions and of earlier
//     configurations of the same cluster);
//   - the cluster's application profile goes only when every EPG in it is
//     the cluster's (annotated); the user's own EPGs keep it.
// Shared objects (tenant common, uni/infra, the AEP, L3Out external EPGs) are
// never removed: they are not removal targets. Unlike the Python tool, a
// tenant that holds a VRF or an L3Out is kept: the cluster never creates
// those, so they are the user's (the VRF may live in the cluster's tenant).
import type { Config } from '../config/types.js';
import { removalTargets } from './desired/requests.js';
import type { DesiredState } from './desired/types.js';
import type { OwnedObject, SweepRule } from './unprovision.js';

export interface OwnershipOptions {
  /** `--skip-app-profile-check`: remove the tenant even when other application profiles remain. */
  skipAppProfileCheck?: boolean;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `-kube-` inside or `-kube` at the end of a name: the Python tool's test for "named after this cluster". */
export function systemIdPattern(systemId: string): RegExp {
  return new RegExp(`-${escapeRegExp(systemId)}(-|$)`);
}

/** Application profiles: removed only when no EPG of someone else is left in them. */
const APP_PROFILE_RULES = { keepIfHasOtherChildrenOf: ['fvAEPg'], sweepChildren: {} } as const;

/** Classes the cluster never creates in its tenant: a tenant holding one is (also) the user's. */
const USERS_OWN_CLASSES = ['fvCtx', 'l3extOut'];

export function ownedObjects(state: DesiredState, config: Config, opts: OwnershipOptions = {}): OwnedObject[] {
  const a = config.aci_config;
  const tenantDn = `uni/tn-${a.cluster_tenant}`;
  // The Python tool sweeps only clusters that use the current naming convention.
  const sweep: SweepRule | undefined = a.use_legacy_kube_naming_convention
    ? undefined
    : { namePattern: systemIdPattern(a.system_id), rules: { fvAp: APP_PROFILE_RULES } };
  const tenantRules: Pick<OwnedObject, 'keepIfHasOtherChildrenOf' | 'sweepChildren'> = {
    keepIfHasOtherChildrenOf: [...USERS_OWN_CLASSES, ...(opts.skipAppProfileCheck ? [] : ['fvAp'])],
    ...(sweep ? { sweepChildren: sweep } : {}),
  };

  const out: OwnedObject[] = [];
  let tenantListed = false;
  for (const t of removalTargets(state)) {
    const o: OwnedObject = { dn: t.dn, className: t.className, owned: t.ifAnnotated ? 'if-annotated' : 'always' };
    if (t.dn === tenantDn && t.className === 'fvTenant') {
      Object.assign(o, tenantRules);
      tenantListed = true;
    } else if (t.className === 'fvAp' && t.dn.startsWith(`${tenantDn}/`)) {
      Object.assign(o, APP_PROFILE_RULES);
    }
    out.push(o);
  }
  // A pre-existing tenant is the user's: never removed, but what the cluster left in it is swept.
  if (!tenantListed && sweep) {
    out.push({ dn: tenantDn, className: 'fvTenant', owned: 'never', sweepChildren: sweep });
  }
  return out;
}

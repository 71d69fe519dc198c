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
import { tenantDn } from '../aci/dns.js';
import { classInfo } from '../aci/classes.js';
import type { Config } from '../config/types.js';
import { allObjects, removalTargets } from './desired/requests.js';
import type { DesiredMo, DesiredState } from './desired/types.js';
import type { StaleRule } from './plan.js';
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
  const clusterTenantDn = tenantDn(a.cluster_tenant);
  // The Python tool sweeps only clusters that use the current naming convention.
  const sweep: SweepRule | undefined = a.use_legacy_kube_naming_convention
    ? undefined
    : { namePattern: systemIdPattern(String(a.system_id)), rules: { fvAp: APP_PROFILE_RULES } };
  const tenantRules: Pick<OwnedObject, 'keepIfHasOtherChildrenOf' | 'sweepChildren'> = {
    keepIfHasOtherChildrenOf: [...USERS_OWN_CLASSES, ...(opts.skipAppProfileCheck ? [] : ['fvAp'])],
    ...(sweep ? { sweepChildren: sweep } : {}),
  };

  const out: OwnedObject[] = [];
  let tenantListed = false;
  for (const t of removalTargets(state)) {
    const o: OwnedObject = { dn: t.dn, className: t.className, owned: t.ifAnnotated ? 'if-annotated' : 'always' };
    if (t.dn === clusterTenantDn && t.className === 'fvTenant') {
      Object.assign(o, tenantRules);
      tenantListed = true;
    } else if (t.className === 'fvAp' && t.dn.startsWith(`${clusterTenantDn}/`)) {
      Object.assign(o, APP_PROFILE_RULES);
    }
    out.push(o);
  }
  // A pre-existing tenant is the user's: never removed, but what the cluster left in it is swept.
  if (!tenantListed && sweep) {
    out.push({ dn: clusterTenantDn, className: 'fvTenant', owned: 'never', sweepChildren: sweep });
  }
  return out;
}

/**
 * Leftovers of this cluster below its own objects, swept by `-a`: what the
 * APIC holds under an object the cluster owns, that the desired tree does not
 * ask for, carries the cluster's annotation, and is of a class the tree puts
 * at that place (a custom EPG dropped from the file, the old `rsBDToOut` after
 * the L3Out was renamed). Directly in the tenant only objects named after the
 * cluster qualify, as for `-d`: the running controller keeps its own objects
 * (service contracts, say) there under the same annotation.
 */
export function staleRule(state: DesiredState, config: Config): StaleRule {
  const placed = new Map<string, Set<string>>();
  for (const m of allObjects(state)) {
    for (const c of m.children) {
      let set = placed.get(m.className);
      if (!set) placed.set(m.className, (set = new Set()));
      set.add(c.className);
    }
  }
  const a = config.aci_config;
  const named = a.use_legacy_kube_naming_convention ? undefined : systemIdPattern(String(a.system_id));
  return (parent, child) => {
    if (parent.owner !== 'cluster') return false;
    if (child.attributes['annotation'] !== state.annotation) return false;
    if (!placed.get(parent.className)?.has(child.className)) return false;
    if (parent.className === 'fvTenant') return named !== undefined && named.test(child.attributes['name'] ?? '');
    return true;
  };
}

/**
 * Relations the cluster owns inside shared objects, identified by what they
 * point at (one of the cluster's own objects): the same relation found
 * elsewhere (the L3Out or AEP the configuration named before) is a leftover.
 */
export interface StrayQuery {
  className: string;
  targetProp: string;
  target: string;
  /** The APIC filter that finds them by class query. */
  filter: string;
  desiredDns: Set<string>;
}

export function strayRelationQueries(state: DesiredState): StrayQuery[] {
  const objects = allObjects(state);
  const ownedDns = new Set(objects.filter((m) => m.owner === 'cluster').map((m) => m.dn));
  const ownedNames = new Map<string, Set<string>>();
  for (const m of objects) {
    if (m.owner !== 'cluster' || m.attributes['name'] === undefined) continue;
    let set = ownedNames.get(m.className);
    if (!set) ownedNames.set(m.className, (set = new Set()));
    set.add(m.attributes['name']);
  }
  const parents = new Map<DesiredMo, DesiredMo>();
  for (const m of objects) for (const c of m.children) parents.set(c, m);
  const byFilter = new Map<string, StrayQuery>();
  for (const m of objects) {
    const relation = classInfo(m.className)?.relation;
    const parent = parents.get(m);
    if (!relation || m.owner !== 'cluster' || !parent || parent.owner !== 'shared') continue;
    const target = m.attributes[relation.targetProp];
    if (target === undefined) continue;
    const ours = ownedDns.has(target) || (relation.targetClass !== undefined && ownedNames.get(relation.targetClass)?.has(target));
    if (!ours) continue;
    const filter = `eq(${m.className}.${relation.targetProp},"${target}")`;
    const key = `${m.className}\u0000${filter}`;
    const q = byFilter.get(key) ?? {
      className: m.className,
      targetProp: relation.targetProp,
      target,
      filter,
      desiredDns: new Set<string>(),
    };
    q.desiredDns.add(m.dn);
    byFilter.set(key, q);
  }
  return [...byFilter.values()];
}

// How the checklist reads: the groups of the integration guide's post-install
// checks, in its order, and which objects get a line of their own. Objects
// without a line (an EPG's contract relations, a filter's entries) are checked
// all the same; their problems show under the nearest object that has one.
// This decides presentation only: what is checked is the desired tree.
import { classInfo } from '../aci/classes.js';
import type { DesiredMo } from '../provision/desired/types.js';
import { FABRIC_CONTAINERS } from './read.js';

export type GroupId =
  'tenant' | 'epgs' | 'bridge-domains' | 'vmm-domain' | 'physical-domain' | 'contracts' | 'l3out' | 'user' | 'fabric' | 'running-cluster';

export const GROUPS: ReadonlyArray<{ id: GroupId; title: string }> = [
  { id: 'tenant', title: 'Tenant' },
  { id: 'epgs', title: 'Application profile and EPGs' },
  { id: 'bridge-domains', title: 'Bridge domains, subnets and VRF' },
  { id: 'vmm-domain', title: 'VMM domain: controller, pools, AEP binding' },
  { id: 'physical-domain', title: 'Physical domain' },
  { id: 'contracts', title: 'Filters and contracts' },
  { id: 'l3out', title: 'L3Out contracts' },
  { id: 'user', title: "Controller's user and certificate" },
  { id: 'fabric', title: 'Fabric access policies (AEP, infra VLAN, OpFlex)' },
  { id: 'running-cluster', title: 'Running cluster: VMM inventory and L4-L7 services' },
];

/** Classes that get a line of their own, and what people call them. */
const LABELS: Record<string, string> = {
  fvTenant: 'Tenant',
  fvAp: 'Application profile',
  fvAEPg: 'EPG',
  fvBD: 'Bridge domain',
  fvSubnet: 'Subnet',
  fvRsCtx: 'VRF',
  ndPfxPol: 'ND prefix policy',
  vzFilter: 'Filter',
  vzBrCP: 'Contract',
  vmmDomP: 'VMM domain',
  vmmCtrlrP: 'VMM controller',
  vmmInjectedClusterInfo: 'Cluster registration',
  fvnsVlanInstP: 'VLAN pool',
  fvnsMcastAddrInstP: 'Multicast address pool',
  infraRsDomP: 'AEP binding',
  physDomP: 'Physical domain',
  infraAttEntityP: 'AEP',
  infraProvAcc: 'Infra VLAN access',
  infraGeneric: 'AEP static EPG bindings',
  infraSetPol: 'OpFlex client settings',
  aaaUser: 'User',
  aaaUserCert: 'Certificate',
  l3extOut: 'L3Out',
  l3extInstP: 'External EPG',
  vmmUsrCustomAggr: 'Port group',
};

/** Names for objects that show on a line only when they start one (an external EPG's contract). */
const OTHER_LABELS: Record<string, string> = {
  fvRsProv: 'Provided contract',
  fvRsCons: 'Consumed contract',
  infraRsFuncToEpg: 'EPG binding',
};

/** Containers whose name says nothing (`provacc`, `default`). */
const UNNAMED = new Set(['infraProvAcc', 'infraGeneric']);

/** Order of lines inside a group: the domain before what hangs off it; otherwise the tree's order. */
const RANK: Record<string, number> = {
  vmmDomP: 0,
  physDomP: 0,
  vmmCtrlrP: 1,
  fvnsVlanInstP: 2,
  fvnsMcastAddrInstP: 2,
  infraRsDomP: 3,
  vmmInjectedClusterInfo: 4,
};

export function lineRank(className: string): number {
  return RANK[className] ?? 5;
}

export interface Placement {
  group: GroupId;
  /** The object whose line shows this object's problems (itself when it has a line). */
  line: DesiredMo;
}

/** `VRF my-vrf`, `EPG aci-containers-default`, `AEP binding my-aep -> uni/phys-x`. */
export function lineTitle(mo: DesiredMo, parent: DesiredMo | undefined): string {
  const label = LABELS[mo.className] ?? OTHER_LABELS[mo.className] ?? mo.className;
  const info = classInfo(mo.className);
  if (UNNAMED.has(mo.className)) return label;
  if (mo.className === 'infraRsDomP' && parent) return `${label} ${parent.attributes['name'] ?? ''} -> ${mo.attributes['tDn'] ?? ''}`;
  const prop = info?.relation?.targetProp ?? info?.naming[0];
  const value = prop ? mo.attributes[prop] : undefined;
  return value ? `${label} ${value}` : label;
}

/** Places every object of the tree (fabric containers excluded) in a group and on a line. */
export function placeObjects(root: DesiredMo): Map<DesiredMo, Placement> {
  const out = new Map<DesiredMo, Placement>();
  // A pool belongs with the domain whose relation points at it.
  const poolOwner = new Map<string, GroupId>();
  const visitRelations = (m: DesiredMo, group: GroupId | undefined) => {
    const g = m.className === 'vmmDomP' ? 'vmm-domain' : m.className === 'physDomP' ? 'physical-domain' : group;
    if (g && m.attributes['tDn']) poolOwner.set(m.attributes['tDn'], g);
    for (const c of m.children) visitRelations(c, g);
  };
  visitRelations(root, undefined);

  const groupOf = (m: DesiredMo, chain: DesiredMo[], inherited: GroupId | undefined): GroupId => {
    const has = (...classes: string[]) => [...chain, m].some((x) => classes.includes(x.className));
    // The L3Out builder posts its allow-all filter and contract as one request group, `l3out`,
    // wherever the VRF's tenant is (the cluster's own tenant included).
    if ([...chain, m].some((x) => x.post?.group === 'l3out') || has('l3extOut')) return 'l3out';
    if (m.className === 'fvTenant') return m.context ? 'l3out' : 'tenant';
    if (m.className === 'infraRsDomP') {
      const t = m.attributes['tDn'] ?? '';
      return t.startsWith('uni/phys-') ? 'physical-domain' : t.startsWith('uni/vmmp-') ? 'vmm-domain' : 'fabric';
    }
    if (inherited && inherited !== 'tenant' && inherited !== 'fabric') return inherited;
    if (poolOwner.has(m.dn)) return poolOwner.get(m.dn)!;
    if (has('aaaUser')) return 'user';
    if (has('fvAp')) return 'epgs';
    if (has('fvBD', 'ndPfxPol')) return 'bridge-domains';
    if (has('vzFilter', 'vzBrCP')) return 'contracts';
    if (has('vmmDomP', 'vmmInjectedClusterInfo')) return 'vmm-domain';
    if (has('physDomP')) return 'physical-domain';
    return inherited ?? 'fabric';
  };

  const visit = (m: DesiredMo, chain: DesiredMo[], line: DesiredMo | undefined, group: GroupId | undefined) => {
    let placement: Placement | undefined;
    if (!FABRIC_CONTAINERS.has(m.className) && m !== root) {
      const parent = chain[chain.length - 1];
      const own = LABELS[m.className] !== undefined || !line || (parent?.context ?? false);
      const g = own ? groupOf(m, chain, group) : group!;
      placement = { group: g, line: own ? m : line };
      out.set(m, placement);
    }
    for (const c of m.children) visit(c, [...chain, m], placement?.line, placement?.group);
  };
  visit(root, [], undefined, undefined);
  return out;
}

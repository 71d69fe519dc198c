// What must already be on the fabric before `-a` writes anything: the
// objects the cluster's objects point at but never create. Posting into a
// missing AEP or L3Out would silently create an empty one, and a missing VRF
// leaves the bridge domains unresolved, so each missing one stops the run
// with a problem naming the configuration key, its value and the DN looked for.
import { aepDn, extEpgDn, l3outDn, physDomainDn, tenantDn, vmmDomainDn, vrfDn } from '../aci/dns.js';
import { isChainedMode, isCnoMode, isVmmLite } from '../config/cno.js';
import type { Config } from '../config/types.js';
import type { ManagedObject } from '../aci/types.js';
import { childDn } from '../aci/dn.js';
import { classTableNaming } from './engine/naming.js';
import { InputError, type Problem } from '../errors.js';
import { flavorFamily } from '../config/flavors.js';

/** The part of the client the checks need. */
export interface PrerequisiteReader {
  getMo(dn: string, opts?: { subtree?: 'children' | 'full'; query?: Record<string, string> }): Promise<ManagedObject | undefined>;
  getChildren(dn: string, classes?: readonly string[]): Promise<ManagedObject[]>;
}

interface Requirement {
  field: string;
  value: unknown;
  dn: string;
  what: string;
  /** Checked only when this one exists (a VRF inside its tenant). */
  within?: Requirement;
  /** Read with its subtree (as `query` narrows it): the requirements inside it are found in the same answer. */
  subtree?: 'children' | 'full';
  query?: Record<string, string>;
}

/**
 * The VRF's tenant is read once, narrowed to what the checks need: its VRFs and
 * L3Outs with their external EPGs, their contracts and the L3Outs' VRF
 * relation. The look at other clusters (src/cluster/neighbours.ts) reads the
 * L3Out's VRF, and the plan the cluster's contracts left on other external
 * EPGs, from the same answer.
 */
export const TENANT_PREREQUISITES_READ = {
  subtree: 'full' as const,
  query: { 'rsp-subtree-class': 'fvCtx,l3extOut,l3extInstP,l3extRsEctx,fvRsProv,fvRsCons' },
};

function nestedVmware(config: Config): string | undefined {
  const nested = config.aci_config.vmm_domain.nested_inside;
  if (!nested?.type || String(nested.type).toLowerCase() !== 'vmware' || !nested.name) return undefined;
  return String(nested.name);
}

/**
 * Chained CNI and VMM lite (as the Python tool checks them): the secondary
 * AEP (chained); unless chained mode skips the node network, the AEP (not for
 * VMM lite), the physical and VMM domains the file names, and the VRF (not
 * for VMM lite). The L3Out and its external EPGs only when the cluster's
 * contract goes into them.
 */
function cnoRequirements(config: Config): Requirement[] {
  const a = config.aci_config;
  const vmmLite = isVmmLite(config);
  const out: Requirement[] = [];
  if (isChainedMode(config)) {
    const secondary = String(a.secondary_aep);
    out.push({ field: 'aci_config.secondary_aep', value: secondary, dn: aepDn(secondary), what: 'attachable entity profile (AEP)' });
    if (config.chained_cni_config.skip_node_network_provisioning && !vmmLite) return out;
  }
  if (!vmmLite) out.push({ field: 'aci_config.aep', value: a.aep, dn: aepDn(String(a.aep)), what: 'attachable entity profile (AEP)' });
  const user = config.user_config as
    { aci_config?: { physical_domain?: { domain?: unknown }; vmm_domain?: { domain?: unknown; type?: unknown } } } | undefined;
  const phys = user?.aci_config?.physical_domain?.domain;
  if (typeof phys === 'string' && phys !== '') {
    out.push({ field: 'aci_config.physical_domain.domain', value: phys, dn: physDomainDn(phys), what: 'physical domain' });
  }
  const vmm = user?.aci_config?.vmm_domain;
  if (vmm?.domain && vmm.type) {
    out.push({
      field: 'aci_config.vmm_domain.domain',
      value: vmm.domain,
      dn: vmmDomainDn(String(vmm.type), String(vmm.domain)),
      what: 'VMM domain',
    });
  }
  const tenant: Requirement = {
    field: 'aci_config.vrf.tenant',
    value: a.vrf.tenant,
    dn: tenantDn(String(a.vrf.tenant)),
    what: 'tenant',
    ...TENANT_PREREQUISITES_READ,
  };
  if (!vmmLite) {
    out.push(tenant, {
      field: 'aci_config.vrf.name',
      value: a.vrf.name,
      dn: a.vrf.dn || vrfDn(String(a.vrf.tenant), String(a.vrf.name)),
      what: 'VRF',
      within: tenant,
    });
  }
  const nets = a.l3out.external_networks ?? [];
  const l3outName = a.l3out.name;
  if (nets.length > 0 && l3outName) {
    if (vmmLite) out.push(tenant);
    const l3out: Requirement = {
      field: 'aci_config.l3out.name',
      value: l3outName,
      dn: l3outDn(String(a.vrf.tenant), l3outName),
      what: 'L3Out',
      within: tenant,
    };
    out.push(l3out);
    nets.forEach((net, i) =>
      out.push({
        field: `aci_config.l3out.external_networks[${i}]`,
        value: net,
        dn: extEpgDn(String(a.vrf.tenant), l3outName, net),
        what: 'external network (external EPG) of the L3Out',
        within: l3out,
      }),
    );
  }
  return out;
}

export function requirements(config: Config): Requirement[] {
  if (isCnoMode(config)) return cnoRequirements(config);
  const a = config.aci_config;
  const vrfTenantName = String(a.vrf.tenant);
  const l3outName = String(a.l3out.name);
  const tenant: Requirement = {
    field: 'aci_config.vrf.tenant',
    value: a.vrf.tenant,
    dn: tenantDn(vrfTenantName),
    what: 'tenant',
    ...TENANT_PREREQUISITES_READ,
  };
  const l3out: Requirement = {
    field: 'aci_config.l3out.name',
    value: a.l3out.name,
    dn: l3outDn(vrfTenantName, l3outName),
    what: 'L3Out',
    within: tenant,
  };
  // Calico (issue 16) attaches its cluster L3Out's AEP instead.
  const calicoAep = flavorFamily(config.flavor) === 'calico' ? a.cluster_l3out.aep : undefined;
  const aep =
    calicoAep !== undefined
      ? { field: 'aci_config.cluster_l3out.aep', value: calicoAep, dn: aepDn(calicoAep), what: 'attachable entity profile (AEP)' }
      : { field: 'aci_config.aep', value: a.aep, dn: `uni/infra/attentp-${a.aep}`, what: 'attachable entity profile (AEP)' };
  const out: Requirement[] = [
    { ...aep, subtree: 'full' },
    tenant,
    {
      field: 'aci_config.vrf.name',
      value: a.vrf.name,
      dn: a.vrf.dn || vrfDn(vrfTenantName, String(a.vrf.name)),
      what: 'VRF',
      within: tenant,
    },
    l3out,
  ];
  (a.l3out.external_networks ?? []).forEach((net, i) =>
    out.push({
      field: `aci_config.l3out.external_networks[${i}]`,
      value: net,
      dn: extEpgDn(vrfTenantName, l3outName, net),
      what: 'external network (external EPG) of the L3Out',
      within: l3out,
    }),
  );
  const nested = nestedVmware(config);
  if (nested !== undefined) {
    out.push({
      field: 'aci_config.vmm_domain.nested_inside.name',
      value: nested,
      dn: vmmDomainDn('VMware', nested),
      what: 'VMware VMM domain the nodes are nested inside',
    });
  }
  return out;
}

/** Reads each prerequisite (in parallel, one round) and throws one InputError naming every missing one. Sends no write. */
export async function checkPrerequisites(apic: PrerequisiteReader, config: Config): Promise<void> {
  const reqs = requirements(config);
  // A requirement inside one read with its subtree is looked up in that answer.
  const readBy = (r: Requirement): Requirement | undefined => (r.within ? (r.within.subtree ? r.within : readBy(r.within)) : undefined);
  const read = new Map<Requirement, Promise<ManagedObject | undefined>>();
  for (const r of reqs) {
    if (!readBy(r)) read.set(r, apic.getMo(r.dn, r.subtree ? { subtree: r.subtree, ...(r.query ? { query: r.query } : {}) } : {}));
  }
  const found = await Promise.all(
    reqs.map(async (r) => {
      const holder = readBy(r);
      if (!holder) return (await read.get(r)!) !== undefined;
      return findBelow(await read.get(holder)!, holder.dn, r.dn) !== undefined;
    }),
  );
  const exists = new Map(reqs.map((r, i) => [r, found[i]]));
  const problems: Problem[] = [];
  for (const r of reqs) {
    if (exists.get(r)) continue;
    // Inside a missing parent only the parent is reported.
    if (r.within && !exists.get(r.within)) continue;
    problems.push({
      field: r.field,
      value: r.value,
      rule: `no such ${r.what} on the APIC (${r.dn}): create it first, or fix the configuration`,
    });
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * With a second kube-api port group, the kube-api VLAN goes into the VLAN pool
 * of the VMware domain the nodes are nested inside; the APIC says which pool
 * that is (as the Python tool asks it). Returns the pool's DN, if any.
 */
export async function discoverNestedVlanPool(apic: PrerequisiteReader, config: Config): Promise<string | undefined> {
  const nested = nestedVmware(config);
  if (nested === undefined || !config.net_config.second_kubeapi_portgroup) return undefined;
  const rels = await apic.getChildren(vmmDomainDn('VMware', nested), ['infraRsVlanNs']);
  const tDn = rels[0]?.attributes['tDn'];
  return tDn ? tDn : undefined;
}

/** The object at `dn` inside an answer rooted at `rootDn` (undefined: not there). */
export function findBelow(root: ManagedObject | undefined, rootDn: string, dn: string): ManagedObject | undefined {
  if (!root) return undefined;
  if (dn === rootDn) return root;
  for (const c of root.children) {
    const at = childDn(rootDn, classTableNaming.rnOf(c));
    if (dn === at || dn.startsWith(`${at}/`)) {
      const hit = findBelow(c, at, dn);
      if (hit) return hit;
    }
  }
  return undefined;
}

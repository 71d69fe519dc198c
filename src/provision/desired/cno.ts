// The ACI objects of a chained-CNI or VMM-lite cluster: no pod network of its
// own, so no VMM domain, pools or pod BD. The nodes get an EPG and a BD in
// the cluster's tenant (unless chained mode skips the node network), reached
// through the AEP on the kubeapi VLAN of a physical domain; the controller
// gets its user, and tenant common an application profile the controller
// puts the EPGs of secondary networks in.
import { epgDn, physDomainDn, vlanPoolDn, vmmDomainDn } from '../../aci/dns.js';
import { CNO_PREFIX, isVmmLite, provisionsNodeNetwork } from '../../config/cno.js';
import type { Config } from '../../config/types.js';
import { addExternalEpgContracts, addL3outContract } from './l3out.js';
import { CLUSTER_ANNOTATION, mo, POST_SELF, POST_TO_PARENT, TreeBuilder, type Spec } from './tree.js';
import type { DesiredState } from './types.js';
import { addControllerUser } from './user.js';
import { addTenantNode } from './tenant.js';
import { usesKubeapiVlan } from './flavor-options.js';

const vlan = (n: unknown) => `vlan-${String(n)}`;

/** The user gave a VMM domain (chained mode then ties the node EPG to it). */
function userVmmDomain(config: Config): boolean {
  const user = config.user_config as { aci_config?: { vmm_domain?: unknown } } | undefined;
  return Boolean(user?.aci_config?.vmm_domain);
}

function userPhysDomain(config: Config): string | undefined {
  const user = config.user_config as { aci_config?: { physical_domain?: { domain?: unknown } } } | undefined;
  const d = user?.aci_config?.physical_domain?.domain;
  return typeof d === 'string' && d !== '' ? d : undefined;
}

const kubeapiVlan = (config: Config): number | null => config.net_config.kubeapi_vlan;

/** The physical domain and its static pool for the kubeapi VLAN, unless the user brings the domain. */
function addPhysicalDomain(t: TreeBuilder, config: Config): void {
  const phys = config.aci_config.physical_domain;
  if (phys.domain === userPhysDomain(config)) return;
  const vmmLite = isVmmLite(config);
  const uni = t.context('', 'polUni');
  const pool = phys.vlan_pool as string | null | undefined;
  if (!vmmLite || kubeapiVlan(config)) {
    const v = vlan(kubeapiVlan(config));
    t.add(
      t.context(uni, 'infraInfra'),
      mo('fvnsVlanInstP', { name: String(pool), allocMode: 'static' }, [mo('fvnsEncapBlk', { allocMode: 'static', from: v, to: v })], {
        owner: 'cluster',
        post: POST_SELF,
      }),
    );
  }
  if (!vmmLite || pool || phys.domain) {
    const children = pool ? [mo('infraRsVlanNs', { tDn: vlanPoolDn(pool, 'static') })] : [];
    t.add(
      uni,
      mo('physDomP', { dn: physDomainDn(phys.domain), name: phys.domain }, children, {
        owner: 'cluster',
        post: POST_SELF,
        emptyChildren: true,
      }),
    );
  }
}

/** The AEP (the user's): the physical domain, and the kubeapi VLAN into the nodes EPG. */
function addAepBindings(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const owned = { owner: 'cluster' as const, removeByDn: true };
  const nodesEpg = a.use_legacy_kube_naming_convention
    ? epgDn(a.cluster_tenant, 'kubernetes', 'kube-nodes')
    : epgDn(a.cluster_tenant, `${CNO_PREFIX}${a.system_id}`, `${CNO_PREFIX}nodes`);
  const children: Spec[] = [mo('infraRsDomP', { tDn: physDomainDn(a.physical_domain.domain) }, [], owned)];
  if (usesKubeapiVlan(config)) {
    children.push(
      mo('infraGeneric', { name: 'default' }, [
        mo(
          'infraRsFuncToEpg',
          { tDn: nodesEpg, encap: vlan(kubeapiVlan(config)), mode: String(config.net_config.kubeapi_vlan_mode) },
          [],
          owned,
        ),
      ]),
    );
  }
  t.add(
    t.context(t.context('', 'polUni'), 'infraInfra'),
    mo('infraAttEntityP', { name: String(a.aep) }, children, { owner: 'shared', post: POST_TO_PARENT }),
  );
}

/** The cluster's tenant: its application profile with the nodes EPG, and the nodes BD. */
function addTenant(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const vmmLite = isVmmLite(config);
  const vmmDomAtt = () => mo('fvRsDomAtt', { tDn: vmmDomainDn(a.vmm_domain.type, a.vmm_domain.domain) });
  const l3out = a.l3out.name;
  const apChildren: Spec[] = [];
  const tenantChildren: Spec[] = [];
  if (!config.chained_cni_config.skip_node_network_provisioning) {
    const nodes = `${CNO_PREFIX}nodes`;
    const epg: Spec[] = [mo('fvRsBd', { tnFvBDName: nodes })];
    if (l3out) epg.push(mo('fvRsCons', { tnVzBrCPName: `${a.system_id}-l3out-allow-all` }));
    if (userVmmDomain(config)) epg.push(vmmDomAtt());
    if (!a.no_physdom_for_node_epg && usesKubeapiVlan(config) && (!vmmLite || kubeapiVlan(config))) {
      epg.push(mo('fvRsDomAtt', { encap: vlan(kubeapiVlan(config)), tDn: physDomainDn(a.physical_domain.domain) }));
    }
    apChildren.push(mo('fvAEPg', { name: nodes }, epg));
    if (!vmmLite || a.vrf.name) {
      const bd: Spec[] = [mo('fvRsCtx', { tnFvCtxName: String(a.vrf.name) })];
      const subnets = config.net_config.node_subnet;
      for (const s of Array.isArray(subnets) ? subnets : subnets ? [subnets] : []) bd.push(mo('fvSubnet', { ip: String(s) }));
      if (l3out) bd.push(mo('fvRsBDToOut', { tnL3extOutName: l3out }));
      const label = (a as { dhcp_relay_label?: unknown }).dhcp_relay_label;
      if (label !== undefined && label !== null) bd.push(mo('dhcpLbl', { name: String(label), owner: 'infra' }));
      tenantChildren.push(mo('fvBD', { name: nodes, arpFlood: 'yes' }, bd));
    }
  }
  for (const name of a.custom_epgs ?? []) apChildren.push(mo('fvAEPg', { name }, userVmmDomain(config) ? [vmmDomAtt()] : []));
  const ap = mo('fvAp', { name: a.app_profile }, apChildren, { emptyChildren: true });
  const children = [ap, ...tenantChildren];
  addTenantNode(t, a.cluster_tenant, a.use_pre_existing_tenant, children);
}

/** The application profile in tenant common for the EPGs of secondary networks. */
function addCommonAp(t: TreeBuilder): void {
  const common = t.context(t.context('', 'polUni'), 'fvTenant', { name: 'common' });
  const name = `${CNO_PREFIX}common`;
  t.add(common, mo('fvAp', { name, dn: `${common}/ap-${name}` }, [], { owner: 'cluster', post: POST_SELF, emptyChildren: true }));
}

/**
 * The desired state of a chained or VMM-lite cluster. A VMM-lite cluster
 * without a system id gets only its controller's user (made by -a, not in
 * the dump, as the Python tool does).
 */
export function buildCnoState(config: Config): DesiredState {
  const t = new TreeBuilder();
  const a = config.aci_config;
  const vmmLite = isVmmLite(config);
  const userOnly = vmmLite && !a.system_id;
  if (userOnly) {
    addControllerUser(t, config);
  } else {
    if (provisionsNodeNetwork(config)) {
      addPhysicalDomain(t, config);
      if (!vmmLite || a.aep) addAepBindings(t, config);
    }
    addTenant(t, config);
    if (a.l3out.external_networks && a.l3out.external_networks.length > 0) {
      addL3outContract(t, config);
      addExternalEpgContracts(t, config);
    }
    addControllerUser(t, config);
    addCommonAp(t);
  }
  return {
    root: t.root,
    annotation: CLUSTER_ANNOTATION,
    controllerUser: a.sync_login.username,
    alsoRemoved: t.alsoRemoved,
    ...(userOnly ? { notDumped: true } : {}),
  };
}

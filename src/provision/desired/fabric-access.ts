// Access policies the cluster needs in `uni/infra` and the domains: the VLAN
// and multicast pools, the Kubernetes VMM domain with its controller, the
// physical domain for the nodes' kube-api VLAN, the AEP bindings and the
// fabric's OpFlex settings.
import { epgDn, mcastPoolDn, physDomainDn, vlanPoolDn, vmmDomainDn } from '../../aci/dns.js';
import type { Config } from '../../config/types.js';
import { mo, POST_SELF, POST_TO_PARENT, TreeBuilder } from './tree.js';
import { childDn, formatRn } from '../../aci/dn.js';
import { usesKubeapiVlan } from './flavor-options.js';
import { atLeast } from './version.js';

const vlan = (n: number | string | null) => `vlan-${n}`;

export function clusterVmmDomainDn(config: Config): string {
  const d = config.aci_config.vmm_domain;
  return vmmDomainDn(d.type, d.domain);
}

export function clusterPhysDomainDn(config: Config): string {
  return physDomainDn(config.aci_config.physical_domain.domain);
}

function clusterStaticPoolDn(config: Config): string {
  return vlanPoolDn(config.aci_config.physical_domain.vlan_pool, 'static');
}

function clusterDynamicPoolDn(config: Config): string {
  return vlanPoolDn(config.aci_config.vmm_domain.vlan_pool, 'dynamic');
}

/** Static pool: the service VLAN, and the kube-api VLAN unless nodes get no physical domain. */
export function addVlanPools(t: TreeBuilder, config: Config): void {
  const infra = t.context(t.context('', 'polUni'), 'infraInfra');
  const net = config.net_config;
  const blocks = [];
  if (!config.aci_config.no_physdom_for_node_epg && usesKubeapiVlan(config)) {
    blocks.push(mo('fvnsEncapBlk', { allocMode: 'static', from: vlan(net.kubeapi_vlan), to: vlan(net.kubeapi_vlan) }));
  }
  blocks.push(mo('fvnsEncapBlk', { allocMode: 'static', from: vlan(net.service_vlan), to: vlan(net.service_vlan) }));
  t.add(
    infra,
    mo('fvnsVlanInstP', { name: config.aci_config.physical_domain.vlan_pool, allocMode: 'static' }, blocks, {
      owner: 'cluster',
      post: POST_SELF,
    }),
  );
  const vmm = config.aci_config.vmm_domain;
  if (vmm.encap_type === 'vlan') {
    t.add(
      infra,
      mo(
        'fvnsVlanInstP',
        { name: vmm.vlan_pool, allocMode: 'dynamic' },
        [mo('fvnsEncapBlk', { allocMode: 'dynamic', from: vlan(vmm.vlan_range.start), to: vlan(vmm.vlan_range.end) })],
        { owner: 'cluster', post: POST_SELF },
      ),
    );
  }
}

export function addMulticastPool(t: TreeBuilder, config: Config): void {
  const infra = t.context(t.context('', 'polUni'), 'infraInfra');
  const vmm = config.aci_config.vmm_domain;
  t.add(
    infra,
    mo(
      'fvnsMcastAddrInstP',
      { name: vmm.mcast_pool, dn: mcastPoolDn(vmm.mcast_pool) },
      [mo('fvnsMcastAddrBlk', { from: vmm.mcast_range.start, to: vmm.mcast_range.end })],
      { owner: 'cluster', post: POST_SELF },
    ),
  );
}

/** The VMM domain the CNI controller reports into, with its controller entry. */
export function addVmmDomain(t: TreeBuilder, config: Config): void {
  const vmm = config.aci_config.vmm_domain;
  let mode = 'k8s';
  let scope = 'kubernetes';
  if (vmm.type === 'OpenShift') {
    mode = 'openshift';
    scope = 'openshift';
  } else if (atLeast(config.aci_config.apic_version, '5.1') && vmm.injected_cluster_provider === 'Rancher') {
    mode = 'rancher';
  }
  const children = [
    mo('vmmCtrlrP', { name: vmm.domain, mode, scope, hostOrIp: String(config.kube_config.controller) }),
    mo('vmmRsDomMcastAddrNs', { tDn: mcastPoolDn(vmm.mcast_pool) }),
  ];
  if (vmm.encap_type === 'vlan') children.push(mo('infraRsVlanNs', { tDn: clusterDynamicPoolDn(config) }));
  const provider = t.context(t.context('', 'polUni'), 'vmmProvP', { vendor: vmm.type });
  t.add(
    provider,
    mo(
      'vmmDomP',
      {
        name: vmm.domain,
        mode,
        enfPref: 'sw',
        encapMode: vmm.encap_type,
        prefEncapMode: vmm.encap_type,
        mcastAddr: vmm.mcast_fabric,
      },
      children,
      { owner: 'cluster', post: POST_SELF },
    ),
  );
}

export function addPhysicalDomain(t: TreeBuilder, config: Config): void {
  const name = config.aci_config.physical_domain.domain;
  t.add(
    t.context('', 'polUni'),
    mo('physDomP', { dn: physDomainDn(name), name }, [mo('infraRsVlanNs', { tDn: clusterStaticPoolDn(config) })], {
      owner: 'cluster',
      post: POST_SELF,
    }),
  );
}

/**
 * The AEP (the user's, shared): bindings to both domains, the infra VLAN's
 * access to the fabric (`provacc`), and the kube-api VLAN into the nodes EPG.
 * Only the bindings belong to the cluster.
 */
export function addAepBindings(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const net = config.net_config;
  const infra = t.context(t.context('', 'polUni'), 'infraInfra');
  const owned = { owner: 'cluster' as const, removeByDn: true };
  // The Python tool names the nodes EPG here from the naming convention, not from app_profile.
  const nodesEpg = a.use_legacy_kube_naming_convention
    ? epgDn(a.cluster_tenant, 'kubernetes', 'kube-nodes')
    : epgDn(a.cluster_tenant, `aci-containers-${a.system_id}`, 'aci-containers-nodes');
  const aep = t.add(
    infra,
    mo(
      'infraAttEntityP',
      { name: String(a.aep) },
      [
        mo('infraRsDomP', { tDn: clusterVmmDomainDn(config) }, [], owned),
        mo('infraRsDomP', { tDn: clusterPhysDomainDn(config) }, [], owned),
        mo('infraProvAcc', { name: 'provacc' }, [
          mo('infraRsFuncToEpg', { encap: vlan(net.infra_vlan), mode: 'regular', tDn: 'uni/tn-infra/ap-access/epg-default' }),
          mo('dhcpInfraProvP', { mode: 'controller' }),
        ]),
        ...(usesKubeapiVlan(config)
          ? [
              mo('infraGeneric', { name: 'default' }, [
                mo('infraRsFuncToEpg', { tDn: nodesEpg, encap: vlan(net.kubeapi_vlan), mode: String(net.kubeapi_vlan_mode) }, [], owned),
              ]),
            ]
          : []),
      ],
      { owner: 'shared', post: POST_TO_PARENT },
    ),
  );
  // Without the kubeapi VLAN the binding is not made, yet the Python tool removes it.
  if (!usesKubeapiVlan(config)) {
    t.alsoRemove(childDn(aep.dn, formatRn('infraGeneric', { name: 'default' })), 'infraRsFuncToEpg', { tDn: nodesEpg });
  }
}

/** Fabric-wide OpFlex client settings; the leaf-scoped names exist from APIC 5.2(3). */
export function addOpflexSettings(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const leaf = atLeast(a.apic_version, '5.2.3');
  const yesno = (b: boolean) => (b ? 'yes' : 'no');
  const infra = t.context(t.context('', 'polUni'), 'infraInfra');
  t.add(
    infra,
    mo(
      'infraSetPol',
      {
        [leaf ? 'leafOpflexpAuthenticateClients' : 'opflexpAuthenticateClients']: yesno(a.client_cert),
        [leaf ? 'leafOpflexpUseSsl' : 'opflexpUseSsl']: yesno(a.client_ssl),
      },
      [],
      { owner: 'shared', post: POST_TO_PARENT },
    ),
  );
}

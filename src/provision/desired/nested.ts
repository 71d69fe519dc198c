// A Kubernetes cluster whose nodes are VMware VMs ("nested inside" a VMware
// VMM domain): the port group carrying the infra, service and kube-api VLANs
// (and the VLAN range for VLAN encapsulation), optionally on an enhanced LAG;
// and, with a second kube-api port group, the kube-api VLAN added to the
// VMware domain's pool and the nodes EPG bound to the VMware domain.
import { enhancedLagPolicyDn, epgDn, vmmDomainDn } from '../../aci/dns.js';
import type { Config } from '../../config/types.js';
import { REQUEST_LAYOUT } from './layout.js';
import { mo, POST_SELF, TreeBuilder, type Spec } from './tree.js';
import { resolveDn } from '../../aci/dn.js';
import { ACI_PREFIX } from './names.js';

function nestedType(config: Config): string | undefined {
  const t = config.aci_config.vmm_domain.nested_inside?.type;
  if (!t) return undefined;
  return t.toLowerCase() === 'vmware' ? 'VMware' : t;
}

export function addNestedPortGroup(t: TreeBuilder, config: Config): void {
  if (nestedType(config) !== 'VMware') return;
  const vmm = config.aci_config.vmm_domain;
  const nested = vmm.nested_inside;
  const net = config.net_config;
  const portgroup = String(nested.portgroup ?? config.aci_config.system_id);
  const vlan = (n: number | null) => `vlan-${n}`;
  const blocks: Spec[] = [net.infra_vlan, net.service_vlan, net.kubeapi_vlan].map((v) =>
    mo('fvnsEncapBlk', { from: vlan(v), to: vlan(v) }),
  );
  if (vmm.encap_type === 'vlan') {
    blocks.push(mo('fvnsEncapBlk', { from: vlan(vmm.vlan_range.start), to: vlan(vmm.vlan_range.end) }));
  }
  if (nested.elag_name) {
    blocks.push(
      mo('vmmRsUsrCustomAggrLagPolAtt', {
        status: '',
        tDn: enhancedLagPolicyDn(String(nested.name), String(nested.elag_name)),
      }),
    );
  }
  const uni = t.context('', 'polUni');
  const dom = t.context(t.context(uni, 'vmmProvP', { vendor: 'VMware' }), 'vmmDomP', { name: String(nested.name) });
  t.add(
    dom,
    mo('vmmUsrCustomAggr', { name: portgroup, promMode: vmm.encap_type === 'vlan' ? 'Enabled' : 'Disabled' }, blocks, {
      owner: 'cluster',
      post: POST_SELF,
    }),
  );
}

/**
 * The second kube-api port group: the kube-api VLAN goes into the VMware
 * domain's own pool (the user's, named in nested_inside.vlan_pool), and the
 * nodes EPG is bound to the VMware domain with that VLAN.
 */
export function addSecondKubeApiPortGroup(t: TreeBuilder, config: Config): void {
  const net = config.net_config;
  if (nestedType(config) !== 'VMware' || !net.second_kubeapi_portgroup || !net.kubeapi_vlan) return;
  const a = config.aci_config;
  const nested = a.vmm_domain.nested_inside;
  const api = `vlan-${net.kubeapi_vlan}`;
  const poolDn = nested.vlan_pool ?? '';
  if (poolDn) {
    const rn = `from-[${api}]-to-[${api}]`;
    // The user's pool is shared; the block is ours. Sent as the APIC UI sends it (dn and rn in the body).
    // Without an APIC to ask for the VMware domain's pool, the configured value stands, DN or not.
    const pool = t.has(poolDn) ? poolDn : resolveDn(poolDn) ? t.contextPath(poolDn) : t.verbatimContext(poolDn, 'fvnsVlanInstP');
    t.add(
      pool,
      mo('fvnsEncapBlk', { dn: `${poolDn}/${rn}`, allocMode: 'static', from: api, to: api, rn }, [], {
        annotate: false,
        owner: 'cluster',
        emptyChildren: true,
        post: REQUEST_LAYOUT.nodeSelf,
      }),
    );
  }
  // Named as under the current naming convention whatever the cluster's, as the Python tool does.
  const nodesEpgDn = epgDn(a.cluster_tenant, `${ACI_PREFIX}${a.system_id}`, `${ACI_PREFIX}nodes`);
  if (!t.has(nodesEpgDn)) t.contextPath(nodesEpgDn);
  const children: Spec[] = [];
  if (nested.elag_name) {
    children.push(
      mo('fvAEPgLagPolAtt', { annotation: '', userdom: ':all:' }, [
        mo('fvRsVmmVSwitchEnhancedLagPol', {
          tDn: enhancedLagPolicyDn(String(nested.name), String(nested.elag_name)),
          userdom: ':all:',
        }),
      ]),
    );
  }
  t.add(
    nodesEpgDn,
    mo(
      'fvRsDomAtt',
      {
        resImedcy: 'immediate',
        tDn: vmmDomainDn('VMware', String(nested.name)),
        instrImedcy: 'immediate',
        customEpgName: `${a.system_id}_vlan_${net.kubeapi_vlan}`,
        encap: api,
      },
      children,
      { emptyChildren: true, post: REQUEST_LAYOUT.nodeToParent },
    ),
  );
}

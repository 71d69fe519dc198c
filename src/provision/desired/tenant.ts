// The cluster's tenant: the application profile with the default, system,
// nodes and istio EPGs (plus the user's custom EPGs), the node and pod bridge
// domains with their subnets, and the filters and contracts between them.
import { tenantDn } from '../../aci/dns.js';
import type { Config } from '../../config/types.js';
import { mo, POST_SELF, TreeBuilder, type Spec } from './tree.js';
import { tenantNames, type TenantNames } from './names.js';
import { clusterPhysDomainDn, clusterVmmDomainDn } from './fabric-access.js';
import { usesKubeapiVlan } from './flavor-options.js';
import { l3outContractName } from './l3out.js';

const cons = (name: string) => mo('fvRsCons', { tnVzBrCPName: name });
const prov = (name: string) => mo('fvRsProv', { tnVzBrCPName: name });
const rsBd = (name: string) => mo('fvRsBd', { tnFvBDName: name });

const TCP_STATELESS = { stateful: 'no', tcpRules: '' };

function isV6(cidr: string): boolean {
  return (cidr.split('/')[0] ?? '').includes(':');
}

function asList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

function filter(name: string, entries: Array<Record<string, string>>): Spec {
  return mo(
    'vzFilter',
    { name },
    entries.map((e) => mo('vzEntry', e)),
  );
}

/** A contract with one subject matching any of its filters in both directions. */
function contract(name: string, subject: string, filterName: string): Spec {
  return mo('vzBrCP', { name }, [
    mo('vzSubj', { name: subject, consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
      mo('vzRsSubjFiltAtt', { tnVzFilterName: filterName }),
    ]),
  ]);
}

/** An EPG of the cluster's application profile, by its role. */
export type EpgRole = 'default' | 'system' | 'nodes' | 'istio';

/**
 * What a flavor family adds to the cluster's tenant (its own contracts and
 * the relations to them), each list after the tenant's own objects of the
 * kind and before the Prometheus contract every flavor gets.
 */
export interface TenantAdditions {
  /** Relations of each EPG; the custom EPGs, copies of the default EPG, get the default's. */
  epgs?: Partial<Record<EpgRole, Spec[]>>;
  /** Entries of the kube-api filter after its own. */
  apiFilterEntries?: Spec[];
  /** Entries of the DNS filter after its own. */
  dnsFilterEntries?: Spec[];
  /** Contracts and filters of the tenant. */
  children?: Spec[];
}

/**
 * What a flavor family adds to the tenant (RKE's ports and monitoring
 * contract, Docker UCP's ports): entries of the kube-api filter, children of
 * EPGs (by EPG name, before the prometheus contract relation) and tenant
 * children (before the prometheus filter and contract).
 */
export interface TenantExtras {
  apiFilterEntries?: Array<Record<string, string>>;
  epgChildren?: ReadonlyMap<string, Spec[]>;
  children?: Spec[];
}

interface Ctx {
  config: Config;
  n: TenantNames;
  vmmDomAtt: () => Spec;
  l3outAllowAll: string;
  /** Whether the tenant gets the IPv6 ND policy (and v6 subnets point to it). */
  v6Policy: boolean;
}

/** What the default EPG and each custom EPG hold (the same list: custom EPGs are copies of the default). */
function defaultEpgChildren(c: Ctx, extra: Spec[]): Spec[] {
  const { n, config } = c;
  const kc = config.kube_config;
  const out = [
    c.vmmDomAtt(),
    cons(`${n.contractPrefix}dns`),
    prov(`${n.contractPrefix}health-check`),
    cons(`${n.contractPrefix}icmp`),
    cons(`${n.contractPrefix}istio`),
    rsBd(n.podBd),
  ];
  if (kc.allow_kube_api_default_epg === true || kc.allow_pods_kube_api_access === true) {
    out.push(cons(`${n.apiContractPrefix}api`));
  }
  if (kc.allow_pods_external_access === true) out.push(cons(c.l3outAllowAll));
  return [...out, ...extra];
}

function subnet(ip: string, c: Ctx): Spec {
  const attrs: Record<string, string> = { ip };
  const children: Spec[] = [];
  if (c.config.kube_config.allow_pods_external_access === true) attrs.scope = 'public';
  if (isV6(ip)) {
    attrs.ctrl = 'nd';
    if (c.v6Policy) children.push(mo('fvRsNdPfxPol', { tnNdPfxPolName: `${c.n.ndPolicyPrefix}nd-ra-policy` }));
    // Without the policy the Python tool still sends an empty child list.
    return mo('fvSubnet', attrs, children, { emptyChildren: true });
  }
  return mo('fvSubnet', attrs, children);
}

function hubbleEnabled(config: Config): boolean {
  const cc = config.cilium_chaining as { enable?: unknown } | undefined;
  return Boolean(cc?.enable);
}

export function addClusterTenant(t: TreeBuilder, config: Config, add: TenantAdditions = {}, extras: TenantExtras = {}): void {
  const a = config.aci_config;
  const net = config.net_config;
  const n = tenantNames(config);
  const c: Ctx = {
    config,
    n,
    vmmDomAtt: () => mo('fvRsDomAtt', { tDn: clusterVmmDomainDn(config) }),
    l3outAllowAll: l3outContractName(config),
    v6Policy: false,
  };
  const cp = n.contractPrefix;
  const fp = n.filterPrefix;
  const nodeSubnets = asList(net.node_subnet);
  const podSubnets = asList(net.pod_subnet);
  // The ND policy follows the pod subnets only (the Python tool looks at the
  // last subnet list it reads); a v6 node subnet still gets ctrl=nd.
  const v6 = podSubnets.some(isV6);
  c.v6Policy = v6;
  const prometheus = `${cp}prometheus-opflex-agent`;
  const hubble = hubbleEnabled(config) ? `${cp}hubble-peer` : undefined;

  const extra = (role: EpgRole) => add.epgs?.[role] ?? [];
  const defaultChildren = () => defaultEpgChildren(c, [...extra('default'), cons(prometheus)]);
  const epgExtras = (name: string): Spec[] => extras.epgChildren?.get(name) ?? [];
  const systemEpg = mo('fvAEPg', { name: `${n.epgPrefix}system` }, [
    prov(`${cp}dns`),
    prov(`${cp}icmp`),
    prov(`${cp}health-check`),
    cons(`${cp}icmp`),
    cons(`${n.apiContractPrefix}api`),
    cons(c.l3outAllowAll),
    c.vmmDomAtt(),
    rsBd(n.podBd),
    ...extra('system'),
    ...epgExtras(`${n.epgPrefix}system`),
    cons(prometheus),
    ...(hubble ? [cons(hubble)] : []),
  ]);
  const nodesChildren: Spec[] = [
    prov(`${cp}dns`),
    prov(`${n.apiContractPrefix}api`),
    prov(`${cp}icmp`),
    cons(`${cp}health-check`),
    cons(c.l3outAllowAll),
    c.vmmDomAtt(),
    rsBd(n.nodeBd),
  ];
  if (!a.no_physdom_for_node_epg && usesKubeapiVlan(config)) {
    nodesChildren.push(mo('fvRsDomAtt', { encap: `vlan-${net.kubeapi_vlan}`, tDn: clusterPhysDomainDn(config) }));
  }
  nodesChildren.push(...extra('nodes'), ...epgExtras(n.nodesEpg), prov(prometheus));
  if (hubble) nodesChildren.push(prov(hubble));
  const istioEpg = mo('fvAEPg', { name: `${n.epgPrefix}istio` }, [
    prov(`${cp}istio`),
    cons(`${n.apiContractPrefix}api`),
    cons(`${cp}icmp`),
    prov(`${cp}health-check`),
    cons(`${cp}dns`),
    c.vmmDomAtt(),
    rsBd(n.podBd),
    ...extra('istio'),
    ...epgExtras(`${n.epgPrefix}istio`),
  ]);
  const customEpgs = (a.custom_epgs ?? []).map((name) => mo('fvAEPg', { name }, defaultChildren()));

  const app = mo('fvAp', { name: n.appProfile }, [
    mo(
      'fvAEPg',
      { name: `${n.epgPrefix}default` },
      defaultEpgChildren(c, [...extra('default'), ...epgExtras(`${n.epgPrefix}default`), cons(prometheus)]),
    ),
    systemEpg,
    mo('fvAEPg', { name: n.nodesEpg }, nodesChildren),
    istioEpg,
    ...customEpgs,
  ]);

  let nodeBdSubnets = nodeSubnets.map((s) => subnet(s, c));
  if (a.disable_node_subnet_creation) {
    // The Python tool removes subnets from the list it is iterating over, so it
    // drops the 1st, 3rd, ... and keeps the others; kept for identical results.
    nodeBdSubnets = nodeBdSubnets.filter((_, i) => i % 2 === 1);
  }
  const nodeBdChildren: Spec[] = [
    mo('fvRsCtx', { tnFvCtxName: String(a.vrf.name) }),
    mo('fvRsBDToOut', { tnL3extOutName: String(a.l3out.name) }),
    ...nodeBdSubnets,
  ];
  const dhcpRelayLabel = a.dhcp_relay_label;
  if (typeof dhcpRelayLabel === 'string' && dhcpRelayLabel !== '') {
    nodeBdChildren.push(mo('dhcpLbl', { name: dhcpRelayLabel, owner: 'infra' }));
  }
  const podBdChildren: Spec[] = [mo('fvRsCtx', { tnFvCtxName: String(a.vrf.name) })];
  // The pod BD reaches the L3Out only when pods may reach the outside directly.
  if (config.kube_config.allow_pods_external_access === true) {
    podBdChildren.push(mo('fvRsBDToOut', { tnL3extOutName: String(a.l3out.name) }));
  }
  podBdChildren.push(...podSubnets.map((s) => subnet(s, c)));

  const tcp = (name: string, ports: Record<string, string>) => ({ name, etherT: 'ip', prot: 'tcp', ...ports, ...TCP_STATELESS });
  const dport = (from: string, to = from) => ({ dFromPort: from, dToPort: to });
  const sport = (from: string, to = from) => ({ sFromPort: from, sToPort: to });

  const children: Spec[] = [
    app,
    mo('fvBD', { name: n.nodeBd, arpFlood: 'yes' }, nodeBdChildren),
    mo('fvBD', { name: n.podBd }, podBdChildren),
    filter(`${fp}icmp-filter`, [
      { name: 'icmp', etherT: 'ipv4', prot: 'icmp' },
      { name: 'icmp6', etherT: 'ipv6', prot: 'icmpv6' },
    ]),
    filter(`${fp}health-check-filter-in`, [{ name: 'health-check', etherT: 'ip', prot: 'tcp', stateful: 'no', tcpRules: '' }]),
    filter(`${fp}health-check-filter-out`, [{ name: 'health-check', etherT: 'ip', prot: 'tcp', stateful: 'no', tcpRules: 'est' }]),
    mo('vzFilter', { name: `${fp}dns-filter` }, [
      mo('vzEntry', { name: 'dns-udp', etherT: 'ip', prot: 'udp', dFromPort: 'dns', dToPort: 'dns' }),
      mo('vzEntry', tcp('dns-tcp', dport('dns'))),
      ...(add.dnsFilterEntries ?? []),
    ]),
    mo('vzFilter', { name: `${n.apiFilterPrefix}api-filter` }, [
      mo('vzEntry', tcp(`${n.entryPrefix}api`, dport('6443'))),
      mo('vzEntry', tcp(`${n.entryPrefix}api2`, dport('8443'))),
      ...(add.apiFilterEntries ?? []),
      ...(extras.apiFilterEntries ?? []).map((e) => mo('vzEntry', e)),
    ]),
    filter(`${fp}istio-filter`, [
      tcp('istio-9080', sport('9080')),
      tcp('istio-mixer-9090:91', dport('9090', '9091')),
      tcp('istio-prometheus-15090', sport('15090')),
      tcp('istio-pilot-15010:12', dport('15010', '15012')),
      tcp('istio-pilot2-15014', dport('15014')),
    ]),
    contract(`${n.apiContractPrefix}api`, `${n.subjPrefix}api-subj`, `${n.apiFilterPrefix}api-filter`),
    mo('vzBrCP', { name: `${cp}health-check` }, [
      mo('vzSubj', { name: 'health-check-subj', revFltPorts: 'yes', consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
        mo('vzOutTerm', { name: '' }, [mo('vzRsFiltAtt', { tnVzFilterName: `${fp}health-check-filter-out` })]),
        mo('vzInTerm', { name: '' }, [mo('vzRsFiltAtt', { tnVzFilterName: `${fp}health-check-filter-in` })]),
      ]),
    ]),
    contract(`${cp}dns`, 'dns-subj', `${fp}dns-filter`),
    contract(`${cp}icmp`, 'icmp-subj', `${fp}icmp-filter`),
    contract(`${cp}istio`, 'istio-subj', `${fp}istio-filter`),
    ...(extras.children ?? []),
  ];
  if (v6) {
    children.push(
      mo('ndPfxPol', {
        ctrl: 'on-link,router-address',
        lifetime: '2592000',
        name: `${n.ndPolicyPrefix}nd-ra-policy`,
        prefLifetime: '604800',
      }),
    );
  }
  children.push(...(add.children ?? []));
  children.push(
    filter(`${fp}prometheus-opflex-agent-filter`, [tcp('prometheus-opflex-agent', dport('9612'))]),
    contract(prometheus, 'prometheus-opflex-agent-subj', `${fp}prometheus-opflex-agent-filter`),
  );
  if (hubble) {
    children.push(
      filter(`${fp}hubble-peer-filter`, [tcp('hubble-peer', dport('4244'))]),
      contract(hubble, 'hubble-peer-subj', `${fp}hubble-peer-filter`),
    );
  }

  addTenantNode(t, n.tenant, a.use_pre_existing_tenant, children);
}

/**
 * The cluster's tenant holding `children`, all the cluster's. A pre-existing
 * tenant is the user's: never annotated nor removed; what the cluster puts in
 * it is removed object by object, when annotated as ours.
 */
export function addTenantNode(t: TreeBuilder, name: string, preExisting: boolean, children: Spec[]): void {
  for (const child of children) child.removeIfAnnotated = true;
  t.add(
    t.context('', 'polUni'),
    mo(
      'fvTenant',
      { name, dn: tenantDn(name) },
      children.map((ch) => ({ ...ch, owner: 'cluster' as const })),
      {
        annotate: !preExisting,
        owner: preExisting ? 'shared' : 'cluster',
        removeIfAnnotated: !preExisting,
        post: POST_SELF,
      },
    ),
  );
}

// The other clusters of a fabric. Every OpFlex cluster needs its own system
// id and VMM domain, every VMM domain its own multicast range, and two
// clusters cannot carry the same VLAN on the same AEP: the APIC accepts all
// of these and the clusters then break each other at run time. So before
// `-a` writes, it reads what the fabric holds and refuses, naming the other
// cluster.
import { parentDn } from '../aci/dn.js';
import { aepDn, l3outDn, tenantDn, vrfDn } from '../aci/dns.js';
import { findBelow, TENANT_PREREQUISITES_READ } from '../provision/prerequisites.js';
import type { ManagedObject } from '../aci/types.js';
import type { ApicClient } from '../apic/client.js';
import type { Config } from '../config/types.js';
import { parseIp } from '../config/ip.js';
import type { Problem } from '../errors.js';
import type { DesiredState } from '../provision/desired/types.js';
import { allObjects } from '../provision/desired/requests.js';
import { CLUSTER_ANNOTATION } from '../provision/desired/tree.js';

export type NeighbourReader = Pick<ApicClient, 'get' | 'getClass' | 'getMo'>;

/** What other clusters hold in the fabric's policies, with their children: read in one request. */
const HELD_CLASSES = ['vmmDomP', 'physDomP', 'fvnsVlanInstP', 'fvnsMcastAddrInstP'] as const;

/** What the fabric holds that other clusters may own: read in one round, judged once the cluster is built. */
export interface FabricNeighbours {
  vmmDomains: ManagedObject[];
  physDomains: ManagedObject[];
  vlanPools: ManagedObject[];
  mcastPools: ManagedObject[];
  /** The cluster's AEP with its subtree (domain bindings, `gen-default` EPG bindings); undefined: absent. */
  aep?: ManagedObject;
  /** Cluster registrations (APIC 5.0 and later): which tenant each VMM domain's cluster uses. */
  registrations: ManagedObject[];
  /** The VRF relation of the cluster's L3Out, when it has one. */
  l3outVrf?: ManagedObject;
}

const CONTAINER_PROVIDERS = /^uni\/vmmp-(Kubernetes|OpenShift)\//;

function dnOf(mo: ManagedObject): string {
  return mo.attributes['dn'] ?? '';
}

export async function readNeighbours(apic: NeighbourReader, probe: Config): Promise<FabricNeighbours> {
  const a = probe.aci_config;
  const [held, aep, registrations, vrfTenant] = await Promise.all([
    apic.get('/api/mo/uni.json', { 'query-target': 'subtree', 'target-subtree-class': HELD_CLASSES.join(','), 'rsp-subtree': 'children' }),
    apic.getMo(aepDn(String(a.aep)), { subtree: 'full' }),
    apic.getClass('vmmInjectedClusterInfo'),
    // Read as the prerequisite check reads it: one request for both.
    apic.getMo(tenantDn(String(a.vrf.tenant)), TENANT_PREREQUISITES_READ),
  ]);
  const l3outVrf = findBelow(vrfTenant, tenantDn(String(a.vrf.tenant)), l3outDn(String(a.vrf.tenant), String(a.l3out.name)))?.children.find(
    (c) => c.className === 'l3extRsEctx',
  );
  const of = (className: (typeof HELD_CLASSES)[number]): ManagedObject[] => held.filter((m) => m.className === className);
  return {
    vmmDomains: of('vmmDomP'),
    physDomains: of('physDomP'),
    vlanPools: of('fvnsVlanInstP'),
    mcastPools: of('fvnsMcastAddrInstP'),
    ...(aep ? { aep } : {}),
    registrations,
    ...(l3outVrf ? { l3outVrf } : {}),
  };
}

interface Range {
  from: number;
  to: number;
}

const vlanNumber = (encap: string | undefined): number | undefined => {
  const m = encap ? /^vlan-(\d+)$/.exec(encap) : null;
  return m ? Number(m[1]) : undefined;
};

const ipv4Number = (text: string | undefined): number | undefined => {
  const ip = text ? parseIp(text) : undefined;
  return ip?.version === 4 ? Number(ip.value) : undefined;
};

function blocks(pool: ManagedObject | undefined, parse: (v: string | undefined) => number | undefined): Range[] {
  const out: Range[] = [];
  for (const b of pool?.children ?? []) {
    const from = parse(b.attributes['from']);
    const to = parse(b.attributes['to']);
    if (from !== undefined && to !== undefined) out.push({ from, to });
  }
  return out;
}

const overlap = (x: Range, y: Range): boolean => x.from <= y.to && y.from <= x.to;

/** The name a registration or domain gives the cluster: its VMM domain's name (the system id by default). */
function domainName(dn: string): string {
  return /\/dom-([^/]+)$/.exec(dn)?.[1] ?? dn;
}

interface Ours {
  dns: Set<string>;
  mcastPool?: string;
}

/** The cluster's own domains, pools and EPGs, by DN. */
function ours(state: DesiredState): Ours {
  const kinds = new Set(['vmmDomP', 'physDomP', 'fvnsVlanInstP', 'fvnsMcastAddrInstP', 'fvAEPg']);
  const mine = allObjects(state).filter((m) => kinds.has(m.className) && m.owner === 'cluster');
  const mcast = mine.find((m) => m.className === 'fvnsMcastAddrInstP');
  return { dns: new Set(mine.map((m) => m.dn)), ...(mcast ? { mcastPool: mcast.dn } : {}) };
}

export interface NeighbourFindings {
  problems: Problem[];
  warnings: string[];
}

/** Judges the fabric's other clusters against this one: conflicts are problems, doubtful setups warnings. */
export function neighbourFindings(config: Config, state: DesiredState, n: FabricNeighbours): NeighbourFindings {
  const a = config.aci_config;
  const net = config.net_config;
  const own = ours(state);
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const isOwn = (dn: string): boolean => own.dns.has(dn);
  const annotated = (mo: ManagedObject): boolean => mo.attributes['annotation'] === CLUSTER_ANNOTATION;

  // Which cluster (VMM domain) uses a tenant, from the registrations.
  const clusterOfTenant = new Map<string, string>();
  const tenantOfDomain = new Map<string, string>();
  for (const r of n.registrations) {
    const tenant = r.attributes['accountName'];
    const dom = r.attributes['name'] ?? domainName(parentDn(parentDn(dnOf(r)) ?? '') ?? '');
    if (tenant) {
      clusterOfTenant.set(tenant, dom);
      tenantOfDomain.set(dom, tenant);
    }
  }
  const clusterDomains = n.vmmDomains.filter((d) => CONTAINER_PROVIDERS.test(dnOf(d)));
  const poolOf = (domain: ManagedObject, cls: string): string | undefined =>
    domain.children.find((c) => c.className === cls)?.attributes['tDn'];

  // 1. The system id (VMM domain) of another cluster.
  const vmmDomain = a.vmm_domain;
  const myDomain = clusterDomains.find((d) => isOwn(dnOf(d)));
  if (myDomain) {
    const registered = tenantOfDomain.get(vmmDomain.domain);
    const mcastRel = poolOf(myDomain, 'vmmRsDomMcastAddrNs');
    const myMcastPool = own.mcastPool;
    const other =
      registered !== undefined && registered !== a.cluster_tenant
        ? `it is registered to the cluster of tenant ${registered}`
        : mcastRel && myMcastPool && mcastRel !== myMcastPool
          ? `it uses the multicast pool ${mcastRel}, not this cluster's ${myMcastPool}`
          : undefined;
    if (other) {
      problems.push({
        field: 'aci_config.system_id',
        value: a.system_id,
        rule: `another cluster already uses the VMM domain ${dnOf(myDomain)} (${other}): give this cluster its own system_id`,
      });
    }
  }

  // 2. Multicast ranges: each VMM domain needs its own.
  const myRange: Range | undefined = (() => {
    const from = ipv4Number(vmmDomain.mcast_range.start);
    const to = ipv4Number(vmmDomain.mcast_range.end);
    return from !== undefined && to !== undefined ? { from, to } : undefined;
  })();
  if (myRange) {
    for (const pool of n.mcastPools) {
      const dn = dnOf(pool);
      if (isOwn(dn)) continue;
      const hit = blocks(pool, ipv4Number).find((b) => overlap(b, myRange));
      if (!hit) continue;
      const users = clusterDomains.filter((d) => poolOf(d, 'vmmRsDomMcastAddrNs') === dn).map((d) => domainName(dnOf(d)));
      const who = users.length > 0 ? `cluster ${users.join(', ')}` : 'another VMM domain';
      const block = pool.children.find((b) => ipv4Number(b.attributes['from']) === hit.from);
      problems.push({
        field: 'aci_config.vmm_domain.mcast_range',
        value: `${vmmDomain.mcast_range.start}-${vmmDomain.mcast_range.end}`,
        rule: `overlaps ${block?.attributes['from']}-${block?.attributes['to']} of the multicast pool ${dn} used by ${who}: every VMM domain needs its own multicast range`,
      });
    }
  }

  // 3. VLANs on the cluster's AEP: the other clusters' domains bound to it, and its gen-default EPG bindings.
  const myVlans: Array<{ field: string; vlan: Range }> = [];
  if (!a.no_physdom_for_node_epg && typeof net.kubeapi_vlan === 'number') {
    myVlans.push({ field: 'net_config.kubeapi_vlan', vlan: { from: net.kubeapi_vlan, to: net.kubeapi_vlan } });
  }
  if (typeof net.service_vlan === 'number')
    myVlans.push({ field: 'net_config.service_vlan', vlan: { from: net.service_vlan, to: net.service_vlan } });
  if (vmmDomain.encap_type === 'vlan' && typeof vmmDomain.vlan_range.start === 'number' && typeof vmmDomain.vlan_range.end === 'number') {
    myVlans.push({ field: 'aci_config.vmm_domain.vlan_range', vlan: { from: vmmDomain.vlan_range.start, to: vmmDomain.vlan_range.end } });
  }
  const reported = new Set<string>();
  const report = (field: string, vlan: Range, why: string): void => {
    const key = `${field}\u0000${why}`;
    if (reported.has(key)) return;
    reported.add(key);
    const value = vlan.from === vlan.to ? vlan.from : `${vlan.from}-${vlan.to}`;
    problems.push({ field, value, rule: `${why}: two clusters cannot carry the same VLAN on one AEP` });
  };
  if (n.aep) {
    const domainsByDn = new Map([...n.vmmDomains, ...n.physDomains].map((d) => [dnOf(d), d]));
    const poolsByDn = new Map(n.vlanPools.map((p) => [dnOf(p), p]));
    for (const rel of n.aep.children.filter((c) => c.className === 'infraRsDomP')) {
      const domDn = rel.attributes['tDn'] ?? '';
      const domain = domainsByDn.get(domDn);
      if (!domain || isOwn(domDn)) continue;
      // Only other clusters' domains: the user's own (VMware, routed) pools are theirs to plan.
      const isCluster = CONTAINER_PROVIDERS.test(domDn) || annotated(domain);
      if (!isCluster) continue;
      const poolDn = poolOf(domain, 'infraRsVlanNs');
      if (!poolDn || isOwn(poolDn)) continue;
      for (const b of blocks(poolsByDn.get(poolDn), vlanNumber)) {
        for (const mine of myVlans) {
          if (overlap(b, mine.vlan))
            report(mine.field, mine.vlan, `already in the VLAN pool ${poolDn} of ${domDn}, bound to the AEP ${a.aep} too`);
        }
      }
    }
    const generic = n.aep.children.find((c) => c.className === 'infraGeneric');
    for (const rel of generic?.children.filter((c) => c.className === 'infraRsFuncToEpg') ?? []) {
      const epg = rel.attributes['tDn'] ?? '';
      const vlan = vlanNumber(rel.attributes['encap']);
      if (vlan === undefined || isOwn(epg)) continue;
      const tenant = /^uni\/tn-([^/]+)\//.exec(epg)?.[1];
      const cluster = tenant ? clusterOfTenant.get(tenant) : undefined;
      for (const mine of myVlans) {
        if (overlap({ from: vlan, to: vlan }, mine.vlan)) {
          report(mine.field, mine.vlan, `the AEP ${a.aep} already carries VLAN ${vlan} to ${epg}${cluster ? ` (cluster ${cluster})` : ''}`);
        }
      }
    }
  }

  // 4. The L3Out should route the cluster's VRF.
  const clusterVrfDn = a.vrf.dn || vrfDn(String(a.vrf.tenant), String(a.vrf.name));
  // The APIC resolves tnFvCtxName (in the L3Out's tenant, else common) into tDn; apic-sim may report only the name.
  const rel = n.l3outVrf?.attributes;
  const actual = rel?.['tDn'] || undefined;
  const other = actual !== undefined ? actual !== clusterVrfDn : rel?.['tnFvCtxName'] ? rel['tnFvCtxName'] !== a.vrf.name : false;
  if (other) {
    warnings.push(
      `aci_config.l3out.name: the L3Out ${a.l3out.name} is in the VRF ${actual ?? rel?.['tnFvCtxName']}, not the cluster's ${clusterVrfDn}: external services will not be reachable through it`,
    );
  }
  return { problems, warnings };
}

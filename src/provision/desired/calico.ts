// The Calico flavor's APIC objects: Calico peers with the fabric over BGP
// through a cluster L3Out with a floating SVI (one virtual interface per leaf
// of each rack), BGP peer, timer, best-path and prefix policies, route
// control for the cluster's subnets, two external EPGs (pods and nodes,
// services) reaching the user's L3Out through an allow-all contract, and the
// `calico` user (named after the L3Out) with its certificate.
import type { Config } from '../../config/types.js';
import { CLUSTER_ANNOTATION, mo, POST_SELF, POST_TO_PARENT, TreeBuilder } from './tree.js';
import type { DesiredState } from './types.js';
import { addControllerUser } from './user.js';

/**
 * What the fabric already holds that the cluster L3Out's node profile must
 * respect: leaves already in the node profile, and the router IDs leaves
 * already use in the user's L3Out (reused, so a leaf keeps one router ID).
 */
export interface CalicoFabricFacts {
  configuredNodes: string[];
  routerIds: Array<[nodeDn: string, routerId: string]>;
}

/**
 * The facts the Python tool assumes when it has no APIC to ask (its offline
 * stand-in: node-101 already in the node profile, node-102 with router ID
 * 2.2.2.2 in the user's L3Out). `--apic-dump` uses them, so offline dumps of
 * both tools compare equal; `-a` reads the real ones from the fabric.
 */
export const OFFLINE_CALICO_FACTS: CalicoFabricFacts = {
  configuredNodes: ['topology/pod-1/node-101'],
  routerIds: [['topology/pod-1/node-102', '2.2.2.2']],
};

interface Rack {
  id?: unknown;
  aci_pod_id?: unknown;
  leaf?: Array<{ id?: unknown; local_ip?: unknown }>;
}

interface ClusterL3out {
  name: string;
  aep: string;
  vrf?: { name?: string; tenant?: string };
  svi: {
    vlan_id: number;
    mtu: number;
    floating_ip: string;
    secondary_ip: string;
    node_profile_name: string;
    int_prof_name: string;
    external_network: string;
    external_network_svc: string;
  };
  bgp: { secret?: string; peering: { prefixes: number; remote_as_number: number } };
}

const first = (v: unknown): string => String(Array.isArray(v) ? v[0] : v);

/** Where the cluster L3Out lives: the VRF's tenant and VRF unless `cluster_l3out.vrf` names others (created then). */
export function clusterL3outVrf(config: Config): { tenant: string; name: string; createTenant: boolean; createVrf: boolean } {
  const a = config.aci_config;
  const own = (a.cluster_l3out as unknown as ClusterL3out).vrf;
  const out = { tenant: String(a.vrf.tenant), name: String(a.vrf.name), createTenant: false, createVrf: false };
  if (own) {
    if (own.tenant) {
      out.tenant = own.tenant;
      out.createTenant = true;
    }
    out.createVrf = true;
    out.name = own.name ? own.name : `${out.tenant}_vrf`;
  }
  return out;
}

export function buildCalicoState(config: Config, facts: CalicoFabricFacts): DesiredState {
  const t = new TreeBuilder();
  const a = config.aci_config;
  const net = config.net_config;
  const l3 = a.cluster_l3out as unknown as ClusterL3out;
  const name = l3.name;
  const sys = String(a.system_id);
  const where = clusterL3outVrf(config);
  const uni = t.context('', 'polUni');
  const infra = t.context(uni, 'infraInfra');
  const owned = { owner: 'cluster' as const, post: POST_SELF };

  const tenantDn = where.createTenant
    ? t.add(uni, mo('fvTenant', { name: where.tenant, dn: `uni/tn-${where.tenant}` }, [], owned)).dn
    : t.context(uni, 'fvTenant', { name: where.tenant });
  const vrfDn = where.createVrf
    ? t.add(tenantDn, mo('fvCtx', { name: where.name }, [], owned)).dn
    : t.context(tenantDn, 'fvCtx', { name: where.name });

  const l3domName = `${name}-L3-dom`;
  const poolName = `${name}-pool`;
  const physName = `${name}-phys-dom`;
  const poolDn = `uni/infra/vlanns-[${poolName}]-static`;
  const out = t.add(
    tenantDn,
    mo(
      'l3extOut',
      { name, enforceRtctrl: 'export,import' },
      [
        mo('l3extRsEctx', { tnFvCtxName: where.name }),
        mo('l3extRsL3DomAtt', { tDn: `uni/l3dom-${l3domName}` }),
        mo('l3extLNodeP', { name: l3.svi.node_profile_name }, [mo('l3extLIfP', { name: l3.svi.int_prof_name })]),
      ],
      owned,
    ),
  ).dn;
  t.add(uni, mo('l3extDomP', { dn: `uni/l3dom-${l3domName}`, name: l3domName }, [mo('infraRsVlanNs', { tDn: poolDn })], owned));
  const vlan = `vlan-${l3.svi.vlan_id}`;
  t.add(
    infra,
    mo(
      'fvnsVlanInstP',
      { name: poolName, allocMode: 'static' },
      [mo('fvnsEncapBlk', { allocMode: 'static', from: vlan, to: vlan })],
      owned,
    ),
  );
  t.add(uni, mo('physDomP', { dn: `uni/phys-${physName}`, name: physName }, [mo('infraRsVlanNs', { tDn: poolDn })], owned));
  // The AEP is the user's: only the two domain relations are the cluster's.
  const rel = { owner: 'cluster' as const };
  t.add(
    infra,
    mo(
      'infraAttEntityP',
      { name: l3.aep },
      [mo('infraRsDomP', { tDn: `uni/phys-${physName}` }, [], rel), mo('infraRsDomP', { tDn: `uni/l3dom-${l3domName}` }, [], rel)],
      { owner: 'shared', post: POST_TO_PARENT },
    ),
  );

  const nodeProfile = `${out}/lnodep-${l3.svi.node_profile_name}`;
  const lifp = `${nodeProfile}/lifp-${l3.svi.int_prof_name}`;
  const nodeSubnet = first(net.node_subnet);
  const racks = ((config.topology as unknown as { rack?: Rack[] }).rack ?? []).filter(Boolean);
  const leaves = racks.flatMap((r) => (r.leaf ?? []).map((l) => ({ pod: String(r.aci_pod_id), leaf: l })));
  const nodeDn = (pod: string, id: unknown) => `topology/pod-${pod}/node-${String(id)}`;
  const attach = (dn: string, rtrId: string) =>
    t.add(nodeProfile, mo('l3extRsNodeL3OutAtt', { rtrId, tDn: dn, rtrIdLoopBack: 'no' }, [], owned));
  const configured = new Set(facts.configuredNodes);
  for (const { pod, leaf } of leaves) {
    if (leaf.local_ip === undefined || leaf.id === undefined) continue;
    const node = nodeDn(pod, leaf.id);
    t.add(
      lifp,
      mo(
        'l3extVirtualLIfP',
        {
          dn: `${lifp}/vlifp-[${node}]-[${vlan}]`,
          addr: `${String(leaf.local_ip)}/${nodeSubnet.split('/').at(-1)}`,
          encap: vlan,
          nodeDn: node,
          ifInstT: 'ext-svi',
          autostate: 'enabled',
          encapScope: 'local',
          mtu: String(l3.svi.mtu),
        },
        [
          mo('l3extRsDynPathAtt', {
            tDn: `uni/phys-${physName}`,
            floatingAddr: l3.svi.floating_ip,
            forgedTransmit: 'Disabled',
            promMode: 'Disabled',
            macChange: 'Disabled',
          }),
          mo('l3extIp', { addr: l3.svi.secondary_ip }),
          // Without a secret the Python tool sends a null password; none is the same to the APIC.
          mo(
            'bgpPeerP',
            {
              addr: nodeSubnet,
              ctrl: 'as-override,dis-peer-as-check',
              ...(l3.bgp.secret !== undefined ? { password: String(l3.bgp.secret) } : {}),
            },
            [mo('bgpAsP', { asn: String(l3.bgp.peering.remote_as_number) }), mo('bgpRsPeerPfxPol', { tnBgpPeerPfxPolName: name })],
          ),
        ],
        owned,
      ),
    );
    if (facts.routerIds.length === 0 && !configured.has(node)) attach(node, `1.1.4.${String(leaf.id)}`);
  }
  if (facts.routerIds.length > 0) {
    // A leaf already in the user's L3Out keeps its router ID; the others get one.
    for (const [node, rtrId] of facts.routerIds) {
      attach(node, rtrId);
      configured.add(node);
    }
    for (const { pod, leaf } of leaves) if (!configured.has(nodeDn(pod, leaf.id))) attach(nodeDn(pod, leaf.id), `1.1.4.${String(leaf.id)}`);
  }

  addAllowAll(t, config, where, sys, l3);

  t.add(out, mo('bgpExtP', {}, [], owned));
  t.repost(out, { enforceRtctrl: 'export,import' });
  t.add(
    tenantDn,
    mo(
      'bgpCtxPol',
      { holdIntvl: '3', staleIntvl: '6', kaIntvl: '1', maxAsLimit: '1', name: `${name}-Timers`, grCtrl: 'helper' },
      [],
      owned,
    ),
  );
  t.add(tenantDn, mo('bgpBestPathCtrlPol', { name: `${name}-Relax-AS`, ctrl: 'asPathMultipathRelax' }, [], owned));
  t.add(
    nodeProfile,
    mo(
      'bgpProtP',
      { name: 'default' },
      [
        mo('bgpRsBgpNodeCtxPol', { tnBgpCtxPolName: `${name}-Timers` }),
        mo('bgpRsBestPathCtrlPol', { tnBgpBestPathCtrlPolName: `${name}-Relax-AS` }),
      ],
      owned,
    ),
  );
  t.add(tenantDn, mo('bgpCtxAfPol', { name, maxEcmpIbgp: '64', maxEcmp: '64' }, [], owned));
  for (const af of ['ipv4-ucast', 'ipv6-ucast']) {
    t.add(vrfDn, mo('fvRsCtxToBgpCtxAfPol', { tnBgpCtxAfPolName: name, af }, [], { ...owned, removeByDn: true }));
  }
  const dest = (ip: string) => mo('rtctrlMatchRtDest', { ip, aggregate: 'yes' });
  const advertiseSvc = net.advertise_cluster_svc_subnet === true;
  t.add(tenantDn, mo('rtctrlSubjP', { name: `${name}-export-match` }, [dest(first(net.pod_subnet))], owned));
  t.add(
    out,
    mo(
      'rtctrlProfile',
      { name: 'default-export' },
      [
        mo('rtctrlCtxP', { name: 'export_pod_subnet', order: '0', action: 'permit' }, [
          mo('rtctrlRsCtxPToSubjP', { tnRtctrlSubjPName: `${name}-export-match` }),
        ]),
      ],
      owned,
    ),
  );
  t.add(
    tenantDn,
    mo(
      'rtctrlSubjP',
      { name: `${name}-import-match` },
      [
        dest(first(net.pod_subnet)),
        dest(nodeSubnet),
        ...(advertiseSvc ? [dest(String(net.cluster_svc_subnet))] : []),
        dest(first(net.extern_dynamic)),
      ],
      owned,
    ),
  );
  t.add(
    out,
    mo(
      'rtctrlProfile',
      { name: 'default-import' },
      [
        mo('rtctrlCtxP', { name: 'import_cluster_subnets', order: '0', action: 'permit' }, [
          mo('rtctrlRsCtxPToSubjP', { tnRtctrlSubjPName: `${name}-import-match` }),
        ]),
      ],
      owned,
    ),
  );
  t.add(tenantDn, mo('bgpPeerPfxPol', { action: 'reject', maxPfx: String(l3.bgp.peering.prefixes), name }, [], owned));

  addUserL3outProviders(t, config, sys);
  addControllerUser(t, config);
  return { root: t.root, annotation: CLUSTER_ANNOTATION, controllerUser: config.aci_config.sync_login.username };
}

/**
 * The allow-all filter and contract in the user's VRF tenant, consumed by the
 * cluster L3Out's two external EPGs: a VRF-scoped contract when both L3Outs
 * share tenant and VRF; else a global one, exported to the cluster's tenant
 * as a contract interface when that tenant cannot see the VRF's (not common).
 */
function addAllowAll(t: TreeBuilder, config: Config, where: ReturnType<typeof clusterL3outVrf>, sys: string, l3: ClusterL3out): void {
  const a = config.aci_config;
  const net = config.net_config;
  const uni = t.context('', 'polUni');
  const owned = { owner: 'cluster' as const, post: POST_SELF };
  const extTenant = String(a.vrf.tenant);
  const extTenantDn = t.context(uni, 'fvTenant', { name: extTenant });
  const filterName = `${sys}-allow-all-filter`;
  const contract = `${sys}-l3out-allow-all`;
  const local = where.tenant === extTenant && where.name === String(a.vrf.name);
  const viaInterface = !local && where.tenant !== extTenant && where.name !== String(a.vrf.name) && extTenant !== 'common';
  t.add(extTenantDn, mo('vzFilter', { name: filterName }, [mo('vzEntry', { name: 'allow-all' })], { ...owned, removeByDn: true }));
  t.add(
    extTenantDn,
    mo(
      'vzBrCP',
      { name: contract, ...(local ? {} : { scope: 'global' }) },
      [
        mo('vzSubj', { name: 'allow-all-subj', consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
          mo('vzRsSubjFiltAtt', { tnVzFilterName: filterName }),
        ]),
      ],
      { ...owned, removeByDn: true },
    ),
  );
  const clusterTenantDn = t.context(uni, 'fvTenant', { name: where.tenant });
  const exported = `${contract}-export`;
  if (viaInterface) {
    t.add(
      clusterTenantDn,
      mo('vzCPIf', { name: exported }, [mo('vzRsIf', { intent: 'install', tDn: `uni/tn-${extTenant}/brc-${contract}` })], owned),
    );
  }
  const consume = viaInterface ? mo('fvRsConsIf', { tnVzCPIfName: exported }) : mo('fvRsCons', { tnVzBrCPName: contract });
  const scope = local
    ? 'export-rtctrl,import-rtctrl,import-security'
    : 'export-rtctrl,import-rtctrl,import-security,shared-security,shared-rtctrl';
  const subnet = (ip: string, aggregate: boolean) => mo('l3extSubnet', { ip, ...(aggregate ? { aggregate: 'shared-rtctrl' } : {}), scope });
  // The Python tool posts the external EPGs under the VRF's tenant when the
  // two L3Outs share it, under the cluster L3Out's tenant otherwise: the same tenant either way.
  const out = `uni/tn-${where.tenant}/out-${l3.name}`;
  t.add(out, mo('l3extInstP', { name: l3.svi.external_network_svc }, [consume, subnet(first(net.extern_dynamic), true)], owned));
  const intSubnets = [subnet(first(net.pod_subnet), true), subnet(first(net.node_subnet), !local)];
  if (!local || net.advertise_cluster_svc_subnet === true) intSubnets.push(subnet(String(net.cluster_svc_subnet), true));
  t.add(out, mo('l3extInstP', { name: l3.svi.external_network }, [{ ...consume }, ...intSubnets], owned));
}

/** Each external EPG of the user's L3Out provides the allow-all contract. */
function addUserL3outProviders(t: TreeBuilder, config: Config, sys: string): void {
  const a = config.aci_config;
  const tenantDn = t.context(t.context('', 'polUni'), 'fvTenant', { name: String(a.vrf.tenant) });
  const out = t.context(tenantDn, 'l3extOut', { name: String(a.l3out.name) });
  for (const net of a.l3out.external_networks ?? []) {
    const instP = t.context(out, 'l3extInstP', { name: net });
    t.add(
      instP,
      mo('fvRsProv', { matchT: 'AtleastOne', tnVzBrCPName: `${sys}-l3out-allow-all` }, [], {
        owner: 'cluster',
        removeByDn: true,
        post: POST_TO_PARENT,
      }),
    );
  }
}

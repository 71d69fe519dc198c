// What the Calico flavor reads from the fabric before it writes: the BGP
// route reflector AS (`uni/fabric/bgpInstP-default/as`), which the nodes'
// `cluster_l3out.bgp.peering.aci_as_number` must equal, and the leaves the
// cluster L3Out and the user's L3Out already hold (a leaf keeps its router ID).
// Called from fabric discovery: the AS check when `-a` provisions a Calico
// cluster, the leaves on every APIC run of one.
import type { Config } from '../config/types.js';
import type { Problem } from '../errors.js';
import type { CalicoFabricFacts } from '../provision/desired/calico.js';
import { clusterL3outVrf } from '../provision/desired/calico.js';
import { CLUSTER_ANNOTATION } from '../provision/desired/tree.js';
import type { ApicReader } from './discovery.js';
import { moPath } from './path.js';

export const FABRIC_AS_DN = 'uni/fabric/bgpInstP-default/as';

/** The fabric's BGP route reflector AS, or undefined when none is set. */
export async function readFabricAsn(apic: ApicReader): Promise<string | undefined> {
  const [as] = await apic.get(moPath(FABRIC_AS_DN));
  const asn = as?.attributes['asn'];
  return asn === undefined || asn === '' ? undefined : asn;
}

/** The problem when the file's AS differs from the fabric's (none when they agree). */
export function checkCalicoAsn(config: Config, fabricAsn: string | undefined): Problem | undefined {
  const field = 'aci_config.cluster_l3out.bgp.peering.aci_as_number';
  const peering = (config.aci_config.cluster_l3out as { bgp?: { peering?: { aci_as_number?: unknown } } }).bgp?.peering;
  const fileAsn = peering?.aci_as_number;
  if (String(fileAsn) === fabricAsn) return undefined;
  return {
    field,
    value: fileAsn,
    rule:
      fabricAsn === undefined
        ? `the fabric has no BGP route reflector AS (${FABRIC_AS_DN}): set one on the APIC, equal to this`
        : `must equal the fabric's BGP route reflector AS ${fabricAsn}`,
  };
}

const children = (cls: string) => ({ 'query-target': 'children', 'target-subtree-class': cls });

/**
 * The leaves already attached to the cluster L3Out's node profile by someone
 * else, and the router IDs of the leaves of the user's L3Out (its first node
 * profile, as the Python tool reads it).
 *
 * An attachment carrying the cluster annotation is one acc-provision made for
 * this cluster L3Out (its name is the cluster's): it is not "already there".
 * The Python tool counts it as configured and skips it on a re-run, which
 * leaves the fabric as it is; counted so here, the tree built after `-a` would
 * lack the attachments `-a` made, and verify, plan and a second `-a` would
 * take them for stale objects. Left out, every run builds the same tree.
 */
export async function readCalicoFabricFacts(apic: ApicReader, config: Config): Promise<CalicoFabricFacts> {
  const a = config.aci_config;
  const l3 = a.cluster_l3out as { name?: string; svi?: { node_profile_name?: string } };
  const where = clusterL3outVrf(config);
  const clusterProfile = `uni/tn-${where.tenant}/out-${String(l3.name)}/lnodep-${String(l3.svi?.node_profile_name)}`;
  const attached = await apic.get(moPath(clusterProfile), children('l3extRsNodeL3OutAtt'));
  const userOut = `uni/tn-${String(a.vrf.tenant)}/out-${String(a.l3out.name)}`;
  const [profile] = await apic.get(moPath(userOut), children('l3extLNodeP'));
  const routerIds: Array<[string, string]> = [];
  if (profile?.attributes['name']) {
    const dn = `${userOut}/lnodep-${profile.attributes['name']}`;
    for (const n of await apic.get(moPath(dn), children('l3extRsNodeL3OutAtt'))) {
      const tDn = n.attributes['tDn'];
      const rtrId = n.attributes['rtrId'];
      if (tDn && rtrId) routerIds.push([tDn, rtrId]);
    }
  }
  return {
    configuredNodes: attached
      .filter((n) => n.attributes['annotation'] !== CLUSTER_ANNOTATION)
      .map((n) => n.attributes['tDn'])
      .filter((x): x is string => !!x),
    routerIds,
  };
}

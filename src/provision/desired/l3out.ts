// The cluster's access to the outside through the user's L3Out: an allow-all
// filter and contract in the VRF's tenant, provided by each external EPG.
// The tenant, the L3Out and its external EPGs are the user's; the filter,
// the contract and the relations are the cluster's, removed one by one.
import type { Config } from '../../config/types.js';
import { REQUEST_LAYOUT } from './layout.js';
import { mo, TreeBuilder } from './tree.js';

export function l3outContractName(config: Config): string {
  return `${config.aci_config.system_id}-l3out-allow-all`;
}

export function addL3outContract(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const sys = String(a.system_id);
  const tenant = String(a.vrf.tenant);
  // The VRF's tenant is the user's (or the cluster's, which the tenant builder
  // describes): here it only wraps the request (REQUEST_LAYOUT.l3outContract).
  const tenantDn = t.context(t.context('', 'polUni'), 'fvTenant', { name: tenant });
  const owned = { owner: 'cluster' as const, removeByDn: true, post: REQUEST_LAYOUT.l3outContract };
  t.add(tenantDn, mo('vzFilter', { name: `${sys}-allow-all-filter` }, [mo('vzEntry', { name: 'allow-all' })], owned));
  t.add(
    tenantDn,
    mo(
      'vzBrCP',
      { name: l3outContractName(config) },
      [
        mo('vzSubj', { name: 'allow-all-subj', consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
          mo('vzRsSubjFiltAtt', { tnVzFilterName: `${sys}-allow-all-filter` }),
        ]),
      ],
      owned,
    ),
  );
}

/** Each external EPG of the L3Out provides the allow-all contract. */
export function addExternalEpgContracts(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  const tenantDn = t.context(t.context('', 'polUni'), 'fvTenant', { name: String(a.vrf.tenant) });
  const out = t.context(tenantDn, 'l3extOut', { name: String(a.l3out.name) });
  for (const net of a.l3out.external_networks ?? []) {
    const instP = t.context(out, 'l3extInstP', { name: net });
    t.add(
      instP,
      mo('fvRsProv', { matchT: 'AtleastOne', tnVzBrCPName: l3outContractName(config) }, [], {
        owner: 'cluster',
        removeByDn: true,
        post: REQUEST_LAYOUT.toParent,
      }),
    );
  }
}

// What OpenShift adds to the cluster's tenant: the contracts its flavor lists
// (`aci_config.items`: service catalog, monitoring, metal3 provisioning), each
// with its filter of TCP ports, provided and consumed by the EPGs the item
// names; the kube-api contract provided by the system EPG (and by the
// default EPG when the flavor says so); the DNS contract consumed by the
// system and nodes EPGs; extra entries in the kube-api filter (etcd, http,
// https) and the DNS filter (mDNS, CoreDNS metrics); and, from OpenShift 4.8,
// the istio EPG's access to the outside.
import type { Config } from '../../../config/types.js';
import { l3outContractName } from '../l3out.js';
import type { TenantNames } from '../names.js';
import type { EpgRole, TenantAdditions } from '../tenant.js';
import { mo, type Spec } from '../tree.js';

type AciConfig = Config['aci_config'];
/** A contract a flavor adds (flavors.yaml `items`), its name already cluster-prefixed. */
type ContractItem = NonNullable<AciConfig['items']>[number];

/** OpenShift's items list their ports as [FROM, TO] pairs (the RKE family's are one pair). */
function portPairs(range: ContractItem['range']): (number | string)[][] {
  return (range as unknown[]).every((r) => Array.isArray(r)) ? (range as (number | string)[][]) : [range as number[]];
}

const ROLES: EpgRole[] = ['default', 'system', 'nodes'];

function entry(name: string, e: { etherT: string; prot: string; stateful: string }, from: unknown, to: unknown): Spec {
  return mo('vzEntry', {
    name,
    etherT: e.etherT,
    prot: e.prot,
    dFromPort: String(from),
    dToPort: String(to),
    stateful: String(e.stateful),
    tcpRules: '',
  });
}

/** OpenShift from 4.8 (the flavor's version; chained and VMM-lite flavors have none). */
export function openshiftAtLeast48(flavor: string): boolean {
  const m = /^openshift-(\d+)\.(\d+)/.exec(flavor);
  // The Python tool compares major and minor separately (4.8 and up, not 5.0).
  return !!m && Number(m[1]) >= 4 && Number(m[2]) >= 8;
}

export function openshiftTenantAdditions(config: Config, n: TenantNames): TenantAdditions {
  const a = config.aci_config;
  const items = a.items ?? [];
  const api = mo('fvRsProv', { tnVzBrCPName: `${n.apiContractPrefix}api` });
  const dns = mo('fvRsCons', { tnVzBrCPName: `${n.contractPrefix}dns` });
  const epgs: Record<EpgRole, Spec[]> = { default: [], system: [api, dns], nodes: [dns], istio: [] };
  if (a.kube_default_provide_kube_api) epgs.default.push(api);
  for (const item of items) {
    for (const role of ROLES) {
      // Items name the EPGs by role ("default", "system", "nodes").
      if (item.consumed?.includes(role)) epgs[role].push(mo('fvRsCons', { tnVzBrCPName: item.name }));
      if (item.provided?.includes(role)) epgs[role].push(mo('fvRsProv', { tnVzBrCPName: item.name }));
    }
  }
  if (openshiftAtLeast48(config.flavor)) epgs.istio.push(mo('fvRsCons', { tnVzBrCPName: l3outContractName(config) }));

  const contracts = items.map((item) =>
    mo('vzBrCP', { name: item.name }, [
      mo('vzSubj', { name: `${item.name}-subj`, consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
        mo('vzRsSubjFiltAtt', { tnVzFilterName: `${item.name}-filter` }),
      ]),
    ]),
  );
  const filters = items.map((item) =>
    mo(
      'vzFilter',
      { name: `${item.name}-filter` },
      portPairs(item.range).map(([from, to]) => entry(`${item.name}-${from}`, item, from, to)),
    ),
  );
  return {
    epgs,
    apiFilterEntries: (a.kube_api_entries ?? []).map((e) => entry(`openshift-${e.name}`, e, e.range[0], e.range[1])),
    dnsFilterEntries: (a.dns_entries ?? []).map((e) => entry(e.name, e, e.range[0], e.range[1])),
    children: [...contracts, ...filters],
  };
}

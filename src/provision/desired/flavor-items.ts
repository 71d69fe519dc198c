// What the RKE, RKE2 and Docker UCP flavors add to the cluster's tenant: the
// ports of `aci_config.items` opened by the kube-api filter, and (Rancher)
// the contracts and filters of `rke_config` between the cluster's EPGs.
import type { Config } from '../../config/types.js';
import { ACI_PREFIX } from './names.js';
import type { TenantExtras } from './tenant.js';
import { mo, type Spec } from './tree.js';

/** A port range as flavors write it (`range: [from, to]`): an item of `aci_config.items` or of an `rke_config` filter. */
type PortItem = Pick<NonNullable<Config['aci_config']['items']>[number], 'name' | 'etherT' | 'prot' | 'stateful' | 'range'>;

function entry(p: PortItem): Record<string, string> {
  return {
    name: p.name,
    etherT: p.etherT,
    prot: p.prot,
    dFromPort: String(p.range[0]),
    dToPort: String(p.range[1]),
    stateful: String(p.stateful),
    tcpRules: '',
  };
}

function portItems(config: Config): PortItem[] {
  return (config.aci_config.items ?? []).filter((p) => p !== null && typeof p === 'object');
}

/** Docker UCP: its ports in the kube-api filter. */
export function dockerUcpTenantExtras(config: Config): TenantExtras {
  return { apiFilterEntries: portItems(config).map(entry) };
}

/**
 * RKE and RKE2: their ports in the kube-api filter, and each `rke_config`
 * contract (named with the cluster's prefix whatever the naming convention)
 * provided and consumed by the EPGs it names.
 */
export function rancherTenantExtras(config: Config): TenantExtras {
  const prefix = `${ACI_PREFIX}${config.aci_config.system_id}-`;
  const rke = config.rke_config;
  const epgChildren = new Map<string, Spec[]>();
  const children: Spec[] = [];
  const relate = (epg: string, rel: Spec) => epgChildren.set(epg, [...(epgChildren.get(epg) ?? []), rel]);
  for (const c of rke?.contracts ?? []) {
    const name = prefix + c.name;
    children.push(
      mo('vzBrCP', { name }, [
        mo('vzSubj', { name: `${name}-subj`, consMatchT: 'AtleastOne', provMatchT: 'AtleastOne' }, [
          mo('vzRsSubjFiltAtt', { tnVzFilterName: prefix + c.filter }),
        ]),
      ]),
    );
    for (const epg of c.provided) relate(epg, mo('fvRsProv', { tnVzBrCPName: name }));
    for (const epg of c.consumed) relate(epg, mo('fvRsCons', { tnVzBrCPName: name }));
  }
  // The Python tool adds only the last filter of the list (its loop over
  // filters ends before the one over their ports): the same filter set here.
  const last = rke?.filters?.[rke.filters.length - 1];
  if (last) {
    children.push(
      mo(
        'vzFilter',
        { name: prefix + last.name },
        last.items.map((p) => mo('vzEntry', entry(p))),
      ),
    );
  }
  return { apiFilterEntries: portItems(config).map(entry), epgChildren, children };
}

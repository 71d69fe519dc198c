// Every configured value that becomes the name of an APIC object, checked
// against the APIC's naming rules before anything is sent: an APIC refuses a
// bad name only when the request carrying it arrives, after the requests
// before it were applied.
import { nameRule } from '../aci/names.js';
import type { Config } from './types.js';
import type { Problem } from '../errors.js';

interface NamedValue {
  field: string;
  value: unknown;
  className: string;
}

/** Values a user sets (or that default from the system id) that name APIC objects. */
function namedValues(config: Config): NamedValue[] {
  const a = config.aci_config;
  const user = (config.user_config as { aci_config?: { tenant?: { name?: unknown } } } | undefined)?.aci_config;
  const out: NamedValue[] = [
    // The tenant defaults to the system id, whose own rule is stricter and reported on its own.
    ...(user?.tenant?.name !== undefined ? [{ field: 'aci_config.tenant.name', value: a.cluster_tenant, className: 'fvTenant' }] : []),
    { field: 'aci_config.vrf.tenant', value: a.vrf.tenant, className: 'fvTenant' },
    { field: 'aci_config.vrf.name', value: a.vrf.name, className: 'fvCtx' },
    { field: 'aci_config.l3out.name', value: a.l3out.name, className: 'l3extOut' },
    { field: 'aci_config.aep', value: a.aep, className: 'infraAttEntityP' },
    { field: 'aci_config.sync_login.username', value: a.sync_login.username, className: 'aaaUser' },
    { field: 'aci_config.vmm_domain.domain', value: a.vmm_domain.domain, className: 'vmmDomP' },
    { field: 'aci_config.vmm_domain.vlan_pool', value: a.vmm_domain.vlan_pool, className: 'fvnsVlanInstP' },
    { field: 'aci_config.vmm_domain.mcast_pool', value: a.vmm_domain.mcast_pool, className: 'fvnsMcastAddrInstP' },
    { field: 'aci_config.physical_domain.domain', value: a.physical_domain.domain, className: 'physDomP' },
    { field: 'aci_config.physical_domain.vlan_pool', value: a.physical_domain.vlan_pool, className: 'fvnsVlanInstP' },
  ];
  (a.l3out.external_networks ?? []).forEach((n, i) =>
    out.push({ field: `aci_config.l3out.external_networks[${i}]`, value: n, className: 'l3extInstP' }),
  );
  (a.custom_epgs ?? []).forEach((n, i) => out.push({ field: `aci_config.custom_epgs[${i}]`, value: n, className: 'fvAEPg' }));
  const nested = a.vmm_domain.nested_inside;
  if (nested?.name) out.push({ field: 'aci_config.vmm_domain.nested_inside.name', value: nested.name, className: 'vmmDomP' });
  return out;
}

/** One problem per configured name the APIC would refuse. */
export function apicNameProblems(config: Config): Problem[] {
  const problems: Problem[] = [];
  for (const { field, value, className } of namedValues(config)) {
    if (value === undefined || value === null || value === '') continue;
    const rule = nameRule(className);
    if (!rule) continue;
    const text = String(value);
    if (!rule.pattern.test(text))
      problems.push({ field, value: text, rule: `must be ${rule.text} (it names the ${className} on the APIC)` });
  }
  return problems;
}

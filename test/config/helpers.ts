// Shared fixtures for the configuration tests: a minimal valid file and a
// loader that returns the problems instead of throwing.
import { InputError, type Problem } from '../../src/errors.js';
import { loadConfig, type LoadOptions, type LoadResult } from '../../src/config/load.js';

export const VALID = `aci_config:
  system_id: kube
  apic_hosts:
  - 10.30.120.100
  aep: kube-aep
  vrf:
    name: kube
    tenant: common
  l3out:
    name: l3out
    external_networks:
    - default
  vmm_domain:
    encap_type: vxlan
    mcast_range:
      start: 225.2.1.1
      end: 225.2.255.255
net_config:
  node_subnet: 10.1.0.1/16
  pod_subnet: 10.2.0.1/16
  extern_dynamic: 10.3.0.1/24
  extern_static: 10.4.0.1/24
  node_svc_subnet: 10.5.0.1/24
  kubeapi_vlan: 4001
  service_vlan: 4003
  infra_vlan: 4093
`;

export const OPTS: LoadOptions = { flavor: 'kubernetes-1.35', versionToken: 'dummy', fixedSyncPassword: true };

export function load(text: string, opts: Partial<LoadOptions> = {}): LoadResult {
  return loadConfig(text, 'cfg.yaml', { ...OPTS, ...opts });
}

/** The problems a text yields (empty when it loads). */
export function problemsOf(text: string, opts: Partial<LoadOptions> = {}): Problem[] {
  try {
    load(text, opts);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
}

/** VALID with one line replaced (the first line starting with `from`, indentation ignored). */
export function edit(from: string, to: string, text = VALID): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(from));
  if (i < 0) throw new Error(`no line ${from}`);
  const indent = /^\s*/.exec(lines[i])![0];
  lines.splice(i, 1, ...to.split('\n').map((l) => (l === '' ? l : indent + l)));
  return lines.join('\n');
}

export function fields(problems: Problem[]): string[] {
  return problems.map((p) => p.field);
}

/** A cluster of the chained CNI and VMM-lite flavors before its mode's section (test/config/cno, test/manifest/cno). */
export const CNO_BASE = `aci_config:
  system_id: kube
  apic_hosts: [10.30.120.100]
  aep: kube-aep
  secondary_aep: kube-aep-2
  vrf: {name: kube, tenant: common}
  l3out: {name: l3out, external_networks: [default]}
net_config:
  node_subnet: 10.1.0.1/16
  kubeapi_vlan: 4001
`;

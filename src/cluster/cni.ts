// The names the ACI CNI controller gives what it writes on the APIC, from
// the same configuration acc-provision renders into its config map: the
// prefix (`aci-prefix`: the tenant name when set, else the system id), the
// VMM inventory of its domain, and its L4-L7 objects in the VRF's tenant.
// The emulated controller writes under these names and verify looks for them.
import { createHash } from 'node:crypto';
import { dnOf } from '../aci/dns.js';
import type { Config } from '../config/types.js';

/** Namespaces of every running cluster with the ACI CNI: the controller reports each one. */
export const USUAL_NAMESPACES = ['aci-containers-system', 'default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

// The controller's limits on generated names (aci-containers pkg/util).
const NAME_MAX = 64;
const PREFIX_MAX = 31;

/** The controller's object name for a key: `prefix_type_key`, hashed when it would not fit in 64 characters. */
export function aciNameForKey(prefix: string, type: string, key: string): string {
  const plain = `${prefix}_${type}_${key.replaceAll('/', '_')}`;
  if (plain.length < NAME_MAX) return plain;
  const hash = createHash('sha256');
  let name: string;
  if (prefix.length + type.length + 1 > PREFIX_MAX) {
    if (prefix.length > PREFIX_MAX) hash.update(`${prefix}_`);
    name = prefix;
    hash.update(`${type}_`);
  } else {
    name = `${prefix}_${type}`;
  }
  hash.update(key);
  const digest = hash.digest('hex').slice(0, 32);
  return prefix.length > PREFIX_MAX ? digest : `${name}_${digest}`;
}

export interface CniNames {
  prefix: string;
  /** `Kubernetes` or `OpenShift`: the VMM provider of the inventory. */
  vendor: string;
  domain: string;
  controller: string;
  /** `comp/prov-V/ctrlr-[D]-C/injcont`. */
  injectedCont: string;
  /** Where the L4-L7 objects live: the VRF's tenant. */
  vrfTenant: string;
  /** `<prefix>_svc_global`: the one service graph template and device of the cluster. */
  graphName: string;
  graphDn: string;
  deviceDn: string;
  /** The service bridge domain the device's interfaces sit in. */
  serviceBdName: string;
  /** The name of a service's contract, filter, redirect policy and external EPG (`namespace/name`). */
  serviceName(key: string): string;
}

export function cniNames(config: Config): CniNames {
  const a = config.aci_config;
  // Hand-built configurations (tests, older callers) may lack the defaulted sections.
  const prefix = String(a.tenant?.name ?? a.system_id);
  const controller = a.vmm_domain.controller ?? a.vmm_domain.domain;
  const vendor = a.vmm_domain.type.toLowerCase() === 'openshift' ? 'OpenShift' : 'Kubernetes';
  const vrfTenant = String(a.vrf.tenant);
  const graphName = aciNameForKey(prefix, 'svc', 'global');
  const tenant = ['fvTenant', { name: vrfTenant }] as const;
  return {
    prefix,
    vendor,
    domain: a.vmm_domain.domain,
    controller,
    injectedCont: dnOf(
      ['compUni'],
      ['compProv', { name: vendor }],
      ['compCtrlr', { domName: a.vmm_domain.domain, name: controller }],
      ['vmmInjectedCont'],
    ),
    vrfTenant,
    graphName,
    graphDn: dnOf(['polUni'], tenant, ['vnsAbsGraph', { name: graphName }]),
    deviceDn: dnOf(['polUni'], tenant, ['vnsLDevVip', { name: graphName }]),
    serviceBdName: aciNameForKey(prefix, 'bd', 'kubernetes-service'),
    serviceName: (key) => aciNameForKey(prefix, 'svc', key),
  };
}

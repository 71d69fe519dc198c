// What the running cluster shows on the APIC, reported as information (the
// cluster may not be up yet, or run no load-balanced service): the VMM
// inventory the controller injects (nodes, namespaces) and, for services of
// type LoadBalancer, the L4-L7 objects the controller makes in the VRF's
// tenant, named after the cluster (`<prefix>_svc_global`, src/cluster/cni.ts).
import { tenantDn } from '../aci/dns.js';
import { cniNames } from '../cluster/cni.js';
import type { ManagedObject } from '../aci/types.js';
import type { Config } from '../config/types.js';
import { ApicError } from '../errors.js';

export interface InventoryReader {
  getChildren(dn: string, classes?: readonly string[]): Promise<ManagedObject[]>;
}

export interface VmmInventoryInfo {
  id: 'vmm-inventory';
  title: string;
  dn: string;
  nodes: string[];
  namespaces: string[];
  message: string;
  error?: string;
}

export interface ServiceGraphInfo {
  id: 'service-graphs';
  title: string;
  tenant: string;
  graphTemplate: { dn: string; present: boolean };
  device: { dn: string; present: boolean };
  /** Deployed graph instances of the template. */
  instances: string[];
  message: string;
  error?: string;
}

export type InfoItem = VmmInventoryInfo | ServiceGraphInfo;

function nameOf(mo: ManagedObject): string {
  return mo.attributes['name'] ?? mo.attributes['dn'] ?? '';
}

/** The inventory container the APIC keeps for the cluster's VMM controller. */
export function injectedContainerDn(config: Config): string {
  return cniNames(config).injectedCont;
}

async function vmmInventory(reader: InventoryReader, config: Config): Promise<VmmInventoryInfo> {
  const dn = injectedContainerDn(config);
  const base = { id: 'vmm-inventory' as const, title: 'VMM inventory', dn, nodes: [] as string[], namespaces: [] as string[] };
  let kids: ManagedObject[];
  try {
    kids = await reader.getChildren(dn, ['vmmInjectedHost', 'vmmInjectedNs']);
  } catch (e) {
    if (!(e instanceof ApicError)) throw e;
    return { ...base, message: `could not read ${dn}: ${e.message}`, error: e.message };
  }
  const nodes = kids
    .filter((k) => k.className === 'vmmInjectedHost')
    .map(nameOf)
    .sort();
  const namespaces = kids
    .filter((k) => k.className === 'vmmInjectedNs')
    .map(nameOf)
    .sort();
  const message =
    nodes.length === 0 && namespaces.length === 0
      ? `no nodes or namespaces reported under ${dn} (the cluster is not running yet, or its controller cannot reach the APIC)`
      : `${nodes.length} node${nodes.length === 1 ? '' : 's'}${nodes.length ? ` (${nodes.join(', ')})` : ''}, ` +
        `${namespaces.length} namespace${namespaces.length === 1 ? '' : 's'}${namespaces.length ? ` (${namespaces.join(', ')})` : ''}`;
  return { ...base, nodes, namespaces, message };
}

async function serviceGraphs(reader: InventoryReader, config: Config): Promise<ServiceGraphInfo> {
  const names = cniNames(config);
  const tenant = names.vrfTenant;
  const vrfTenantDn = tenantDn(tenant);
  const name = names.graphName;
  const { graphDn, deviceDn } = names;
  const base = {
    id: 'service-graphs' as const,
    title: 'L4-L7 services (load-balanced services)',
    tenant,
    graphTemplate: { dn: graphDn, present: false },
    device: { dn: deviceDn, present: false },
    instances: [] as string[],
  };
  let kids: ManagedObject[];
  try {
    kids = await reader.getChildren(vrfTenantDn, ['vnsAbsGraph', 'vnsLDevVip', 'vnsGraphInst']);
  } catch (e) {
    if (!(e instanceof ApicError)) throw e;
    return { ...base, message: `could not read ${vrfTenantDn}: ${e.message}`, error: e.message };
  }
  const graph = kids.some((k) => k.className === 'vnsAbsGraph' && nameOf(k) === name);
  const device = kids.some((k) => k.className === 'vnsLDevVip' && nameOf(k) === name);
  const instances = kids
    .filter((k) => k.className === 'vnsGraphInst' && k.attributes['graphDn'] === graphDn)
    .map((k) => k.attributes['ctrctDn'] ?? k.attributes['dn'] ?? '')
    .sort();
  const message =
    !graph && !device && instances.length === 0
      ? `no service graph yet (${graphDn}): no service of type LoadBalancer, or the cluster is not running`
      : `service graph template ${graph ? 'present' : 'MISSING'} (${graphDn}), device ${device ? 'present' : 'MISSING'} (${deviceDn}), ` +
        `${instances.length} deployed graph instance${instances.length === 1 ? '' : 's'}${instances.length ? ` (contracts: ${instances.join(', ')})` : ''}`;
  return { ...base, graphTemplate: { dn: graphDn, present: graph }, device: { dn: deviceDn, present: device }, instances, message };
}

export async function readClusterInfo(reader: InventoryReader, config: Config): Promise<InfoItem[]> {
  return Promise.all([vmmInventory(reader, config), serviceGraphs(reader, config)]);
}

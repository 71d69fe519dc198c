// The two modes where the ACI CNI does not run the pod network itself
// (the Python tool's "CNO" modes): chained CNI (the ACI CNI attaches the
// pods' primary or secondary interfaces that another CNI created to the
// fabric) and VMM lite (the controller only watches the AEP for the
// OpenShift Cluster Network Operator's bridges). Both name the cluster's
// objects with the `netop-` prefix and need far less of the configuration.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../errors.js';
import { getPath, isTree, truthy, type Tree } from './merge.js';
import { derivedSyncLogin, OPENSHIFT_SYSTEM_NAMESPACES } from './adjust.js';
import { bridgeNadProblems } from './bridge-nad.js';
import { yamlLibrary } from './lazy.js';

/** Prefix of the ACI objects of a chained or VMM-lite cluster. */
export const CNO_PREFIX = 'netop-';

/** The flavor whose chained mode has the primary CNI config at a fixed path (OVN-Kubernetes). */
const OVN_FLAVOR = 'openshift-sdn-ovn-baremetal';
const OVN_PRIMARY_CNI_PATH = '/mnt/cni-conf/cni/net.d/10-ovn-kubernetes.conf';

export function isChainedMode(c: unknown): boolean {
  return (
    getPath(c, 'chained_cni_config.secondary_interface_chaining') === true ||
    getPath(c, 'chained_cni_config.primary_interface_chaining') === true
  );
}

export function isVmmLite(c: unknown): boolean {
  return getPath(c, 'vmm_lite_config.aaep_monitoring_enabled') === true;
}

/** A value as the Python tool formats it into a name (None for a missing one). */
const py = (v: unknown): string => (v === null || v === undefined ? 'None' : String(v));

/** Chained CNI or VMM lite. */
export function isCnoMode(c: unknown): boolean {
  return isChainedMode(c) || isVmmLite(c);
}

/** Chained mode that provisions the nodes' network (the nodes EPG and BD), or VMM lite. */
export function provisionsNodeNetwork(c: unknown): boolean {
  return (isChainedMode(c) && getPath(c, 'chained_cni_config.skip_node_network_provisioning') !== true) || isVmmLite(c);
}

/** VLAN ids of a `secondary_vlans` entry: `4002`, `"4003, 4009"`, `"4004-4007"`. */
export function expandVlans(entries: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const e of entries) {
    const s = String(e);
    if (s.includes(',')) out.push(...s.split(',').map((v) => Number(v.trim())));
    else if (s.includes('-')) {
      const [a, b] = s.split('-').map((v) => Number(v.trim()));
      for (let v = a; v <= b; v++) out.push(v);
    } else out.push(Number(s));
  }
  return out;
}

/** Sorted VLAN ids in runs: ["3023", "3700-3701", ...]. */
function groupInRanges(vlans: readonly number[]): string[] {
  const sorted = [...new Set(vlans)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out;
}

/** Whether a VLAN is in one of the blocks as written (`"4003, 4009"` lists, `"4004-4007"` ranges). */
function inBlocks(vlan: string, blocks: readonly string[]): boolean {
  return blocks.some((b) => {
    if (b.includes(',')) return b.replace(/ /g, '').split(',').includes(vlan);
    const [from, to] = b.split('-').map(Number);
    return from <= Number(vlan) && Number(vlan) <= (to ?? from);
  });
}

/** The rows of a CSV file with a header line (no quoted commas in these files). */
export function csvRows(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  if (lines.length === 0) return [];
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** The VLAN of a NAD VLAN map row (`3023.0` is VLAN 3023). */
const rowVlan = (row: Record<string, string>) => (row['VLAN ID'] ?? '').split('.')[0];

/** Why a NAD VLAN map cannot be used, or undefined. */
export function nadVlanMapProblem(text: string): string | undefined {
  const vlans = csvRows(text)
    .map((r) => r['VLAN ID'])
    .filter((v) => v);
  if (vlans.some((v) => !/^\s*[-+]?\d+\s*$/.test(v.split('.')[0]))) return 'holds a VLAN ID that is not a number';
  if (vlans.length === 0) return 'holds no VLAN ID';
  return undefined;
}

/** VLANs of a NAD VLAN map not already in the blocks, in runs. */
function vlansFromMap(text: string | undefined, blocks: readonly string[]): string[] {
  if (text === undefined) return [];
  const vlans = csvRows(text)
    .map(rowVlan)
    .filter((v) => v !== '' && !inBlocks(v, blocks));
  return groupInRanges(vlans.map(Number));
}

/**
 * The fabric VLAN pool: the configured secondary VLANs, the VLANs of the
 * previous NAD VLAN map (`--old-nad-vlan-map-input`) and the new ones of the
 * current map, without repeats, sorted as text (as the Python tool sorts them).
 */
export function fabricVlanPool(configured: readonly unknown[], newMap: string | undefined, oldMap: string | undefined): string[] {
  const all = configured.map(String);
  all.push(...vlansFromMap(oldMap, all));
  all.push(...vlansFromMap(newMap, all));
  return [...new Set(all)].sort();
}

export interface NadVlanLabel {
  label: string;
  vlans: string;
}

/** `namespace/NAD prefix` -> the VLAN of each network label, from the NAD VLAN map CSV. */
export function nadVlanMapping(text: string): Record<string, NadVlanLabel[]> {
  const out: Record<string, NadVlanLabel[]> = {};
  let namespace = '';
  let prefix = '';
  let header = '';
  let network = '';
  let vlan = '';
  for (const row of csvRows(text)) {
    const ns = row.Namespace ?? '';
    const nad = row['NAD Prefix'] ?? '';
    // A row without namespace and prefix continues the group above.
    if ((ns && ns !== namespace) || (nad && nad !== prefix)) {
      header = `${ns}/${nad}`;
      out[header] ??= [];
      namespace = ns;
      prefix = nad;
    }
    network = row.Network || network;
    vlan = row['VLAN ID'] || vlan;
    const vlans = vlan.split('.')[0];
    const same = out[header].find((e) => e.label === network);
    if (same) same.vlans = [...new Set(`${same.vlans},${vlans}`.split(','))].join(',');
    else out[header].push({ label: network, vlans });
  }
  return out;
}

export interface CnoFiles {
  /** The NAD VLAN map of `chained_cni_config.vlans_file`, read. */
  vlansFile?: string;
  /** The previous NAD VLAN map (`--old-nad-vlan-map-input`), read. */
  oldVlansFile?: string;
  /** The bridge NAD configuration of `vmm_lite_config.bridge_nad_config_file`, parsed. */
  bridgeNadConfig?: Tree;
}

/**
 * Mutates `config` for what the Python tool assigns outright in these modes,
 * and returns the tree of derived values to fill under the configuration.
 */
export function deriveCnoConfig(config: Tree, files: CnoFiles, opts: { fixedPassword: boolean; token: string }): Tree {
  const aci = config.aci_config as Tree;
  const net = config.net_config as Tree;
  const kube = config.kube_config as Tree;
  const chained = config.chained_cni_config as Tree;
  const vmmLite = isVmmLite(config);
  const systemId = typeof aci.system_id === 'string' ? aci.system_id : '';

  if (isChainedMode(config) && config.flavor === OVN_FLAVOR) chained.primary_cni_path = OVN_PRIMARY_CNI_PATH;
  (config.multus as Tree).disable = false;

  const tenantName = getPath(aci, 'tenant.name');
  // VMM lite may leave the system id out: the names then read "None", as the Python tool writes them.
  let tenant: string | null = systemId || null;
  if (truthy(tenantName)) {
    aci.use_pre_existing_tenant = true;
    tenant = String(tenantName);
  }
  const appProfile = !vmmLite || systemId ? `${CNO_PREFIX}${systemId}` : '';
  aci.app_profile = appProfile;
  aci.nodes_epg = `${CNO_PREFIX}nodes`;
  const username = vmmLite ? String(getPath(config, 'vmm_lite_config.apic_username')) : systemId;
  const epgOf = (group: string) => ({ tenant, app_profile: appProfile, group });
  const systemEpg = epgOf(`${CNO_PREFIX}system`);
  const namespaceEpgs: Tree = { [String(kube.system_namespace)]: systemEpg, 'kube-system': systemEpg };
  const userVmm = getPath(config, 'user_config.aci_config.vmm_domain');
  const derived: Tree = {
    aci_config: {
      cluster_tenant: tenant,
      physical_domain: {
        domain: !vmmLite || systemId ? `${systemId}-physdom` : '',
        vlan_pool: systemId ? `${systemId}-pool` : null,
      },
      vrf: { dn: `uni/tn-${py(getPath(aci, 'vrf.tenant'))}/ctx-${py(getPath(aci, 'vrf.name'))}` },
      sync_login: derivedSyncLogin(username, opts.fixedPassword),
      node_bd_dn: `uni/tn-${py(tenant)}/BD-${CNO_PREFIX}nodes`,
      subnet_dn: {},
      vrf_dn: {},
      overlay_vrf: {},
      ...(aci.apic_refreshtime ? { apic_refreshtime: aci.apic_refreshtime } : {}),
    },
    net_config: { infra_vlan: net.infra_vlan },
    kube_config: {
      default_endpoint_group: epgOf(`${CNO_PREFIX}default`),
      namespace_default_endpoint_group: namespaceEpgs,
    },
    registry: { configuration_version: opts.token },
  };
  if (isTree(userVmm) && truthy(userVmm)) {
    const vmm = aci.vmm_domain as Tree;
    (derived.aci_config as Tree).vmm_domain = {
      domain: systemId,
      controller: systemId,
      mcast_pool: `${systemId}-mpool`,
      vlan_pool: `${systemId}-vpool`,
      vlan_range: { start: null, end: null },
      ...(vmm.injected_cluster_type ? {} : { injected_cluster_type: '' }),
      ...(vmm.injected_cluster_provider ? {} : { injected_cluster_provider: '' }),
    };
    (derived.aci_config as Tree).node_config = { encap_type: vmm.encap_type };
    if (vmm.type === 'OpenShift') {
      for (const ns of OPENSHIFT_SYSTEM_NAMESPACES) namespaceEpgs[ns] = systemEpg;
    }
  }
  if (isChainedMode(config)) {
    const configured = Array.isArray(chained.secondary_vlans) ? (chained.secondary_vlans as unknown[]) : [];
    chained.secondary_vlans = fabricVlanPool(configured, files.vlansFile, files.oldVlansFile);
    chained.nad_vlan_mapping = files.vlansFile !== undefined ? nadVlanMapping(files.vlansFile) : null;
  }
  if (vmmLite && files.bridgeNadConfig) (config.vmm_lite_config as Tree).bridge_nad_config = files.bridgeNadConfig;
  return derived;
}

/** Reads the files these modes name; a file that cannot be used is a problem naming its field. */
export function readCnoFiles(config: Tree, oldNadVlanMap: string | undefined, baseDir?: string): { files: CnoFiles; problems: Problem[] } {
  const files: CnoFiles = {};
  const problems: Problem[] = [];
  const read = (field: string, path: string): string | undefined => {
    try {
      return readFileSync(baseDir === undefined ? path : resolve(baseDir, path), 'utf8');
    } catch (e) {
      problems.push({ field, value: path, rule: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return undefined;
    }
  };
  if (isChainedMode(config)) {
    const vlansFile = getPath(config, 'chained_cni_config.vlans_file');
    if (typeof vlansFile === 'string' && vlansFile !== '') {
      const text = read('chained_cni_config.vlans_file', vlansFile);
      const bad = text === undefined ? undefined : nadVlanMapProblem(text);
      if (bad) problems.push({ field: 'chained_cni_config.vlans_file', value: vlansFile, rule: `the NAD VLAN map ${bad}` });
      else if (text !== undefined) files.vlansFile = text;
    }
    if (oldNadVlanMap !== undefined) {
      const text = read('--old-nad-vlan-map-input', oldNadVlanMap);
      if (text !== undefined) files.oldVlansFile = text;
    }
  }
  const bridgeFile = getPath(config, 'vmm_lite_config.bridge_nad_config_file');
  if (isVmmLite(config) && typeof bridgeFile === 'string' && bridgeFile !== '') {
    const field = 'vmm_lite_config.bridge_nad_config_file';
    if (!/\.ya?ml$/.test(bridgeFile)) {
      problems.push({ field, value: bridgeFile, rule: 'must be a .yaml or .yml file' });
    } else {
      const text = read(field, bridgeFile);
      if (text !== undefined) {
        let doc: unknown;
        try {
          doc = yamlLibrary().parse(text, { version: '1.1' }) as unknown;
        } catch (e) {
          problems.push({ field, value: bridgeFile, rule: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
        }
        if (doc !== undefined || problems.length === 0) {
          const bad = bridgeNadProblems(doc, String(getPath(config, 'vmm_lite_config.bridge_name') ?? ''));
          if (bad.length > 0) problems.push({ field, value: bridgeFile, rule: `bridge NAD configuration: ${bad.join('; ')}` });
          else files.bridgeNadConfig = doc as Tree;
        }
      }
    }
  }
  return { files, problems };
}

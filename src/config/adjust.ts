// Derived values: the names and DNs of the cluster's ACI objects (from the
// system id and the naming convention), address pools and gateways (from the
// subnets), the EPGs namespaces land in. The result fills only what the
// configuration leaves unset, as in the Python tool, except the few values it
// always overrides (naming-convention names, the pre-existing tenant flag).
// node:crypto rather than globalThis.crypto: the command line has node:crypto
// loaded already (output/atomic.ts), Web Crypto would cost it another module.
import { randomFillSync, randomUUID } from 'node:crypto';
import { normalizeCidr, splitSubnet } from './ip.js';
import { getPath, isTree, type Tree } from './merge.js';
import { adjustCalico } from './calico-adjust.js';

/** OpenShift's own namespaces, placed in the system EPG with kube-system. */
export const OPENSHIFT_SYSTEM_NAMESPACES = [
  'kube-service-catalog',
  'openshift-console',
  'openshift-dns',
  'openshift-authentication',
  'openshift-authentication-operator',
  'openshift-monitoring',
  'openshift-web-console',
] as const;

/** Prefix of object names under the current naming convention. */
export const ACI_PREFIX = 'aci-containers-';

/**
 * The controller's APIC login as the adjustment derives it: the user, a new
 * password, the certificate pair's file names; the certificate step fills
 * the data later (the Python tool does it after adjusting).
 */
export function derivedSyncLogin(username: string, fixedPassword: boolean) {
  return {
    username,
    password: syncLoginPassword(fixedPassword),
    certfile: `user-${username}.crt`,
    keyfile: `user-${username}.key`,
    key_data: null,
    cert_data: null,
    cert_reused: false,
  };
}

/** The password the controller's APIC user gets; random unless a fixed one is asked for (tests). */
export function syncLoginPassword(fixed: boolean): string {
  if (fixed) return 'NotRandom!';
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' + '_-+=!'.repeat(3);
  const pool = [...chars];
  const out: string[] = [];
  const bytes = new Uint32Array(20);
  randomFillSync(bytes);
  // Sampling without replacement, as the Python tool does.
  for (let i = 0; i < 20; i++) {
    const k = bytes[i] % pool.length;
    out.push(pool[k]);
    pool.splice(k, 1);
  }
  return out.join('');
}

const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/**
 * Mutates `config` for the values the Python tool assigns outright, and
 * returns the tree of derived values to fill under the configuration.
 */
export function deriveConfig(config: Tree, opts: { versionToken?: string; fixedPassword: boolean }): Tree {
  adjustCalico(config);
  const aci = config.aci_config as Tree;
  const net = config.net_config as Tree;
  const kube = config.kube_config as Tree;
  const vmm = aci.vmm_domain as Tree;
  const istio = config.istio_config as Tree;
  const systemId = aci.system_id as string;

  const tenantName = getPath(aci, 'tenant.name');
  let tenant = systemId;
  if (tenantName) {
    aci.use_pre_existing_tenant = true;
    tenant = tenantName as string;
  }

  let appProfile: string;
  let defaultEpg: string;
  let systemEpg: string;
  let bdPrefix: string;
  let istioEpg: string;
  if (!aci.use_legacy_kube_naming_convention) {
    appProfile = `${ACI_PREFIX}${systemId}`;
    defaultEpg = `${ACI_PREFIX}default`;
    systemEpg = `${ACI_PREFIX}system`;
    aci.nodes_epg = `${ACI_PREFIX}nodes`;
    bdPrefix = `uni/tn-${tenant}/BD-${ACI_PREFIX}${systemId}-`;
    istioEpg = `${ACI_PREFIX}istio`;
  } else {
    appProfile = 'kubernetes';
    defaultEpg = 'kube-default';
    systemEpg = 'kube-system';
    kube.system_namespace = vmm.type === 'OpenShift' ? 'aci-containers-system' : 'kube-system';
    aci.nodes_epg = 'kube-nodes';
    bdPrefix = `uni/tn-${tenant}/BD-kube-`;
    istioEpg = 'kube-istio';
  }
  aci.app_profile = appProfile;
  const systemNamespace = kube.system_namespace as string;

  const nodeSubnets = list(net.node_subnet);
  const podSubnets = list(net.pod_subnet);
  const externDynamic = list(net.extern_dynamic);
  const externStatic = list(net.extern_static);
  const nodeSvc = net.node_svc_subnet as string | null;
  const pool = (s: string) => {
    const p = splitSubnet(s);
    return { start: p.first, end: p.last };
  };
  const pod0 = splitSubnet(podSubnets[0]);
  const node0 = splitSubnet(nodeSubnets[0]);

  const epgOf = (group: string) => ({ tenant, app_profile: appProfile, group });
  const namespaceEpgs: Tree = {
    [systemNamespace]: epgOf(systemEpg),
    [istio.istio_ns as string]: epgOf(istioEpg),
    [istio.istio_operator_ns as string]: epgOf(istioEpg),
  };
  namespaceEpgs['kube-system'] = epgOf(systemEpg);
  if (vmm.type === 'OpenShift') {
    for (const ns of OPENSHIFT_SYSTEM_NAMESPACES) namespaceEpgs[ns] = epgOf(systemEpg);
  }
  if (config.flavor === 'k8s-overlay') {
    // The basic overlay places only kube-system's pods in the system EPG.
    for (const ns of Object.keys(namespaceEpgs)) delete namespaceEpgs[ns];
    namespaceEpgs['kube-system'] = epgOf(systemEpg);
  }
  if (vmm.injected_cluster_type === 'RKE2') {
    const rke2 = config.rke2_config as Tree;
    for (const ns of ['cattle-system', rke2.logging_namespace, rke2.monitoring_namespace]) {
      namespaceEpgs[ns as string] = epgOf(systemEpg);
    }
  }

  const derivedVmm: Tree = {
    domain: systemId,
    controller: systemId,
    mcast_pool: `${systemId}-mpool`,
    vlan_pool: `${systemId}-vpool`,
    vlan_range: { start: null, end: null },
  };
  if (!vmm.injected_cluster_type) derivedVmm.injected_cluster_type = '';
  if (!vmm.injected_cluster_provider) derivedVmm.injected_cluster_provider = '';

  const derived: Tree = {
    aci_config: {
      cluster_tenant: tenant,
      physical_domain: { domain: `${systemId}-pdom`, vlan_pool: `${systemId}-pool` },
      vmm_domain: derivedVmm,
      vrf: { dn: `uni/tn-${String(getPath(aci, 'vrf.tenant'))}/ctx-${String(getPath(aci, 'vrf.name'))}` },
      sync_login: derivedSyncLogin(systemId, opts.fixedPassword),
      node_bd_dn: `${bdPrefix}node-bd`,
      pod_bd_dn: `${bdPrefix}pod-bd`,
      subnet_dn: {},
      vrf_dn: {},
      overlay_vrf: {},
      ...(aci.apic_refreshtime ? { apic_refreshtime: aci.apic_refreshtime } : {}),
    },
    net_config: {
      infra_vlan: net.infra_vlan,
      gbp_pod_subnet: `${pod0.firstHost}/${pod0.prefixText}`,
      gbp_node_subnet: `${node0.firstHost}/${node0.prefixText}`,
      node_network_gateway: node0.address,
      disable_wait_for_network: net.disable_wait_for_network,
      duration_wait_for_network: net.duration_wait_for_network,
      pod_network: normalizeCidr(podSubnets[0]),
      node_network: normalizeCidr(nodeSubnets[0]),
    },
    node_config: { encap_type: vmm.encap_type },
    istio_config: { install_profile: istio.install_profile },
    kube_config: {
      default_endpoint_group: epgOf(defaultEpg),
      namespace_default_endpoint_group: namespaceEpgs,
      static_service_ip_pool: externStatic.map(pool),
      node_service_ip_pool: nodeSvc ? [pool(nodeSvc)] : [],
      node_service_gw_subnets: [nodeSvc],
      opflex_mode: kube.opflex_mode,
      apic_request_retry_delay_base: kube.apic_request_retry_delay_base ?? 20,
      enable_apic_request_retry_delay: kube.enable_apic_request_retry_delay ?? true,
      epg_resolve_prioritize: kube.epg_resolve_prioritize ?? true,
      force_ep_undeclares: kube.force_ep_undeclares ?? true,
      filter_opflex_device: kube.filter_opflex_device ?? true,
      pod_ip_pool: podSubnets.map(pool),
      pod_network: podSubnets.map((s) => {
        const p = splitSubnet(s);
        const dst = p.network.includes(':') ? '::/0' : '0.0.0.0/0';
        return { subnet: `${p.network}/${p.prefixText}`, gateway: p.firstHost, routes: [{ dst, gw: p.firstHost }] };
      }),
      service_ip_pool: externDynamic.map(pool),
    },
    registry: { configuration_version: opts.versionToken ?? randomUUID() },
  };

  const sriov = config.sriov_config as Tree;
  if (sriov.enable) {
    Object.assign(derived, {
      vendors: '15b3',
      drivers: 'mlx5_core',
      resourcePrefix: 'mellanox.com',
      resourceName: 'cx5_sriov_switchdev',
      pfNames: 'enp193s0f0np0#2-59',
      devices: '',
      isRdma: 'false',
    });
    const info = sriov.device_info;
    if (isTree(info)) {
      if ('devices' in info) derived.devices = info.devices === null ? 'None' : String(info.devices);
      if (info.isRdma) derived.isRdma = 'true';
    }
    const dpu = config.dpu_config as Tree;
    if (dpu.enable && kube.opflex_mode === 'dpu') {
      const ip = dpu.ip ? String(dpu.ip) : '192.168.200.2';
      derived.dpuIp = ip;
      derived.dpuUser = dpu.user ? String(dpu.user) : 'opflex';
      derived.dpu_ovsdb_socket = `tcp:${ip}:${dpu.ovsdb_socket_port ? String(dpu.ovsdb_socket_port) : '6640'}`;
    }
  }
  return derived;
}

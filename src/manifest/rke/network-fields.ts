// The keys of RKE's `network.aci_network_provider` section, as data: each
// with the value it carries (as RKE reads it: mostly text) and the RKE
// network-section generations that read it. A generation is named after the
// first RKE release of flavors.yaml that reads that key set; later releases
// name the generation they share (config/data/flavors-rke.ts).
import type { Config } from '../../config/types.js';
import { pyStr, truthy, type Ctx } from '../context.js';

/** Generations, oldest first. */
export const RKE_GENERATIONS = [
  '1.2.3',
  '1.3.13',
  '1.3.17',
  '1.3.18',
  '1.3.20',
  '1.3.21',
  '1.3.24',
  '1.4.13',
  '1.4.16',
  '1.4.20',
  '1.5.13',
  '1.5.14',
  '1.6.5',
  '1.6.6',
  '1.6.10',
] as const;
export type RkeGeneration = (typeof RKE_GENERATIONS)[number];

export type RkeValue = string | number | boolean | null | string[] | Array<Record<string, string>>;

export interface RkeField {
  key: string;
  /** First generation with the key (default: all). */
  from?: RkeGeneration;
  /** First generation without it again. */
  until?: RkeGeneration;
  /** Generations in between that dropped it. */
  except?: RkeGeneration[];
  /** The value, or undefined where the key is left out. */
  value: (c: Ctx) => RkeValue | undefined;
}

// Value helpers with the reference's semantics: a key compared to a default is
// written whenever it differs (a missing key differs from everything), text is
// Python's str() of the value, `lower` its lower case.
/** Reads one value of the Config. */
type Read = (c: Config) => unknown;
/** Formats the value a Read gives, as a field's value. */
type Format = (read: Read) => (c: Ctx) => RkeValue;
const text: Format = (read) => (c) => pyStr(read(c.c));
const lower: Format = (read) => (c) => pyStr(read(c.c)).toLowerCase();
const ifSet =
  (read: Read, f: Format = text) =>
  (c: Ctx) =>
    truthy(read(c.c)) ? f(read)(c) : undefined;
const ifNot =
  (read: Read, dflt: unknown, f: Format = text) =>
  (c: Ctx) =>
    read(c.c) !== dflt ? f(read)(c) : undefined;
const ifIs =
  (read: Read, v: unknown, f: Format = lower) =>
  (c: Ctx) =>
    read(c.c) === v ? f(read)(c) : undefined;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : v === undefined || v === null ? [] : [v]);
/** Several values in one quoted string: `"a","b"` as the list's only element. */
const quotedList = (read: Read) => (c: Ctx) => {
  const items = list(read(c.c));
  return items.length === 0 ? [] : [items.map((x) => `"${pyStr(x)}"`).join(',')];
};
const joined = (read: Read, sep: string) => (c: Ctx) => list(read(c.c)).map(pyStr).join(sep);
const base64 = (read: Read) => (c: Ctx) => Buffer.from(pyStr(read(c.c)), 'utf8').toString('base64');

function delayedServices(c: Ctx): string {
  const services = c.c.kube_config.service_graph_endpoint_add_delay?.services ?? [];
  return services
    .map((service) => {
      const svc: Record<string, unknown> = { ...service };
      const keys = Object.keys(svc);
      const parts = keys.map((k, i) =>
        ['name', 'namespace', 'delay'].includes(k) ? `"${k}":"${pyStr(svc[k])}"${i < keys.length - 1 ? ', ' : ''}` : '',
      );
      return `{${parts.join('')}}`;
    })
    .join(',');
}

function snatRedirectExclude(c: Ctx): Array<Record<string, string>> {
  const items = c.c.kube_config.node_snat_redirect_exclude ?? [];
  return items.map((it) => ({
    group: pyStr(it.group),
    labels: `[${(it.labels ?? []).map((l) => `"${pyStr(l)}"`).join(', ')}]`,
  }));
}

export const RKE_FIELDS: RkeField[] = [
  { key: 'system_id', value: text((c) => c.aci_config.system_id) },
  { key: 'apic_refresh_time', value: ifSet((c) => c.aci_config.apic_refreshtime) },
  { key: 'apic_hosts', value: quotedList((c) => c.aci_config.apic_hosts) },
  { key: 'token', value: text((c) => c.registry.configuration_version) },
  { key: 'apic_user_name', value: text((c) => c.aci_config.sync_login.username) },
  { key: 'apic_user_key', value: base64((c) => c.aci_config.sync_login.key_data) },
  { key: 'apic_user_crt', value: base64((c) => c.aci_config.sync_login.cert_data) },
  { key: 'encap_type', value: text((c) => c.node_config.encap_type) },
  { key: 'mcast_range_start', value: text((c) => c.aci_config.vmm_domain.mcast_range.start) },
  { key: 'mcast_range_end', value: text((c) => c.aci_config.vmm_domain.mcast_range.end) },
  { key: 'aep', value: text((c) => c.aci_config.aep) },
  { key: 'vrf_name', value: text((c) => c.aci_config.vrf.name) },
  { key: 'vrf_tenant', value: text((c) => c.aci_config.vrf.tenant) },
  { key: 'l3out', value: text((c) => c.aci_config.l3out.name) },
  // Early generations ran the subnets of a list together without a separator.
  { key: 'node_subnet', until: '1.3.21', value: joined((c) => c.net_config.node_subnet, '') },
  { key: 'node_subnet', from: '1.3.21', value: joined((c) => c.net_config.node_subnet, ',') },
  { key: 'l3out_external_networks', value: quotedList((c) => c.aci_config.l3out.external_networks) },
  { key: 'extern_dynamic', until: '1.3.21', value: joined((c) => c.net_config.extern_dynamic, '') },
  { key: 'extern_dynamic', from: '1.3.21', value: joined((c) => c.net_config.extern_dynamic, ',') },
  { key: 'extern_static', until: '1.3.21', value: joined((c) => c.net_config.extern_static, '') },
  { key: 'extern_static', from: '1.3.21', value: joined((c) => c.net_config.extern_static, ',') },
  { key: 'node_svc_subnet', value: text((c) => c.net_config.node_svc_subnet) },
  { key: 'kube_api_vlan', value: text((c) => c.net_config.kubeapi_vlan) },
  { key: 'service_vlan', value: text((c) => c.net_config.service_vlan) },
  { key: 'infra_vlan', value: text((c) => c.net_config.infra_vlan) },
  { key: 'tenant', value: ifSet((c) => c.aci_config.tenant.name) },
  { key: 'service_monitor_interval', value: ifSet((c) => c.net_config.service_monitor_interval) },
  { key: 'pod_subnet_chunk_size', until: '1.3.17', value: ifNot((c) => c.net_config.pod_subnet_chunk_size, 32) },
  { key: 'pbr_tracking_non_snat', value: ifSet((c) => c.net_config.pbr_tracking_non_snat, lower) },
  // The first generations' Istio keys (install_istio compared with False).
  { key: 'install_istio', until: '1.4.20', value: ifNot((c) => c.istio_config.install_istio, false, lower) },
  // Not a schema key (install_profile is): set only where a file writes it anyway (warned as unknown).
  { key: 'istio_profile', until: '1.4.20', value: ifSet((c) => (({ ...c.istio_config }) as Record<string, unknown>).istio_profile) },
  { key: 'drop_log_enable', value: ifNot((c) => c.drop_log_config.enable, true, lower) },
  { key: 'size', value: (c) => (truthy(c.c.logging.size) ? c.c.logging.size : undefined) },
  { key: 'controller_log_level', value: ifNot((c) => c.logging.controller_log_level, 'info') },
  { key: 'hostagent_log_level', until: '1.5.14', value: ifNot((c) => c.logging.hostagent_log_level, 'info') },
  { key: 'host_agent_log_level', from: '1.5.14', value: ifNot((c) => c.logging.hostagent_log_level, 'info') },
  { key: 'opflexagent_log_level', until: '1.5.14', value: ifNot((c) => c.logging.opflexagent_log_level, 'info') },
  { key: 'opflex_log_level', from: '1.5.14', value: ifNot((c) => c.logging.opflexagent_log_level, 'info') },
  { key: 'ovs_memory_limit', value: ifNot((c) => c.kube_config.ovs_memory_limit, '1Gi') },
  { key: 'ovs_memory_request', from: '1.3.24', value: ifNot((c) => c.kube_config.ovs_memory_request, '128Mi') },
  { key: 'image_pull_policy', value: ifNot((c) => c.kube_config.image_pull_policy, 'Always') },
  { key: 'image_pull_secret', from: '1.3.24', value: ifSet((c) => c.registry.image_pull_secret) },
  { key: 'apic_refresh_ticker_adjust', from: '1.3.13', value: ifSet((c) => c.aci_config.apic_refreshticker_adjust) },
  { key: 'apic_subscription_delay', from: '1.3.13', value: ifSet((c) => c.aci_config.apic_subscription_delay) },
  { key: 'opflex_device_delete_timeout', from: '1.3.13', value: ifSet((c) => c.aci_config.opflex_device_delete_timeout) },
  {
    key: 'disable_wait_for_network',
    from: '1.3.13',
    value: ifNot((c) => c.net_config.disable_wait_for_network, false, lower),
  },
  { key: 'mtu_head_room', from: '1.3.13', value: ifSet((c) => c.net_config.interface_mtu_headroom) },
  { key: 'duration_wait_for_network', from: '1.3.13', value: ifNot((c) => c.net_config.duration_wait_for_network, 210) },
  { key: 'node_pod_if_enable', from: '1.3.13', value: ifNot((c) => c.nodepodif_config.enable, false, lower) },
  { key: 'sriov_enable', from: '1.3.13', value: ifNot((c) => c.sriov_config.enable, false, lower) },
  { key: 'use_cluster_role', from: '1.3.13', value: ifNot((c) => c.kube_config.use_cluster_role, true, lower) },
  {
    key: 'disable_periodic_snat_global_info_sync',
    from: '1.3.13',
    value: ifNot((c) => c.kube_config.snat_operator.disable_periodic_snat_global_info_sync, false, lower),
  },
  {
    key: 'no_wait_for_service_ep_readiness',
    from: '1.3.17',
    value: ifNot((c) => c.kube_config.no_wait_for_service_ep_readiness, false, lower),
  },
  {
    key: 'add_external_subnets_to_rdconfig',
    from: '1.3.17',
    value: ifNot((c) => c.kube_config.add_external_subnets_to_rdconfig, false, lower),
  },
  {
    key: 'service_graph_endpoint_add_delay',
    from: '1.3.18',
    value: ({ c }) => {
      const sged = c.kube_config.service_graph_endpoint_add_delay;
      return truthy(sged) && sged?.delay !== 0 ? pyStr(sged?.delay) : undefined;
    },
  },
  {
    key: 'service_graph_endpoint_add_services',
    from: '1.3.18',
    value: (c) => {
      const sged = c.c.kube_config.service_graph_endpoint_add_delay;
      return truthy(sged) && sged?.delay !== 0 && list(sged?.services).length > 0 ? [delayedServices(c)] : undefined;
    },
  },
  {
    key: 'mtu',
    from: '1.3.20',
    value: (c) => (truthy(c.c.net_config.interface_mtu) ? c.c.net_config.interface_mtu : undefined),
  },
  {
    key: 'sleep_time_snat_global_info_sync',
    from: '1.3.20',
    value: ifSet((c) => c.kube_config.snat_operator.sleep_time_snat_global_info_sync),
  },
  {
    key: 'opflex_agent_opflex_asyncjson_enabled',
    from: '1.3.20',
    value: ifNot((c) => c.kube_config.opflex_agent_opflex_asyncjson_enabled, 'false', lower),
  },
  {
    key: 'opflex_agent_ovs_asyncjson_enabled',
    from: '1.3.20',
    value: ifNot((c) => c.kube_config.opflex_agent_ovs_asyncjson_enabled, 'false', lower),
  },
  { key: 'hpp_optimization', from: '1.3.20', value: ifSet((c) => c.kube_config.hpp_optimization, lower) },
  { key: 'aci_multipod', from: '1.3.21', value: ifIs((c) => c.kube_config.aci_multipod, true) },
  { key: 'aci_multipod_ubuntu', from: '1.3.21', value: ifIs((c) => c.kube_config.aci_multipod_ubuntu, true) },
  { key: 'dhcp_renew_max_retry_count', from: '1.3.21', value: ifSet((c) => c.kube_config.dhcp_renew_max_retry_count) },
  { key: 'dhcp_delay', from: '1.3.21', value: ifSet((c) => c.kube_config.dhcp_delay) },
  {
    key: 'opflex_agent_policy_retry_delay_timer',
    from: '1.3.21',
    value: ifSet((c) => c.kube_config.opflex_agent_policy_retry_delay_timer),
  },
  ...(
    [
      'aci_containers_controller_memory_limit',
      'aci_containers_controller_memory_request',
      'aci_containers_host_memory_limit',
      'aci_containers_host_memory_request',
      'mcast_daemon_memory_limit',
      'mcast_daemon_memory_request',
      'opflex_agent_memory_limit',
      'opflex_agent_memory_request',
    ] as const
  ).map((k): RkeField => ({ key: k, from: '1.3.24', value: ifSet((c) => c.kube_config[k]) })),
  { key: 'aci_containers_memory_limit', from: '1.3.24', value: ifNot((c) => c.kube_config.aci_containers_memory_limit, '3Gi') },
  { key: 'aci_containers_memory_request', from: '1.3.24', value: ifNot((c) => c.kube_config.aci_containers_memory_request, '128Mi') },
  { key: 'use_system_node_priority_class', from: '1.3.24', value: ifIs((c) => c.kube_config.use_system_node_priority_class, true) },
  { key: 'opflex_device_reconnect_wait_timeout', from: '1.3.24', value: ifSet((c) => c.kube_config.opflex_device_reconnect_wait_timeout) },
  { key: 'toleration_seconds', from: '1.4.13', value: ifSet((c) => c.kube_config.toleration_seconds) },
  {
    key: 'opflex_openssl_compat',
    from: '1.4.13',
    value: ifSet((c) => c.kube_config.opflex_openssl_compat, lower),
  },
  {
    key: 'node_snat_redirect_exclude',
    from: '1.4.13',
    value: (c) => (truthy(c.c.kube_config.node_snat_redirect_exclude) ? snatRedirectExclude(c) : undefined),
  },
  {
    key: 'enable_opflex_agent_reconnect',
    from: '1.4.13',
    value: ifSet((c) => c.kube_config.enable_opflex_agent_reconnect, lower),
  },
  { key: 'opflex_agent_statistics', from: '1.4.13', value: ifIs((c) => c.kube_config.opflex_agent_statistics, false) },
  {
    key: 'add_external_contract_to_default_epg',
    from: '1.4.13',
    value: ifSet((c) => c.kube_config.add_external_contract_to_default_epg, lower),
  },
  {
    key: 'disable_hpp_rendering',
    from: '1.4.16',
    value: ifSet((c) => c.kube_config.disable_hpp_rendering, lower),
  },
  {
    key: 'apic_connection_retry_limit',
    from: '1.4.16',
    value: ifSet((c) => c.kube_config.apic_connection_retry_limit, lower),
  },
  { key: 'taint_not_ready_node', from: '1.4.16', value: ifSet((c) => c.kube_config.taint_not_ready_node) },
  { key: 'drop_log_disable_events', from: '1.4.16', value: ifSet((c) => c.drop_log_config.disable_events) },
  { key: 'drop_log_opflex_redirect_drop_logs', from: '1.6.5', value: ifSet((c) => c.drop_log_config.opflex_redirect_drop_logs) },
  { key: 'opflex_startup_enabled', from: '1.4.20', value: ifIs((c) => c.kube_config.opflex_startup_enabled, true) },
  { key: 'opflex_startup_policy_duration', from: '1.4.20', value: ifNot((c) => c.kube_config.opflex_startup_policy_duration, 60) },
  { key: 'opflex_startup_resolve_aft_conn', from: '1.4.20', value: ifIs((c) => c.kube_config.opflex_startup_resolve_aft_conn, true) },
  { key: 'opflex_switch_sync_delay', from: '1.4.20', value: ifNot((c) => c.kube_config.opflex_switch_sync_delay, 5) },
  { key: 'opflex_switch_sync_dynamic', from: '1.4.20', value: ifNot((c) => c.kube_config.opflex_switch_sync_dynamic, 10) },
  { key: 'unknown_mac_unicast_action', from: '1.5.13', value: ifSet((c) => c.kube_config.unknown_mac_unicast_action) },
  {
    key: 'enable_hpp_direct',
    from: '1.5.14',
    except: ['1.6.5'],
    value: ifSet((c) => c.kube_config.enable_hpp_direct, lower),
  },
  {
    key: 'opflex_agent_reset_wait_delay',
    from: '1.5.14',
    except: ['1.6.5'],
    value: ifSet((c) => c.kube_config.opflex_agent_reset_wait_delay, lower),
  },
  { key: 'vmm_controller', from: '1.5.14', value: ifNot((c) => c.aci_config.vmm_domain.controller, 'rke') },
  {
    key: 'enable_endpoint_slice',
    from: '1.5.14',
    value: ifSet((c) => c.kube_config.enable_endpointslice, lower),
  },
  {
    key: 'use_aci_cni_priority_class',
    from: '1.5.14',
    value: ifSet((c) => c.kube_config.use_acicni_priority_class, lower),
  },
  { key: 'no_priority_class', from: '1.5.14', value: ifSet((c) => c.kube_config.no_priority_class, lower) },
  { key: 'pod_subnet_chunk_size', from: '1.5.14', value: ifNot((c) => c.net_config.pod_subnet_chunk_size, 32) },
  { key: 'max_nodes_svc_graph', from: '1.5.14', value: ifNot((c) => c.kube_config.max_nodes_svc_graph, 32) },
  { key: 'snat_contract_scope', from: '1.5.14', value: ifNot((c) => c.kube_config.snat_operator.contract_scope, 'global') },
  { key: 'snat_namespace', from: '1.5.14', value: ifNot((c) => c.kube_config.snat_operator.snat_namespace, 'aci-containers-system') },
  { key: 'snat_port_range_start', from: '1.5.14', value: ifNot((c) => c.kube_config.snat_operator.port_range.start, 5000) },
  { key: 'snat_port_range_end', from: '1.5.14', value: ifNot((c) => c.kube_config.snat_operator.port_range.end, 65000) },
  { key: 'snat_ports_per_node', from: '1.5.14', value: ifNot((c) => c.kube_config.snat_operator.port_range.ports_per_node, 3000) },
  {
    key: 'use_privileged_container',
    from: '1.5.14',
    value: ifSet((c) => c.kube_config.use_privileged_containers, lower),
  },
  { key: 'opflex_client_ssl', from: '1.5.14', value: ifNot((c) => c.aci_config.client_ssl, true, lower) },
  { key: 'multus_disable', from: '1.5.14', value: ifNot((c) => c.multus.disable, true, lower) },
  // Later generations: written when Istio is to be installed, as given.
  { key: 'install_istio', from: '1.5.14', value: ifSet((c) => c.istio_config.install_istio) },
  { key: 'istio_profile', from: '1.5.14', value: ifNot((c) => c.istio_config.install_profile, 'demo') },
  { key: 'proactive_conf', from: '1.6.6', value: ifSet((c) => c.kube_config.proactive_conf, lower) },
  {
    key: 'epg_resolve_prioritize',
    from: '1.6.10',
    value: ifNot((c) => c.kube_config.epg_resolve_prioritize, true, lower),
  },
  {
    key: 'force_ep_undeclares',
    from: '1.6.10',
    value: ifNot((c) => c.kube_config.force_ep_undeclares, true, lower),
  },
  { key: 'apic_request_retry_delay', from: '1.6.10', value: ifNot((c) => c.kube_config.apic_request_retry_delay, 2) },
  {
    key: 'enable_apic_request_retry_delay',
    from: '1.6.10',
    value: ifNot((c) => c.kube_config.enable_apic_request_retry_delay, true, lower),
  },
];

/** Whether a field is part of a generation's section. */
export function inGeneration(f: RkeField, g: RkeGeneration): boolean {
  const at = RKE_GENERATIONS.indexOf(g);
  if (f.from !== undefined && at < RKE_GENERATIONS.indexOf(f.from)) return false;
  if (f.until !== undefined && at >= RKE_GENERATIONS.indexOf(f.until)) return false;
  return !(f.except ?? []).includes(g);
}

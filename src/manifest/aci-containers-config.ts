// aci-containers-config: the controller's, the host agent's and the OpFlex
// agent's configuration files, each a JSON document in the ConfigMap.
import type { EpgRef } from '../config/types.js';
import { Ctx, pyJson, pyStr, truthy } from './context.js';
import { configMap } from './config-map.js';
import { configText, jinjaToJson, orderedObject, pre, pyDumps, type Preformatted } from './json-text.js';
import type { KubeObject } from './object.js';

type Json = Record<string, unknown>;

const epgFullName = (v: EpgRef) => `${pyStr(v.app_profile)}|${pyStr(v.group)}`;

/** An EPG reference: the tenant (policy space) and "app-profile|epg". */
function epgName(v: EpgRef): Preformatted {
  return orderedObject(
    [
      ['policy-space', v.tenant],
      ['name', epgFullName(v)],
    ],
    1,
  );
}

/** Namespace -> default EPG, sorted by namespace, in the reference's layout
 * (its closing brace follows the last entry on the same line). */
function namespaceEpgs(ctx: Ctx): Preformatted {
  const m = ctx.c.kube_config.namespace_default_endpoint_group;
  const items = Object.keys(m)
    .sort()
    .map(
      (ns) =>
        `        "${ns}": {\n            "policy-space": ${pyDumps(m[ns].tenant)},\n            "name": ${pyDumps(epgFullName(m[ns]))}\n        }`,
    );
  return pre(items.length ? `{\n${items.join(',\n')}        }` : '{\n    }');
}

/** Sets `key` when the Config value is set (truthy). */
function setIf(o: Json, key: string, value: unknown): void {
  if (truthy(value)) o[key] = value;
}

function installerLbIp(ctx: Ctx, o: Json): void {
  if (!truthy(ctx.c.aci_config.vmm_domain.nested_inside.duplicate_file_router_default_svc)) return;
  const abi = ctx.c.agent_based_installer;
  if (abi === undefined || !truthy(abi?.enable ?? false)) {
    o['installer-provisioned-lb-ip'] = ctx.c.aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip;
  }
}

function apicAccess(ctx: Ctx, o: Json): void {
  if (truthy(ctx.c.aci_config.apic_refreshtime)) o['apic-refreshtime'] = pyJson(ctx.c.aci_config.apic_refreshtime);
  setIf(o, 'apic-subscription-delay', ctx.c.aci_config.apic_subscription_delay);
  if (truthy(ctx.c.aci_config.apic_refreshticker_adjust))
    o['apic-refreshticker-adjust'] = pyJson(ctx.c.aci_config.apic_refreshticker_adjust);
  o['apic-username'] = ctx.c.aci_config.sync_login.username;
  o['apic-private-key-path'] = '/usr/local/etc/aci-cert/user.key';
  if (truthy(ctx.c.aci_config.apic_tls_cert)) o['apic-cert-path'] = '/usr/local/etc/apic-ca-cert/root_ca.pem';
}

function chainedControllerConfig(ctx: Ctx): Json {
  const o: Json = {
    flavor: ctx.flavor,
    'log-level': ctx.c.logging.controller_log_level,
    'apic-hosts': ctx.c.aci_config.apic_hosts,
    aep: ctx.c.aci_config.aep,
  };
  if (ctx.chained) {
    o['aci-additional-aep'] = ctx.c.aci_config.secondary_aep;
    o['chained-mode'] = true;
    setIf(o, 'primary-cni-path', ctx.c.chained_cni_config.primary_cni_path);
    o['aci-use-global-scope-vlan'] = truthy(ctx.c.chained_cni_config.use_global_scope_vlan);
    o['aci-use-system-id-for-secondary-names'] = truthy(ctx.c.chained_cni_config.use_system_id_for_secondary_names);
  }
  setIf(o, 'unknown-mac-unicast-action', ctx.c.kube_config.unknown_mac_unicast_action);
  o['aci-phys-dom'] = ctx.c.aci_config.physical_domain.domain;
  apicAccess(ctx, o);
  o['aci-prefix'] = truthy(ctx.c.aci_config.tenant.name) ? ctx.c.aci_config.tenant.name : ctx.c.aci_config.system_id;
  if (ctx.vmmDomain) {
    o['aci-vmm-type'] = ctx.c.aci_config.vmm_domain.type;
    o['aci-vmm-domain'] = ctx.c.aci_config.vmm_domain.domain;
    o['aci-vmm-controller'] = ctx.c.aci_config.vmm_domain.controller;
  }
  if (ctx.aaepMonitoring) {
    o['aci-aaep-monitoring-enabled'] = true;
    o['bridge-name'] = ctx.c.vmm_lite_config.bridge_name;
    setIf(o, 'cno-identifier', ctx.c.vmm_lite_config.cno_identifier);
    const nad = ctx.c.vmm_lite_config.bridge_nad_config;
    if (nad && truthy(nad)) for (const [key, val] of Object.entries(nad)) o[key] = pre(jinjaToJson(val));
    setIf(o, 'kubeapi-vlan', ctx.c.vmm_lite_config.kubeapi_vlan);
  }
  o['aci-policy-tenant'] = ctx.c.kube_config.default_endpoint_group.tenant;
  setIf(o, 'hpp-optimization', ctx.c.kube_config.hpp_optimization);
  setIf(o, 'no-wait-for-service-ep-readiness', ctx.c.kube_config.no_wait_for_service_ep_readiness);
  setIf(o, 'service-graph-endpoint-add-delay', ctx.c.kube_config.service_graph_endpoint_add_delay);
  setIf(o, 'add-external-subnets-to-rdconfig', ctx.c.kube_config.add_external_subnets_to_rdconfig);
  Object.assign(o, {
    'aci-nodebd-dn': ctx.c.aci_config.node_bd_dn,
    'aci-service-phys-dom': ctx.c.aci_config.physical_domain.domain,
    'aci-service-encap': `vlan-${pyStr(ctx.c.net_config.service_vlan)}`,
    'aci-pbr-tracking-non-snat': ctx.c.net_config.pbr_tracking_non_snat,
    'aci-vrf-tenant': ctx.c.aci_config.vrf.tenant,
    'aci-vrf-dn': ctx.c.aci_config.vrf.dn,
    'aci-vrf': ctx.c.aci_config.vrf.name,
    'aci-l3out': ctx.c.aci_config.l3out.name,
    'aci-ext-networks': ctx.c.aci_config.l3out.external_networks,
  });
  return o;
}

export function controllerConfig(ctx: Ctx): Json {
  if (!ctx.fullCni) return chainedControllerConfig(ctx);
  const kube = ctx.c.kube_config;
  const o: Json = {
    flavor: ctx.flavor,
    'log-level': ctx.c.logging.controller_log_level,
    'apic-hosts': ctx.c.aci_config.apic_hosts,
    aep: ctx.c.aci_config.aep,
  };
  setIf(o, 'aci-multipod', kube.aci_multipod);
  o['apic-request-retry-delay-base'] = kube.apic_request_retry_delay_base;
  o['enable-apic-request-retry-delay'] = kube.enable_apic_request_retry_delay;
  setIf(o, 'unknown-mac-unicast-action', kube.unknown_mac_unicast_action);
  setIf(o, 'enable-opflex-agent-reconnect', kube.enable_opflex_agent_reconnect);
  setIf(o, 'opflex-device-reconnect-wait-timeout', kube.opflex_device_reconnect_wait_timeout);
  if (!ctx.overlay) {
    apicAccess(ctx, o);
    Object.assign(o, {
      'aci-prefix': ctx.c.aci_config.system_id,
      'aci-vmm-type': ctx.c.aci_config.vmm_domain.type,
      'aci-vmm-domain': ctx.c.aci_config.vmm_domain.domain,
      'aci-vmm-controller': ctx.c.aci_config.vmm_domain.controller,
      'aci-policy-tenant': kube.default_endpoint_group.tenant,
    });
  }
  for (const [key, value] of [
    ['hpp-optimization', kube.hpp_optimization],
    ['disable-hpp-rendering', kube.disable_hpp_rendering],
    ['enable-hpp-direct', kube.enable_hpp_direct],
    ['no-wait-for-service-ep-readiness', kube.no_wait_for_service_ep_readiness],
    ['service-graph-endpoint-add-delay', kube.service_graph_endpoint_add_delay],
    ['add-external-subnets-to-rdconfig', kube.add_external_subnets_to_rdconfig],
    ['disable-periodic-snat-global-info-sync', kube.snat_operator.disable_periodic_snat_global_info_sync],
    ['opflex-device-delete-timeout', ctx.c.aci_config.opflex_device_delete_timeout],
    ['sleep-time-snat-global-info-sync', kube.snat_operator.sleep_time_snat_global_info_sync],
    ['node-snat-redirect-exclude', kube.node_snat_redirect_exclude],
    ['apic-connection-retry-limit', kube.apic_connection_retry_limit],
    ['disable-service-vlan-preprovisioning', kube.disable_service_vlan_preprovisioning],
    ['proactive-conf', kube.proactive_conf],
    ['disable-resilient-hashing', kube.disable_resilient_hashing],
  ] as const)
    setIf(o, key, value);
  o['filter-opflex-device'] = kube.filter_opflex_device;
  if (!ctx.overlay) {
    Object.assign(o, {
      'aci-podbd-dn': ctx.c.aci_config.pod_bd_dn,
      'aci-nodebd-dn': ctx.c.aci_config.node_bd_dn,
      'aci-service-phys-dom': ctx.c.aci_config.physical_domain.domain,
      'aci-service-encap': `vlan-${pyStr(ctx.c.net_config.service_vlan)}`,
      'aci-service-monitor-interval': ctx.c.net_config.service_monitor_interval,
      'aci-pbr-tracking-non-snat': ctx.c.net_config.pbr_tracking_non_snat,
    });
  }
  o['aci-vrf-tenant'] = ctx.c.aci_config.vrf.tenant;
  if (!ctx.overlay) {
    o['aci-vrf-dn'] = ctx.c.aci_config.vrf.dn;
    o['aci-l3out'] = ctx.c.aci_config.l3out.name;
    o['aci-ext-networks'] = ctx.c.aci_config.l3out.external_networks;
  }
  o['aci-vrf'] = ctx.overlay ? ctx.c.aci_config.overlay_vrf : ctx.c.aci_config.vrf.name;
  o['app-profile'] = kube.default_endpoint_group.app_profile;
  setIf(o, 'add-external-contract-to-default-epg', kube.add_external_contract_to_default_epg);
  o['default-endpoint-group'] = epgName(kube.default_endpoint_group);
  if (!ctx.overlay) o['max-nodes-svc-graph'] = kube.max_nodes_svc_graph;
  o['namespace-default-endpoint-group'] = namespaceEpgs(ctx);
  o['service-ip-pool'] = kube.service_ip_pool;
  if (truthy(ctx.c.user_config.net_config?.extern_static)) o['extern-static'] = pre(jinjaToJson(ctx.c.net_config.extern_static));
  if (truthy(ctx.c.user_config.net_config?.extern_dynamic))
    o['extern-dynamic'] = pre(jinjaToJson(ctx.c.user_config.net_config?.extern_dynamic));
  o['snat-contract-scope'] = kube.snat_operator.contract_scope;
  o['static-service-ip-pool'] = kube.static_service_ip_pool;
  if (truthy(kube.use_external_service_ip_allocator)) o['allocate-service-ips'] = false;
  setIf(o, 'taint-not-ready-node', kube.taint_not_ready_node);
  if (truthy(kube.enable_endpointslice)) o['enable_endpointslice'] = true;
  setIf(o, 'leaf-reboot-check-interval', kube.leaf_reboot_check_interval);
  Object.assign(o, {
    'pod-ip-pool': kube.pod_ip_pool,
    'pod-subnet': ctx.c.net_config.pod_subnet,
    'pod-subnet-chunk-size': ctx.c.net_config.pod_subnet_chunk_size,
    'node-service-ip-pool': kube.node_service_ip_pool,
    'node-service-subnets': kube.node_service_gw_subnets,
  });
  return o;
}

function dropLogAndNodePodIf(ctx: Ctx, o: Json): void {
  o['enable-drop-log'] = truthy(ctx.c.drop_log_config.enable);
  if (truthy(ctx.c.drop_log_config.disable_events)) o['packet-event-notification-socket'] = '';
  o['enable-nodepodif'] = truthy(ctx.c.nodepodif_config.enable);
}

function chainedHostAgentConfig(ctx: Ctx): Json {
  const o: Json = {
    flavor: ctx.flavor,
    'app-profile': ctx.c.kube_config.default_endpoint_group.app_profile,
    'chained-mode': true,
  };
  if (truthy(ctx.c.chained_cni_config.primary_interface_chaining)) o['enable-chained-primary'] = true;
  if (truthy(ctx.c.chained_cni_config.secondary_interface_chaining)) o['enable-chained-secondary'] = true;
  setIf(o, 'primary-cni-path', ctx.c.chained_cni_config.primary_cni_path);
  if (truthy(ctx.c.kube_config.use_aci_anywhere_crd)) o['ep-registry'] = ctx.c.kube_config.ep_registry;
  setIf(o, 'dhcp-renew-max-retry-count', ctx.c.kube_config.dhcp_renew_max_retry_count);
  o['log-level'] = ctx.c.logging.hostagent_log_level;
  if (ctx.vmmDomain) {
    o['aci-vmm-type'] = ctx.c.aci_config.vmm_domain.type;
    o['aci-vmm-domain'] = ctx.c.aci_config.vmm_domain.domain;
    o['aci-vmm-controller'] = ctx.c.aci_config.vmm_domain.controller;
    installerLbIp(ctx, o);
  }
  Object.assign(o, {
    'aci-vrf': ctx.c.aci_config.vrf.name,
    'aci-vrf-tenant': ctx.c.aci_config.vrf.tenant,
    'aci-prefix': ctx.c.aci_config.system_id,
    'kubeapi-vlan': ctx.c.net_config.kubeapi_vlan,
    'node-subnet': ctx.c.net_config.node_subnet,
  });
  setIf(o, 'interface-mtu', ctx.c.net_config.interface_mtu);
  setIf(o, 'interface-mtu-headroom', ctx.c.net_config.interface_mtu_headroom);
  o['aci-use-global-scope-vlan'] = truthy(ctx.c.chained_cni_config.use_global_scope_vlan);
  dropLogAndNodePodIf(ctx, o);
  return o;
}

export function hostAgentConfig(ctx: Ctx): Json {
  if (!ctx.fullCni) return chainedHostAgentConfig(ctx);
  const kube = ctx.c.kube_config;
  const o: Json = { flavor: ctx.flavor, 'app-profile': kube.default_endpoint_group.app_profile };
  if (truthy(kube.use_aci_anywhere_crd)) o['ep-registry'] = kube.ep_registry;
  setIf(o, 'aci-multipod', kube.aci_multipod);
  setIf(o, 'dhcp-renew-max-retry-count', kube.dhcp_renew_max_retry_count);
  setIf(o, 'dhcp-delay', kube.dhcp_delay);
  setIf(o, 'epg-resolve-prioritize', kube.epg_resolve_prioritize);
  o['opflex-mode'] = kube.opflex_mode ?? null;
  setIf(o, 'enable-opflex-agent-reconnect', kube.enable_opflex_agent_reconnect);
  o['log-level'] = ctx.c.logging.hostagent_log_level;
  o['aci-snat-namespace'] = pyStr(kube.snat_operator.snat_namespace);
  if (!ctx.overlay) {
    o['aci-vmm-type'] = ctx.c.aci_config.vmm_domain.type;
    o['aci-vmm-domain'] = ctx.c.aci_config.vmm_domain.domain;
    o['aci-vmm-controller'] = ctx.c.aci_config.vmm_domain.controller;
  }
  installerLbIp(ctx, o);
  o['aci-prefix'] = ctx.c.aci_config.system_id;
  o['aci-vrf'] = ctx.overlay ? ctx.c.aci_config.overlay_vrf : ctx.c.aci_config.vrf.name;
  o['aci-vrf-tenant'] = ctx.c.aci_config.vrf.tenant;
  if (!ctx.overlay) {
    o['service-vlan'] = ctx.c.net_config.service_vlan;
    o['kubeapi-vlan'] = ctx.c.net_config.kubeapi_vlan;
  }
  setIf(o, 'hpp-optimization', kube.hpp_optimization);
  setIf(o, 'disable-hpp-rendering', kube.disable_hpp_rendering);
  setIf(o, 'enable-hpp-direct', kube.enable_hpp_direct);
  setIf(o, 'proactive-conf', kube.proactive_conf);
  Object.assign(o, {
    'pod-subnet': ctx.c.net_config.pod_subnet,
    'node-subnet': ctx.c.net_config.node_subnet,
    'encap-type': ctx.c.node_config.encap_type,
    'aci-infra-vlan': ctx.c.net_config.infra_vlan,
  });
  setIf(o, 'interface-mtu', ctx.c.net_config.interface_mtu);
  setIf(o, 'interface-mtu-headroom', ctx.c.net_config.interface_mtu_headroom);
  o['cni-netconfig'] = kube.pod_network;
  o['default-endpoint-group'] = epgName(kube.default_endpoint_group);
  o['namespace-default-endpoint-group'] = namespaceEpgs(ctx);
  dropLogAndNodePodIf(ctx, o);
  setIf(o, 'taint-not-ready-node', kube.taint_not_ready_node);
  setIf(o, 'disable-opflex-resilient-hashing', kube.disable_opflex_resilient_hashing);
  if (truthy(ctx.c.sriov_config.enable)) {
    if (truthy(ctx.c.dpu_config.enable)) o['dpu-ovsdb-socket'] = ctx.c.dpu_ovsdb_socket;
    o['enable-ovs-hw-offload'] = true;
  } else o['enable-ovs-hw-offload'] = false;
  return o;
}

/** The OpFlex agent's local.conf, in the reference's fixed layout. */
export function opflexAgentConfigText(ctx: Ctx): string {
  const kube = ctx.c.kube_config;
  const timers: string[] = [];
  if (truthy(kube.opflex_agent_policy_retry_delay_timer))
    timers.push(`"policy-retry-delay" : ${pyDumps(kube.opflex_agent_policy_retry_delay_timer)}`);
  if (truthy(kube.opflex_agent_reset_wait_delay)) timers.push(`"reset-wait-delay" : ${pyDumps(kube.opflex_agent_reset_wait_delay)}`);
  timers.push(
    `"switch-sync-delay": ${pyDumps(kube.opflex_switch_sync_delay)}`,
    `"switch-sync-dynamic": ${pyDumps(kube.opflex_switch_sync_dynamic)}`,
  );
  const extra: string[] = [];
  if (truthy(kube.enable_hpp_direct)) extra.push(`,"enable-local-netpol": ${pyDumps(kube.enable_hpp_direct)}`);
  if (truthy(kube.epg_resolve_prioritize)) extra.push(`,"epg-resolve-prioritize": { "enabled": "${pyJson(kube.epg_resolve_prioritize)}" }`);
  if (!truthy(ctx.c.aci_config.client_ssl)) extra.push(',"ssl": { "mode": "disabled" }');
  if (truthy(kube.run_gbp_container) || kube.opflex_agent_statistics === false) extra.push(',"statistics" : { "mode" : "off" }');
  const lines = [
    '{',
    '    "log": {',
    `        "level": ${pyDumps(ctx.c.logging.opflexagent_log_level)}`,
    '    },',
    '    "opflex": {',
    '        "notif" : { "enabled" : "false" },',
    '        "startup": {',
    `                "enabled": ${pyDumps(kube.opflex_startup_enabled)},`,
    `                "policy-file": ${pyDumps(kube.opflex_startup_policy_file)},`,
    `                "policy-duration": ${pyDumps(kube.opflex_startup_policy_duration)},`,
    `                "resolve-aft-conn": ${pyDumps(kube.opflex_startup_resolve_aft_conn)}`,
    '        },',
    '        "timers" : {',
    timers.map((t) => `                ${t}`).join(',\n'),
    '        },',
    `        "asyncjson": { "enabled" : ${pyDumps(kube.opflex_agent_opflex_asyncjson_enabled)} },`,
    `        "force-ep-undeclares": { "enabled": "${pyJson(kube.force_ep_undeclares)}" }`,
    ...extra.map((e) => `        ${e}`),
    '    },',
    '    "ovs": {',
    `        "asyncjson": { "enabled" : ${pyDumps(kube.opflex_agent_ovs_asyncjson_enabled)} }`,
    '    },',
    '    "prometheus": {',
    `        "enabled": ${pyDumps(kube.opflex_agent_prometheus)}`,
    '    }',
    '}',
  ];
  return lines.join('\n');
}

function gbpServerConfigText(ctx: Ctx): string {
  const members: [string, unknown][] = [
    ['aci-policy-tenant', ctx.c.kube_config.default_endpoint_group.tenant],
    ['aci-vrf', ctx.c.aci_config.overlay_vrf],
    ['aci-vmm-domain', ctx.c.aci_config.vmm_domain.domain],
    ['pod-subnet', ctx.c.net_config.gbp_pod_subnet],
  ];
  const lines = members.map(([key, v]) => `      "${key}": ${pyDumps(v, 4).replace(/\n/g, '\n    ')}`);
  return `{\n${lines.join(',\n')}\n}`;
}

export function buildAciContainersConfig(ctx: Ctx): KubeObject {
  const data: Record<string, string> = {
    'controller-config': configText(controllerConfig(ctx), ['aep']),
    'host-agent-config': configText(hostAgentConfig(ctx)),
  };
  if (!ctx.dpu && ctx.fullCni) data['opflex-agent-config'] = opflexAgentConfigText(ctx);
  if (truthy(ctx.c.kube_config.run_gbp_container)) data['gbp-server-config'] = gbpServerConfigText(ctx);
  return configMap({ name: 'aci-containers-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() }, data);
}

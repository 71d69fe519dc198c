// aci-containers-config: the controller's, the host agent's and the OpFlex
// agent's configuration files, each a JSON document in the ConfigMap.
import { Ctx, Loose, pyJson, pyStr, truthy } from './context.js';
import { configMap } from './config-map.js';
import { configText, jinjaToJson, orderedObject, pre, pyDumps, type Preformatted } from './json-text.js';
import type { KubeObject } from './object.js';

type Json = Record<string, unknown>;

const epgFullName = (v: Loose) => `${pyStr(v.app_profile)}|${pyStr(v.group)}`;

/** An EPG reference: the tenant (policy space) and "app-profile|epg". */
function epgName(v: Loose): Preformatted {
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
  const m: Loose = ctx.get('kube_config.namespace_default_endpoint_group') ?? {};
  const items = Object.keys(m)
    .sort()
    .map(
      (ns) =>
        `        "${ns}": {\n            "policy-space": ${pyDumps(m[ns].tenant)},\n            "name": ${pyDumps(epgFullName(m[ns]))}\n        }`,
    );
  return pre(items.length ? `{\n${items.join(',\n')}        }` : '{\n    }');
}

/** Sets `key` when the Config value at `path` is set (truthy). */
function setIf(o: Json, ctx: Ctx, key: string, path: string): void {
  if (ctx.on(path)) o[key] = ctx.get(path);
}

function installerLbIp(ctx: Ctx, o: Json): void {
  if (!ctx.on('aci_config.vmm_domain.nested_inside.duplicate_file_router_default_svc')) return;
  const abi = ctx.get('agent_based_installer');
  if (abi === undefined || !truthy(abi?.enable ?? false)) {
    o['installer-provisioned-lb-ip'] = ctx.get('aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip');
  }
}

function apicAccess(ctx: Ctx, o: Json): void {
  if (ctx.on('aci_config.apic_refreshtime')) o['apic-refreshtime'] = pyJson(ctx.get('aci_config.apic_refreshtime'));
  setIf(o, ctx, 'apic-subscription-delay', 'aci_config.apic_subscription_delay');
  if (ctx.on('aci_config.apic_refreshticker_adjust'))
    o['apic-refreshticker-adjust'] = pyJson(ctx.get('aci_config.apic_refreshticker_adjust'));
  o['apic-username'] = ctx.get('aci_config.sync_login.username');
  o['apic-private-key-path'] = '/usr/local/etc/aci-cert/user.key';
  if (ctx.on('aci_config.apic_tls_cert')) o['apic-cert-path'] = '/usr/local/etc/apic-ca-cert/root_ca.pem';
}

function chainedControllerConfig(ctx: Ctx): Json {
  const o: Json = {
    flavor: ctx.flavor,
    'log-level': ctx.get('logging.controller_log_level'),
    'apic-hosts': ctx.get('aci_config.apic_hosts'),
    aep: ctx.get('aci_config.aep'),
  };
  if (ctx.chained) {
    o['aci-additional-aep'] = ctx.get('aci_config.secondary_aep');
    o['chained-mode'] = true;
    setIf(o, ctx, 'primary-cni-path', 'chained_cni_config.primary_cni_path');
    o['aci-use-global-scope-vlan'] = ctx.on('chained_cni_config.use_global_scope_vlan');
    o['aci-use-system-id-for-secondary-names'] = ctx.on('chained_cni_config.use_system_id_for_secondary_names');
  }
  setIf(o, ctx, 'unknown-mac-unicast-action', 'kube_config.unknown_mac_unicast_action');
  o['aci-phys-dom'] = ctx.get('aci_config.physical_domain.domain');
  apicAccess(ctx, o);
  o['aci-prefix'] = ctx.on('aci_config.tenant.name') ? ctx.get('aci_config.tenant.name') : ctx.get('aci_config.system_id');
  if (ctx.vmmDomain) {
    o['aci-vmm-type'] = ctx.get('aci_config.vmm_domain.type');
    o['aci-vmm-domain'] = ctx.get('aci_config.vmm_domain.domain');
    o['aci-vmm-controller'] = ctx.get('aci_config.vmm_domain.controller');
  }
  if (ctx.aaepMonitoring) {
    o['aci-aaep-monitoring-enabled'] = true;
    o['bridge-name'] = ctx.get('vmm_lite_config.bridge_name');
    setIf(o, ctx, 'cno-identifier', 'vmm_lite_config.cno_identifier');
    const nad = ctx.get('vmm_lite_config.bridge_nad_config');
    if (truthy(nad)) for (const [key, val] of Object.entries(nad)) o[key] = pre(jinjaToJson(val));
    setIf(o, ctx, 'kubeapi-vlan', 'vmm_lite_config.kubeapi_vlan');
  }
  o['aci-policy-tenant'] = ctx.get('kube_config.default_endpoint_group.tenant');
  setIf(o, ctx, 'hpp-optimization', 'kube_config.hpp_optimization');
  setIf(o, ctx, 'no-wait-for-service-ep-readiness', 'kube_config.no_wait_for_service_ep_readiness');
  setIf(o, ctx, 'service-graph-endpoint-add-delay', 'kube_config.service_graph_endpoint_add_delay');
  setIf(o, ctx, 'add-external-subnets-to-rdconfig', 'kube_config.add_external_subnets_to_rdconfig');
  Object.assign(o, {
    'aci-nodebd-dn': ctx.get('aci_config.node_bd_dn'),
    'aci-service-phys-dom': ctx.get('aci_config.physical_domain.domain'),
    'aci-service-encap': `vlan-${pyStr(ctx.get('net_config.service_vlan'))}`,
    'aci-pbr-tracking-non-snat': ctx.get('net_config.pbr_tracking_non_snat'),
    'aci-vrf-tenant': ctx.get('aci_config.vrf.tenant'),
    'aci-vrf-dn': ctx.get('aci_config.vrf.dn'),
    'aci-vrf': ctx.get('aci_config.vrf.name'),
    'aci-l3out': ctx.get('aci_config.l3out.name'),
    'aci-ext-networks': ctx.get('aci_config.l3out.external_networks'),
  });
  return o;
}

export function controllerConfig(ctx: Ctx): Json {
  if (!ctx.fullCni) return chainedControllerConfig(ctx);
  const k = 'kube_config';
  const o: Json = {
    flavor: ctx.flavor,
    'log-level': ctx.get('logging.controller_log_level'),
    'apic-hosts': ctx.get('aci_config.apic_hosts'),
    aep: ctx.get('aci_config.aep'),
  };
  setIf(o, ctx, 'aci-multipod', `${k}.aci_multipod`);
  o['apic-request-retry-delay-base'] = ctx.get(`${k}.apic_request_retry_delay_base`);
  o['enable-apic-request-retry-delay'] = ctx.get(`${k}.enable_apic_request_retry_delay`);
  setIf(o, ctx, 'unknown-mac-unicast-action', `${k}.unknown_mac_unicast_action`);
  setIf(o, ctx, 'enable-opflex-agent-reconnect', `${k}.enable_opflex_agent_reconnect`);
  setIf(o, ctx, 'opflex-device-reconnect-wait-timeout', `${k}.opflex_device_reconnect_wait_timeout`);
  if (!ctx.overlay) {
    apicAccess(ctx, o);
    Object.assign(o, {
      'aci-prefix': ctx.get('aci_config.system_id'),
      'aci-vmm-type': ctx.get('aci_config.vmm_domain.type'),
      'aci-vmm-domain': ctx.get('aci_config.vmm_domain.domain'),
      'aci-vmm-controller': ctx.get('aci_config.vmm_domain.controller'),
      'aci-policy-tenant': ctx.get(`${k}.default_endpoint_group.tenant`),
    });
  }
  for (const [key, path] of [
    ['hpp-optimization', `${k}.hpp_optimization`],
    ['disable-hpp-rendering', `${k}.disable_hpp_rendering`],
    ['enable-hpp-direct', `${k}.enable_hpp_direct`],
    ['no-wait-for-service-ep-readiness', `${k}.no_wait_for_service_ep_readiness`],
    ['service-graph-endpoint-add-delay', `${k}.service_graph_endpoint_add_delay`],
    ['add-external-subnets-to-rdconfig', `${k}.add_external_subnets_to_rdconfig`],
    ['disable-periodic-snat-global-info-sync', `${k}.snat_operator.disable_periodic_snat_global_info_sync`],
    ['opflex-device-delete-timeout', 'aci_config.opflex_device_delete_timeout'],
    ['sleep-time-snat-global-info-sync', `${k}.snat_operator.sleep_time_snat_global_info_sync`],
    ['node-snat-redirect-exclude', `${k}.node_snat_redirect_exclude`],
    ['apic-connection-retry-limit', `${k}.apic_connection_retry_limit`],
    ['disable-service-vlan-preprovisioning', `${k}.disable_service_vlan_preprovisioning`],
    ['proactive-conf', `${k}.proactive_conf`],
    ['disable-resilient-hashing', `${k}.disable_resilient_hashing`],
  ] as const)
    setIf(o, ctx, key, path);
  o['filter-opflex-device'] = ctx.get(`${k}.filter_opflex_device`);
  if (!ctx.overlay) {
    Object.assign(o, {
      'aci-podbd-dn': ctx.get('aci_config.pod_bd_dn'),
      'aci-nodebd-dn': ctx.get('aci_config.node_bd_dn'),
      'aci-service-phys-dom': ctx.get('aci_config.physical_domain.domain'),
      'aci-service-encap': `vlan-${pyStr(ctx.get('net_config.service_vlan'))}`,
      'aci-service-monitor-interval': ctx.get('net_config.service_monitor_interval'),
      'aci-pbr-tracking-non-snat': ctx.get('net_config.pbr_tracking_non_snat'),
    });
  }
  o['aci-vrf-tenant'] = ctx.get('aci_config.vrf.tenant');
  if (!ctx.overlay) {
    o['aci-vrf-dn'] = ctx.get('aci_config.vrf.dn');
    o['aci-l3out'] = ctx.get('aci_config.l3out.name');
    o['aci-ext-networks'] = ctx.get('aci_config.l3out.external_networks');
  }
  o['aci-vrf'] = ctx.overlay ? ctx.get('aci_config.overlay_vrf') : ctx.get('aci_config.vrf.name');
  o['app-profile'] = ctx.get(`${k}.default_endpoint_group.app_profile`);
  setIf(o, ctx, 'add-external-contract-to-default-epg', `${k}.add_external_contract_to_default_epg`);
  o['default-endpoint-group'] = epgName(ctx.get(`${k}.default_endpoint_group`));
  if (!ctx.overlay) o['max-nodes-svc-graph'] = ctx.get(`${k}.max_nodes_svc_graph`);
  o['namespace-default-endpoint-group'] = namespaceEpgs(ctx);
  o['service-ip-pool'] = ctx.get(`${k}.service_ip_pool`);
  if (ctx.on('user_config.net_config.extern_static')) o['extern-static'] = pre(jinjaToJson(ctx.get('net_config.extern_static')));
  if (ctx.on('user_config.net_config.extern_dynamic'))
    o['extern-dynamic'] = pre(jinjaToJson(ctx.get('user_config.net_config.extern_dynamic')));
  o['snat-contract-scope'] = ctx.get(`${k}.snat_operator.contract_scope`);
  o['static-service-ip-pool'] = ctx.get(`${k}.static_service_ip_pool`);
  if (ctx.on(`${k}.use_external_service_ip_allocator`)) o['allocate-service-ips'] = false;
  setIf(o, ctx, 'taint-not-ready-node', `${k}.taint_not_ready_node`);
  if (ctx.on(`${k}.enable_endpointslice`)) o['enable_endpointslice'] = true;
  setIf(o, ctx, 'leaf-reboot-check-interval', `${k}.leaf_reboot_check_interval`);
  Object.assign(o, {
    'pod-ip-pool': ctx.get(`${k}.pod_ip_pool`),
    'pod-subnet': ctx.get('net_config.pod_subnet'),
    'pod-subnet-chunk-size': ctx.get('net_config.pod_subnet_chunk_size'),
    'node-service-ip-pool': ctx.get(`${k}.node_service_ip_pool`),
    'node-service-subnets': ctx.get(`${k}.node_service_gw_subnets`),
  });
  return o;
}

function dropLogAndNodePodIf(ctx: Ctx, o: Json): void {
  o['enable-drop-log'] = ctx.on('drop_log_config.enable');
  if (ctx.on('drop_log_config.disable_events')) o['packet-event-notification-socket'] = '';
  o['enable-nodepodif'] = ctx.on('nodepodif_config.enable');
}

function chainedHostAgentConfig(ctx: Ctx): Json {
  const o: Json = {
    flavor: ctx.flavor,
    'app-profile': ctx.get('kube_config.default_endpoint_group.app_profile'),
    'chained-mode': true,
  };
  if (ctx.on('chained_cni_config.primary_interface_chaining')) o['enable-chained-primary'] = true;
  if (ctx.on('chained_cni_config.secondary_interface_chaining')) o['enable-chained-secondary'] = true;
  setIf(o, ctx, 'primary-cni-path', 'chained_cni_config.primary_cni_path');
  if (ctx.on('kube_config.use_aci_anywhere_crd')) o['ep-registry'] = ctx.get('kube_config.ep_registry');
  setIf(o, ctx, 'dhcp-renew-max-retry-count', 'kube_config.dhcp_renew_max_retry_count');
  o['log-level'] = ctx.get('logging.hostagent_log_level');
  if (ctx.vmmDomain) {
    o['aci-vmm-type'] = ctx.get('aci_config.vmm_domain.type');
    o['aci-vmm-domain'] = ctx.get('aci_config.vmm_domain.domain');
    o['aci-vmm-controller'] = ctx.get('aci_config.vmm_domain.controller');
    installerLbIp(ctx, o);
  }
  Object.assign(o, {
    'aci-vrf': ctx.get('aci_config.vrf.name'),
    'aci-vrf-tenant': ctx.get('aci_config.vrf.tenant'),
    'aci-prefix': ctx.get('aci_config.system_id'),
    'kubeapi-vlan': ctx.get('net_config.kubeapi_vlan'),
    'node-subnet': ctx.get('net_config.node_subnet'),
  });
  setIf(o, ctx, 'interface-mtu', 'net_config.interface_mtu');
  setIf(o, ctx, 'interface-mtu-headroom', 'net_config.interface_mtu_headroom');
  o['aci-use-global-scope-vlan'] = ctx.on('chained_cni_config.use_global_scope_vlan');
  dropLogAndNodePodIf(ctx, o);
  return o;
}

export function hostAgentConfig(ctx: Ctx): Json {
  if (!ctx.fullCni) return chainedHostAgentConfig(ctx);
  const k = 'kube_config';
  const o: Json = { flavor: ctx.flavor, 'app-profile': ctx.get(`${k}.default_endpoint_group.app_profile`) };
  if (ctx.on(`${k}.use_aci_anywhere_crd`)) o['ep-registry'] = ctx.get(`${k}.ep_registry`);
  setIf(o, ctx, 'aci-multipod', `${k}.aci_multipod`);
  setIf(o, ctx, 'dhcp-renew-max-retry-count', `${k}.dhcp_renew_max_retry_count`);
  setIf(o, ctx, 'dhcp-delay', `${k}.dhcp_delay`);
  setIf(o, ctx, 'epg-resolve-prioritize', `${k}.epg_resolve_prioritize`);
  o['opflex-mode'] = ctx.get(`${k}.opflex_mode`) ?? null;
  setIf(o, ctx, 'enable-opflex-agent-reconnect', `${k}.enable_opflex_agent_reconnect`);
  o['log-level'] = ctx.get('logging.hostagent_log_level');
  o['aci-snat-namespace'] = pyStr(ctx.get(`${k}.snat_operator.snat_namespace`));
  if (!ctx.overlay) {
    o['aci-vmm-type'] = ctx.get('aci_config.vmm_domain.type');
    o['aci-vmm-domain'] = ctx.get('aci_config.vmm_domain.domain');
    o['aci-vmm-controller'] = ctx.get('aci_config.vmm_domain.controller');
  }
  installerLbIp(ctx, o);
  o['aci-prefix'] = ctx.get('aci_config.system_id');
  o['aci-vrf'] = ctx.overlay ? ctx.get('aci_config.overlay_vrf') : ctx.get('aci_config.vrf.name');
  o['aci-vrf-tenant'] = ctx.get('aci_config.vrf.tenant');
  if (!ctx.overlay) {
    o['service-vlan'] = ctx.get('net_config.service_vlan');
    o['kubeapi-vlan'] = ctx.get('net_config.kubeapi_vlan');
  }
  setIf(o, ctx, 'hpp-optimization', `${k}.hpp_optimization`);
  setIf(o, ctx, 'disable-hpp-rendering', `${k}.disable_hpp_rendering`);
  setIf(o, ctx, 'enable-hpp-direct', `${k}.enable_hpp_direct`);
  setIf(o, ctx, 'proactive-conf', `${k}.proactive_conf`);
  Object.assign(o, {
    'pod-subnet': ctx.get('net_config.pod_subnet'),
    'node-subnet': ctx.get('net_config.node_subnet'),
    'encap-type': ctx.get('node_config.encap_type'),
    'aci-infra-vlan': ctx.get('net_config.infra_vlan'),
  });
  setIf(o, ctx, 'interface-mtu', 'net_config.interface_mtu');
  setIf(o, ctx, 'interface-mtu-headroom', 'net_config.interface_mtu_headroom');
  o['cni-netconfig'] = ctx.get(`${k}.pod_network`);
  o['default-endpoint-group'] = epgName(ctx.get(`${k}.default_endpoint_group`));
  o['namespace-default-endpoint-group'] = namespaceEpgs(ctx);
  dropLogAndNodePodIf(ctx, o);
  setIf(o, ctx, 'taint-not-ready-node', `${k}.taint_not_ready_node`);
  setIf(o, ctx, 'disable-opflex-resilient-hashing', `${k}.disable_opflex_resilient_hashing`);
  if (ctx.on('sriov_config.enable')) {
    if (ctx.on('dpu_config.enable')) o['dpu-ovsdb-socket'] = ctx.get('dpu_ovsdb_socket');
    o['enable-ovs-hw-offload'] = true;
  } else o['enable-ovs-hw-offload'] = false;
  return o;
}

/** The OpFlex agent's local.conf, in the reference's fixed layout. */
export function opflexAgentConfigText(ctx: Ctx): string {
  const k = (p: string) => ctx.get(`kube_config.${p}`);
  const on = (p: string) => ctx.on(`kube_config.${p}`);
  const timers: string[] = [];
  if (on('opflex_agent_policy_retry_delay_timer'))
    timers.push(`"policy-retry-delay" : ${pyDumps(k('opflex_agent_policy_retry_delay_timer'))}`);
  if (on('opflex_agent_reset_wait_delay')) timers.push(`"reset-wait-delay" : ${pyDumps(k('opflex_agent_reset_wait_delay'))}`);
  timers.push(
    `"switch-sync-delay": ${pyDumps(k('opflex_switch_sync_delay'))}`,
    `"switch-sync-dynamic": ${pyDumps(k('opflex_switch_sync_dynamic'))}`,
  );
  const extra: string[] = [];
  if (on('enable_hpp_direct')) extra.push(`,"enable-local-netpol": ${pyDumps(k('enable_hpp_direct'))}`);
  if (on('epg_resolve_prioritize')) extra.push(`,"epg-resolve-prioritize": { "enabled": "${pyJson(k('epg_resolve_prioritize'))}" }`);
  if (!ctx.on('aci_config.client_ssl')) extra.push(',"ssl": { "mode": "disabled" }');
  if (on('run_gbp_container') || k('opflex_agent_statistics') === false) extra.push(',"statistics" : { "mode" : "off" }');
  const lines = [
    '{',
    '    "log": {',
    `        "level": ${pyDumps(ctx.get('logging.opflexagent_log_level'))}`,
    '    },',
    '    "opflex": {',
    '        "notif" : { "enabled" : "false" },',
    '        "startup": {',
    `                "enabled": ${pyDumps(k('opflex_startup_enabled'))},`,
    `                "policy-file": ${pyDumps(k('opflex_startup_policy_file'))},`,
    `                "policy-duration": ${pyDumps(k('opflex_startup_policy_duration'))},`,
    `                "resolve-aft-conn": ${pyDumps(k('opflex_startup_resolve_aft_conn'))}`,
    '        },',
    '        "timers" : {',
    timers.map((t) => `                ${t}`).join(',\n'),
    '        },',
    `        "asyncjson": { "enabled" : ${pyDumps(k('opflex_agent_opflex_asyncjson_enabled'))} },`,
    `        "force-ep-undeclares": { "enabled": "${pyJson(k('force_ep_undeclares'))}" }`,
    ...extra.map((e) => `        ${e}`),
    '    },',
    '    "ovs": {',
    `        "asyncjson": { "enabled" : ${pyDumps(k('opflex_agent_ovs_asyncjson_enabled'))} }`,
    '    },',
    '    "prometheus": {',
    `        "enabled": ${pyDumps(k('opflex_agent_prometheus'))}`,
    '    }',
    '}',
  ];
  return lines.join('\n');
}

function gbpServerConfigText(ctx: Ctx): string {
  const members: [string, unknown][] = [
    ['aci-policy-tenant', ctx.get('kube_config.default_endpoint_group.tenant')],
    ['aci-vrf', ctx.get('aci_config.overlay_vrf')],
    ['aci-vmm-domain', ctx.get('aci_config.vmm_domain.domain')],
    ['pod-subnet', ctx.get('net_config.gbp_pod_subnet')],
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
  if (ctx.on('kube_config.run_gbp_container')) data['gbp-server-config'] = gbpServerConfigText(ctx);
  return configMap({ name: 'aci-containers-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() }, data);
}

// The input schema of every flavor: every key a user may write, its
// type, its enumeration or range, and its default (the Python tool's
// defaults, value for value). The defaults tree the loader merges under the
// user's file is derived from this schema, so the two cannot drift apart.
// Built on first use with zod's v3 API (`zod/v3`, shipped in the same zod
// package): it loads in a quarter of the time of zod 4's, and a command-line
// run pays that load on every invocation.
import type { z as Z } from 'zod/v3';
import { zodLibrary } from './lazy.js';

type ZodNs = typeof Z;

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'panic'] as const;
export const ENCAP_TYPES = ['vxlan', 'vlan'] as const;
export const IMAGE_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
export const CONTRACT_SCOPES = ['global', 'tenant', 'context'] as const;
export const ISTIO_PROFILES = ['demo', 'default', 'minimal', 'sds', 'remote'] as const;
export const OPFLEX_MODES = ['physical', 'dpu', 'overlay'] as const;
export const UNKNOWN_MAC_UNICAST_ACTIONS = ['proxy', 'flood'] as const;

/** Image version keys of `registry` (the release table fills those not given). */
export const IMAGE_VERSION_KEYS = [
  'cnideploy_version',
  'aci_containers_host_version',
  'opflex_agent_version',
  'aci_containers_controller_version',
  'aci_containers_operator_version',
  'openvswitch_version',
  'aci_containers_webhook_version',
  'aci_containers_certmanager_version',
  'aci_containers_host_ovscni_version',
] as const;

/** What a number key accepts, for the configuration reference. */
export interface NumberRange {
  integer: boolean;
  min?: number;
  max?: number;
}

// The range of each number schema, keyed by the schema (its checks live in a closure).
const numberRanges = new WeakMap<object, NumberRange>();

/** The range a number schema enforces, or undefined for other schemas. */
export function numberRange(schema: unknown): NumberRange | undefined {
  return typeof schema === 'object' && schema !== null ? numberRanges.get(schema) : undefined;
}

// zod 4's type names in its "expected X, received Y" message.
function receivedName(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
    if (proto !== Object.prototype && proto?.constructor?.name) return proto.constructor.name;
  }
  return typeof v;
}

function build(z: ZodNs) {
  // Problems read the same as with the zod 4 schema this replaced: a failed
  // type or integer check stops there (one problem, and a union tries its
  // other members), a failed range check does not (both bounds, the safe
  // integer range, are reported).
  const number = (rule: string, range: NumberRange) => {
    const n = z.number({ message: rule }).superRefine((v, ctx) => {
      if (!Number.isFinite(v) || (range.integer && !Number.isInteger(v))) {
        ctx.addIssue({ code: 'custom', message: rule, fatal: true });
        return;
      }
      if (range.integer && !Number.isSafeInteger(v)) ctx.addIssue({ code: 'custom', message: rule });
      if (range.min !== undefined && v < range.min) ctx.addIssue({ code: 'custom', message: rule });
      if (range.max !== undefined && v > range.max) ctx.addIssue({ code: 'custom', message: rule });
    });
    numberRanges.set(n, range);
    return n;
  };
  const only = (message: string) => ({ errorMap: () => ({ message }) });
  // zod schemas are immutable: keys of the same type share one leaf schema,
  // which halves the objects built (and the time to build them) on every run.
  const leaves = new Map<string, unknown>();
  const shared = <T>(key: string, make: () => T): T => {
    if (!leaves.has(key)) leaves.set(key, make());
    return leaves.get(key) as T;
  };
  const str = () => shared('string', () => z.string({ message: 'must be a string' }));
  const bool = () => shared('boolean', () => z.boolean({ message: 'must be true or false' }));
  const int = () => shared('integer', () => number('must be an integer', { integer: true }));
  const intIn = (min: number, max?: number) =>
    shared(`integer ${min} ${max}`, () => {
      const rule = max === undefined ? `must be an integer >= ${min}` : `must be an integer from ${min} to ${max}`;
      return number(rule, max === undefined ? { integer: true, min } : { integer: true, min, max });
    });
  const anyNumber = () => shared('number', () => number('must be a number', { integer: false }));
  const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
    shared(`enum ${values.join(' ')}`, () => z.enum(values, { message: `must be one of: ${values.join(', ')}` }));
  const strList = () => shared('strings', () => z.array(str(), { message: 'must be a list of strings' }));
  // The Python tool accepts one subnet or a list of subnets and turns the former into a list.
  const subnets = () =>
    shared('subnets', () => z.union([str(), strList()], only('must be a subnet (like 10.1.0.1/16) or a list of subnets')));
  // Values the manifest prints as text ("true"/"false"); YAML booleans are accepted too.
  const flag = () => shared('flag', () => z.union([str(), bool()], only('must be "true" or "false"')));
  const vlan = () => intIn(1, 4094);
  const memory = () => optStr();
  // The most frequent leaves with their modifiers, shared as well.
  function optStr() {
    return shared('string?', () => str().optional());
  }
  const strOrNull = () => shared('string|null=null', () => str().nullable().default(null));
  const optBool = () => shared('boolean?', () => bool().optional());
  const boolOr = (value: boolean) => shared(`boolean=${value}`, () => bool().default(value));
  const mapping = { message: 'must be a mapping of keys to values' };
  const looseObject = <T extends Z.ZodRawShape>(shape: T) => z.object(shape, mapping).passthrough();
  // A v3 default is parsed by the inner schema: an absent section gets its keys' defaults.
  const section = <T extends Z.ZodRawShape>(shape: T) => looseObject(shape).default({} as never);
  const optionalSection = <T extends Z.ZodRawShape>(shape: T) => looseObject(shape).optional();
  const epgRef = () => looseObject({ tenant: str(), app_profile: str(), group: str() });
  const record = <T extends Z.ZodTypeAny>(value: T) =>
    z.record(z.string(), value, {
      errorMap: (issue, ctx) =>
        issue.code === 'invalid_type'
          ? { message: `Invalid input: expected record, received ${receivedName(ctx.data)}` }
          : { message: ctx.defaultError },
    });

  // ---- OpenShift family: keys the OpenShift flavors set (their profiles) or read.
  const port = () => shared('port', () => z.union([int(), str()], only('must be a port number or name (like 443 or https)')));
  const portPair = () => shared('ports', () => z.array(port(), { message: 'must be [FROM, TO] ports' }));
  const filterEntry = { name: str(), etherT: str(), prot: str(), stateful: str() };
  const OPENSHIFT_ACI_KEYS = {
    items: z
      .array(
        looseObject({
          ...filterEntry,
          range: z.array(portPair(), { message: 'must be a list of [FROM, TO] ports' }),
          consumed: strList().optional(),
          provided: strList().optional(),
        }),
        { message: 'must be a list of contracts {name, range, etherT, prot, stateful, consumed, provided}' },
      )
      .optional(),
    kube_api_entries: z
      .array(looseObject({ ...filterEntry, range: portPair() }), { message: 'must be a list of filter entries' })
      .optional(),
    dns_entries: z.array(looseObject({ ...filterEntry, range: portPair() }), { message: 'must be a list of filter entries' }).optional(),
  };
  const OPENSHIFT_KUBE_KEYS = {
    use_acicni_priority_class: optBool(),
    use_openshift_run_level: optBool(),
    use_cnideploy_initcontainer: optBool(),
    use_openshift_security_context_constraints_agent_based_baremetal: optBool(),
    openshift_security_constraint_operator_serviceaccount: optBool(),
  };
  const OPENSHIFT_TOP_KEYS = {
    agent_based_installer: optionalSection({ enable: optBool() }),
  };
  // ---- end of the OpenShift family's keys
  // --- BEGIN families keys (issue 16: RKE, RKE2, Docker UCP, Calico) --------
  const portItem = () =>
    looseObject({
      name: str(),
      range: z.array(intIn(0, 65535), { message: 'must be [from, to] port numbers' }),
      etherT: str(),
      prot: str(),
      stateful: str(),
    });
  const familyAciKeys = {
    items: z.array(portItem(), { message: 'must be a list of {name, range, etherT, prot, stateful}' }).optional(),
  };
  const familyClusterL3outKeys = { aep: optStr(), vrf: optionalSection({ name: optStr(), tenant: optStr() }) };
  const familySviKeys = { floating_ip: optStr(), secondary_ip: optStr(), vlan_id: vlan().optional() };
  const familyBgpKeys = { secret: optStr() };
  const familyPeeringKeys = { aci_as_number: intIn(1, 4294967295).optional() };
  const familyKubeKeys = {
    use_acicni_priority_class: optBool(),
    enable_endpointslice: optBool(),
    apic_request_retry_delay: intIn(0).optional(),
  };
  const familyTopKeys = {
    rke_config: optionalSection({
      contracts: z
        .array(looseObject({ name: str(), provided: strList(), consumed: strList(), filter: str() }), {
          message: 'must be a list of {name, provided, consumed, filter}',
        })
        .optional(),
      filters: z
        .array(looseObject({ name: str(), items: z.array(portItem(), { message: 'must be a list of ports' }) }), {
          message: 'must be a list of {name, items}',
        })
        .optional(),
    }),
  };
  // --- END families keys -------------------------------------------------
  // aci_config.items: OpenShift's contracts (range: a list of [FROM, TO]) and the
  // RKE family's ports (range: [FROM, TO]), one key for both shapes.
  const ITEMS_KEY = {
    items: z
      .array(
        looseObject({
          ...filterEntry,
          range: z.union([z.array(portPair()), z.array(intIn(0, 65535))], only('must be [FROM, TO] ports, or a list of them')),
          consumed: strList().optional(),
          provided: strList().optional(),
        }),
        { message: 'must be a list of {name, range, etherT, prot, stateful, consumed, provided}' },
      )
      .optional(),
  };

  const aci_config = section({
    system_id: strOrNull(),
    apic_hosts: strList().optional(),
    apic_login: optionalSection({
      username: optStr(),
      password: str().nullable().optional(),
      timeout: int().nullable().optional(),
    }),
    apic_proxy: str().nullable().optional(),
    apic_oobm_ip: optStr(),
    apic_version: z.union([str(), anyNumber()], only('must be a version like "5.2"')).default('1.0'),
    apic_tls_cert: strOrNull(),
    apic_refreshtime: intIn(0, 12 * 60 * 60)
      .nullable()
      .optional(),
    apic_refreshticker_adjust: intIn(1, 65535).nullable().default(null),
    apic_subscription_delay: intIn(1, 65535).nullable().default(null),
    opflex_device_delete_timeout: intIn(1, 65535).nullable().default(null),
    tenant: section({ name: strOrNull() }),
    use_pre_existing_tenant: boolOr(false),
    use_legacy_kube_naming_convention: boolOr(false),
    aep: strOrNull(),
    // Chained CNI: the AEP of the nodes' secondary interfaces.
    secondary_aep: optStr(),
    vrf: section({ name: strOrNull(), tenant: strOrNull() }),
    l3out: section({
      name: strOrNull(),
      external_networks: strList().nullable().default(null),
    }),
    cluster_l3out: section({
      name: strOrNull(),
      ...familyClusterL3outKeys,
      svi: section({ type: str().default('floating'), mtu: intIn(576, 9216).default(9000), ...familySviKeys }),
      bgp: section({
        ...familyBgpKeys,
        peering: section({ prefixes: int().default(500), remote_as_number: int().default(64512), ...familyPeeringKeys }),
      }),
    }),
    vmm_domain: section({
      type: str().default('Kubernetes'),
      encap_type: oneOf(ENCAP_TYPES).default('vxlan'),
      mcast_fabric: str().default('225.1.2.3'),
      mcast_range: section({ start: str().default('225.20.1.1'), end: str().default('225.20.255.255') }),
      vlan_range: optionalSection({ start: vlan().nullable().optional(), end: vlan().nullable().optional() }),
      nested_inside: section({
        portgroup: strOrNull(),
        elag_name: strOrNull(),
        duplicate_file_router_default_svc: boolOr(false),
        type: optStr(),
        name: optStr(),
        vlan_pool: optStr(),
        installer_provisioned_lb_ip: optStr(),
      }),
      domain: optStr(),
      controller: optStr(),
      injected_cluster_type: optStr(),
      injected_cluster_provider: optStr(),
    }),
    physical_domain: optionalSection({ domain: optStr(), vlan_pool: optStr() }),
    sync_login: optionalSection({
      username: optStr(),
      password: optStr(),
      certfile: optStr(),
      keyfile: optStr(),
    }),
    custom_epgs: strList().optional(),
    cluster_tenant: optStr(),
    client_cert: boolOr(false),
    client_ssl: boolOr(true),
    kube_default_provide_kube_api: boolOr(false),
    no_physdom_for_node_epg: boolOr(false),
    disable_node_subnet_creation: boolOr(false),
    preexisting_kube_bd: strOrNull(),
    dhcp_relay_label: optStr(),
    ...OPENSHIFT_ACI_KEYS,
    ...familyAciKeys,
    ...ITEMS_KEY,
  });

  const net_config = section({
    node_subnet: subnets().nullable().default(null),
    pod_subnet: subnets().nullable().default(null),
    pod_subnet_chunk_size: intIn(1).default(32),
    extern_dynamic: subnets().nullable().default(null),
    extern_static: subnets().nullable().default(null),
    node_svc_subnet: strOrNull(),
    kubeapi_vlan: vlan().nullable().default(null),
    service_vlan: vlan().nullable().default(null),
    infra_vlan: vlan().nullable().optional(),
    service_monitor_interval: intIn(0, 65535).default(5),
    pbr_tracking_non_snat: boolOr(false),
    interface_mtu: intIn(1280, 8900).nullable().default(null),
    interface_mtu_headroom: intIn(50).nullable().default(null),
    second_kubeapi_portgroup: boolOr(false),
    disable_wait_for_network: boolOr(false),
    duration_wait_for_network: intIn(0).default(210),
    kubeapi_vlan_mode: str().default('regular'),
    cluster_svc_subnet: strOrNull(),
    advertise_cluster_svc_subnet: boolOr(false),
    opflex_server_port: int().optional(),
  });

  const kube_config = section({
    controller: str().default('1.1.1.1'),
    use_rbac_api: str().default('rbac.authorization.k8s.io/v1'),
    use_apps_api: str().default('apps/v1'),
    use_apps_apigroup: str().default('apps'),
    host_agent_openshift_resource: boolOr(false),
    use_netpol_apigroup: str().default('networking.k8s.io'),
    use_cluster_role: boolOr(true),
    no_wait_for_service_ep_readiness: boolOr(false),
    add_external_subnets_to_rdconfig: boolOr(false),
    image_pull_policy: oneOf(IMAGE_PULL_POLICIES).default('Always'),
    kubectl: str().default('kubectl'),
    system_namespace: str().default('aci-containers-system'),
    ovs_memory_request: str().default('128Mi'),
    ovs_memory_limit: str().default('1Gi'),
    aci_containers_memory_request: str().default('128Mi'),
    aci_containers_memory_limit: str().default('3Gi'),
    reboot_opflex_with_ovs: flag().default('true'),
    snat_operator: section({
      name: str().default('snat-operator'),
      watch_namespace: str().default(''),
      globalinfo_name: str().default('snatglobalinfo'),
      rdconfig_name: str().default('routingdomain-config'),
      port_range: section({
        start: intIn(1, 65535).default(5000),
        end: intIn(1, 65535).default(65000),
        ports_per_node: intIn(1, 65535).default(3000),
      }),
      snat_namespace: str().default('aci-containers-system'),
      contract_scope: oneOf(CONTRACT_SCOPES).default('global'),
      disable_periodic_snat_global_info_sync: boolOr(false),
      sleep_time_snat_global_info_sync: intIn(1, 300).nullable().default(null),
    }),
    max_nodes_svc_graph: intIn(1, 64).default(32),
    opflex_mode: z
      .union([oneOf(OPFLEX_MODES), z.literal('')], only(`must be one of: ${OPFLEX_MODES.join(', ')}`))
      .nullable()
      .default(null),
    opflex_agent_prometheus: flag().default('false'),
    host_agent_cni_bin_path: str().default('/opt'),
    host_agent_cni_conf_path: str().default('/etc'),
    generate_installer_files: boolOr(false),
    generate_cnet_file: boolOr(false),
    generate_apic_file: boolOr(false),
    use_host_netns_volume: boolOr(false),
    opflex_startup_enabled: boolOr(false),
    opflex_startup_policy_file: str().default('/usr/local/var/lib/opflex-agent-ovs/startup/pol.json'),
    opflex_startup_policy_duration: intIn(0).default(60),
    opflex_startup_resolve_aft_conn: boolOr(false),
    opflex_switch_sync_delay: intIn(0).default(5),
    opflex_switch_sync_dynamic: intIn(0).default(10),
    opflex_agent_opflex_asyncjson_enabled: flag().default('false'),
    opflex_agent_ovs_asyncjson_enabled: flag().default('false'),
    acicni_priority_class_value: int().default(1000000000),
    // Optional tunables: absent unless written (the manifest applies its own default).
    allow_kube_api_default_epg: optBool(),
    allow_pods_external_access: optBool(),
    allow_pods_kube_api_access: optBool(),
    use_ds_rolling_update: optBool(),
    no_priority_class: optBool(),
    enable_apic_request_retry_delay: optBool(),
    apic_request_retry_delay_base: intIn(1).optional(),
    epg_resolve_prioritize: optBool(),
    force_ep_undeclares: optBool(),
    filter_opflex_device: optBool(),
    aci_multipod: optBool(),
    aci_multipod_ubuntu: optBool(),
    opflex_device_reconnect_wait_timeout: intIn(0).optional(),
    dhcp_renew_max_retry_count: intIn(0).optional(),
    dhcp_delay: intIn(0).optional(),
    hpp_optimization: optBool(),
    disable_hpp_rendering: optBool(),
    service_graph_endpoint_add_delay: optionalSection({
      delay: intIn(0).optional(),
      services: z
        .array(looseObject({ name: str(), namespace: str(), delay: intIn(0).optional() }), {
          message: 'must be a list of {name, namespace, delay}',
        })
        .optional(),
    }),
    node_snat_redirect_exclude: z
      .array(looseObject({ group: str(), labels: strList() }), { message: 'must be a list of {group, labels}' })
      .optional(),
    opflex_agent_policy_retry_delay_timer: intIn(1).optional(),
    use_system_node_priority_class: optBool(),
    aci_containers_controller_memory_request: memory(),
    aci_containers_controller_memory_limit: memory(),
    aci_containers_host_memory_request: memory(),
    aci_containers_host_memory_limit: memory(),
    mcast_daemon_memory_request: memory(),
    mcast_daemon_memory_limit: memory(),
    opflex_agent_memory_request: memory(),
    opflex_agent_memory_limit: memory(),
    acc_provision_operator_memory_request: memory(),
    acc_provision_operator_memory_limit: memory(),
    aci_containers_operator_memory_request: memory(),
    aci_containers_operator_memory_limit: memory(),
    toleration_seconds: intIn(0).optional(),
    opflex_openssl_compat: optBool(),
    enable_opflex_agent_reconnect: optBool(),
    opflex_agent_statistics: optBool(),
    add_external_contract_to_default_epg: optBool(),
    apic_connection_retry_limit: intIn(1).optional(),
    taint_not_ready_node: optBool(),
    enable_hpp_direct: optBool(),
    unknown_mac_unicast_action: oneOf(UNKNOWN_MAC_UNICAST_ACTIONS).optional(),
    opflex_agent_reset_wait_delay: intIn(0).optional(),
    disable_service_vlan_preprovisioning: optBool(),
    proactive_conf: optBool(),
    disable_resilient_hashing: optBool(),
    disable_opflex_resilient_hashing: optBool(),
    leaf_reboot_check_interval: intIn(1).optional(),
    use_external_service_ip_allocator: optBool(),
    use_privileged_containers: optBool(),
    use_openshift_security_context_constraints: optBool(),
    default_endpoint_group: epgRef().optional(),
    namespace_default_endpoint_group: record(epgRef()).optional(),
    ...OPENSHIFT_KUBE_KEYS,
    ...familyKubeKeys,
  });

  const imageVersions = Object.fromEntries(IMAGE_VERSION_KEYS.map((k) => [k, optStr()])) as Record<
    (typeof IMAGE_VERSION_KEYS)[number],
    ReturnType<typeof optStr>
  >;
  const registryShape = {
    image_prefix: str().default('noiro'),
    aci_cni_operator_version: strOrNull(),
    image_pull_secret: optStr(),
    use_digest: optBool(),
    version: z.union([anyNumber(), str()], only('must be a release number like 6.1')).optional(),
    acc_provision_operator_version: optStr(),
    opflex_server_version: optStr(),
    gbp_version: optStr(),
    snat_operator_version: optStr(),
    dpu_init_version: optStr(),
    dpu_control_server: optStr(),
    ...imageVersions,
  };

  return looseObject({
    aci_config,
    net_config,
    kube_config,
    topology: section({ rack: z.unknown().default({}) }),
    calico_config: section({
      net_config: section({
        block_size: int().default(26),
        encapsulation: str().default('None'),
        nat_outgoing: str().default('Disabled'),
        nodeSelector: str().default('all()'),
      }),
    }),
    istio_config: section({
      install_istio: optBool(),
      install_profile: oneOf(ISTIO_PROFILES).default('demo'),
      istio_ns: str().default('istio-system'),
      istio_operator_ns: str().default('istio-operator'),
    }),
    registry: looseObject(registryShape).default({}),
    logging: section({
      size: z.union([int(), str()], only('must be a size')).nullable().default(null),
      controller_log_level: oneOf(LOG_LEVELS).default('info'),
      hostagent_log_level: oneOf(LOG_LEVELS).default('info'),
      opflexagent_log_level: oneOf(LOG_LEVELS).default('info'),
      operator_log_level: oneOf(LOG_LEVELS).optional(),
      aim_debug: optBool(),
    }),
    drop_log_config: section({
      enable: boolOr(true),
      disable_events: optBool(),
      opflex_redirect_drop_logs: optStr(),
    }),
    operator_managed_config: section({ enable_updates: boolOr(false) }),
    provision: section({
      upgrade_cluster: boolOr(false),
      max_retries: intIn(0).optional(),
      prov_apic: bool().nullable().optional(),
      debug_apic: optBool(),
    }),
    unprovision: optionalSection({ skip_app_profile_check: optBool() }),
    multus: section({ disable: boolOr(true) }),
    sriov_config: section({
      enable: boolOr(false),
      device_info: optionalSection({
        isRdma: optBool(),
        devices: z.union([str(), int()], only('must be a device id or a list of them')).optional(),
      }),
    }),
    dpu_config: section({
      enable: boolOr(false),
      ip: optStr(),
      user: optStr(),
      ovsdb_socket_port: z.union([str(), int()], only('must be a port number')).optional(),
      masterNodeIp: optStr(),
    }),
    nodepodif_config: section({ enable: boolOr(false) }),
    lb_config: section({ lb_type: str().default('metallb') }),
    rke2_config: section({
      logging_namespace: str().default('cattle-logging'),
      monitoring_namespace: str().default('cattle-prometheus'),
    }),
    chained_cni_config: section({
      secondary_interface_chaining: boolOr(false),
      primary_interface_chaining: boolOr(false),
      primary_cni_path: strOrNull(),
      skip_node_network_provisioning: boolOr(false),
      use_global_scope_vlan: boolOr(false),
      secondary_vlans: z.unknown().default(null),
      local_cert_manager_enabled: boolOr(false),
      require_annotation_for_nad_mutation_webhook: boolOr(true),
      enable_ovs_cni_support: boolOr(false),
      named_container_for_fabric_bgp_peer_insertion: str().default('fabric-peer'),
      enable_container_l3_peering_model: boolOr(false),
      include_network_attachment_definition_crd: boolOr(false),
      use_system_id_for_secondary_names: boolOr(false),
      vlans_file: optStr(),
    }),
    vmm_lite_config: section({
      aaep_monitoring_enabled: boolOr(false),
      bridge_name: strOrNull(),
      cno_identifier: str().default('cno'),
      bridge_nad_config_file: strOrNull(),
      kubeapi_vlan: vlan().nullable().default(null),
      apic_username: strOrNull(),
    }),
    acc_provision_operator: optionalSection({ exclude: optBool() }),
    cilium_chaining: optionalSection({ enable: optBool() }),
    ...OPENSHIFT_TOP_KEYS,
    ...familyTopKeys,
    versions_url: optionalSection({ path: optStr() }),
    // Set by the tool itself (command line, discovery), never by the file.
    flavor: optStr(),
    operator_mode: optBool(),
    discovered: z.unknown().optional(),
    user_input: z.unknown().optional(),
    user_config: z.unknown().optional(),
  });
}

export type ConfigSchema = ReturnType<typeof build>;

let schema: ConfigSchema | undefined;
let defaults: Record<string, unknown> | undefined;

export function configSchema(): ConfigSchema {
  return (schema ??= build(zodLibrary().z));
}

/** The tool's defaults (a fresh copy each call): what the schema fills into an empty file. */
export function configDefaults(): Record<string, unknown> {
  defaults ??= configSchema().parse({}) as Record<string, unknown>;
  return structuredClone(defaults);
}

// Top-level keys the file must not set: the tool computes them.
const INTERNAL_KEYS = new Set(['flavor', 'operator_mode', 'discovered', 'user_input', 'user_config']);

/** A node of the tree of known keys: `object` has children, `map` takes any key. */
export type KeyNode =
  | { kind: 'object'; children: Map<string, KeyNode> }
  | { kind: 'list'; element: KeyNode }
  | { kind: 'map'; value: KeyNode }
  | { kind: 'leaf'; number?: boolean };

/** The parts of a zod 3 schema definition the key tree and the reference read. */
export interface SchemaDef {
  typeName: string;
  innerType?: Z.ZodTypeAny;
  schema?: Z.ZodTypeAny;
  shape?: () => Record<string, Z.ZodTypeAny>;
  type?: Z.ZodTypeAny;
  valueType?: Z.ZodTypeAny;
  options?: Z.ZodTypeAny[];
  values?: readonly string[];
  value?: unknown;
}

const WRAPPERS = new Set(['ZodDefault', 'ZodOptional', 'ZodNullable', 'ZodReadonly', 'ZodCatch']);

/** A schema without its default/optional/nullable wrappers and refinements; whether null is accepted. */
export function unwrapSchema(s: Z.ZodTypeAny, nullable = { value: false }): Z.ZodTypeAny {
  let t = s;
  for (;;) {
    const def = t._def as SchemaDef;
    if (def.typeName === 'ZodNullable') nullable.value = true;
    // A refined number stays itself: its range is recorded against the refinement.
    if (def.typeName === 'ZodEffects' && numberRange(t) === undefined) t = def.schema!;
    else if (WRAPPERS.has(def.typeName)) t = def.innerType!;
    else return t;
  }
}

let keyTree: KeyNode | undefined;

/** The known keys, for unknown-key warnings and for normalizing `key:` (null) sections. */
export function knownKeys(): KeyNode {
  if (keyTree) return keyTree;
  const toNode = (s: Z.ZodTypeAny): KeyNode => {
    const def = unwrapSchema(s)._def as SchemaDef;
    if (def.typeName === 'ZodObject') {
      const children = new Map<string, KeyNode>();
      for (const [k, v] of Object.entries(def.shape!())) children.set(k, toNode(v));
      return { kind: 'object', children };
    }
    if (def.typeName === 'ZodArray') return { kind: 'list', element: toNode(def.type!) };
    if (def.typeName === 'ZodRecord') return { kind: 'map', value: toNode(def.valueType!) };
    if (def.typeName === 'ZodUnion') {
      // A union of a scalar and a list (subnets): a list of scalars is all the tree needs.
      const options = def.options!.map(toNode);
      return options.find((o) => o.kind !== 'leaf') ?? { kind: 'leaf' };
    }
    // A number key: a quoted number ("3101") is read as the number, as the Python tool uses it.
    return numberRange(unwrapSchema(s)) !== undefined ? { kind: 'leaf', number: true } : { kind: 'leaf' };
  };
  const root = toNode(configSchema());
  if (root.kind === 'object') for (const k of INTERNAL_KEYS) root.children.delete(k);
  keyTree = root;
  return root;
}

let paths: string[] | undefined;

/** Every known key as a dotted path (sections and leaves), shallowest first. */
export function knownPaths(): string[] {
  if (paths) return paths;
  const out: string[] = [];
  const walk = (node: KeyNode, prefix: string): void => {
    if (node.kind === 'object') {
      for (const [k, child] of node.children) {
        const p = prefix ? `${prefix}.${k}` : k;
        out.push(p);
        walk(child, p);
      }
    }
  };
  walk(knownKeys(), '');
  paths = out.sort((a, b) => a.split('.').length - b.split('.').length);
  return paths;
}

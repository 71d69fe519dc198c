// The configuration as the rest of the program sees it: the user's file merged
// with the flavor's and the tool's defaults, then adjusted (derived names, DNs,
// discovered values). Its shape is the Python acc-provision's internal config,
// key for key, because the manifest and the APIC objects are defined over it.
// Keys marked optional are absent in some configurations.
export type Config = {
  acc_provision_operator?: {
    exclude: boolean;
    [key: string]: unknown;
  };
  aci_config: {
    aep: string;
    apic_hosts: string[];
    /** `--apic-oobm-ip`: the APIC's out-of-band address the controller uses. */
    apic_oobm_ip?: string;
    apic_login: {
      password: unknown;
      timeout: unknown;
      username: string;
      [key: string]: unknown;
    };
    apic_proxy: unknown;
    apic_refreshticker_adjust: null | number;
    apic_refreshtime?: number;
    apic_subscription_delay: null | number;
    apic_tls_cert: unknown;
    /** The CA file's content, read by the loader when apic_tls_cert is set. */
    apic_tls_cert_data?: string;
    apic_version: string;
    app_profile: string;
    /** Chained CNI: the AEP of the nodes' secondary interfaces. */
    secondary_aep?: string;
    client_cert: boolean;
    client_ssl: boolean;
    cluster_l3out: {
      bgp: {
        peering: {
          prefixes: number;
          remote_as_number: number;
          [key: string]: unknown;
        };
        [key: string]: unknown;
      };
      name: unknown;
      svi: {
        mtu: number;
        type: string;
        [key: string]: unknown;
      };
      [key: string]: unknown;
    };
    cluster_tenant: string;
    custom_epgs?: string[];
    disable_node_subnet_creation: boolean;
    kube_default_provide_kube_api: boolean;
    l3out: {
      external_networks: string[];
      name: string;
      [key: string]: unknown;
    };
    no_physdom_for_node_epg: boolean;
    node_bd_dn: string;
    nodes_epg: string;
    opflex_device_delete_timeout: null | number;
    overlay_vrf: Record<string, unknown>;
    physical_domain: {
      domain: string;
      vlan_pool: string;
      [key: string]: unknown;
    };
    pod_bd_dn: string;
    preexisting_kube_bd: unknown;
    subnet_dn: Record<string, unknown>;
    sync_login: {
      cert_data: null | string;
      cert_reused: boolean;
      certfile: string;
      key_data: null | string;
      keyfile: string;
      password: string;
      username: string;
      [key: string]: unknown;
    };
    system_id: string;
    tenant: {
      name: null | string;
      [key: string]: unknown;
    };
    use_legacy_kube_naming_convention: boolean;
    use_pre_existing_tenant: boolean;
    vmm_domain: {
      controller: string;
      domain: string;
      encap_type: string;
      injected_cluster_provider: string;
      injected_cluster_type: string;
      mcast_fabric: string;
      mcast_pool: string;
      mcast_range: {
        end: string;
        start: string;
        [key: string]: unknown;
      };
      nested_inside: {
        duplicate_file_router_default_svc: boolean;
        elag_name: null | string;
        installer_provisioned_lb_ip?: string;
        name?: string;
        portgroup: null | string;
        type?: string;
        vlan_pool?: string;
        [key: string]: unknown;
      };
      type: string;
      vlan_pool: string;
      vlan_range: {
        end: null | number;
        start: null | number;
        [key: string]: unknown;
      };
      [key: string]: unknown;
    };
    vrf: {
      dn: string;
      name: string;
      tenant: string;
      [key: string]: unknown;
    };
    vrf_dn: Record<string, unknown>;
    [key: string]: unknown;
  };
  calico_config: {
    net_config: {
      block_size: number;
      encapsulation: string;
      nat_outgoing: string;
      nodeSelector: string;
      [key: string]: unknown;
    };
    [key: string]: unknown;
  };
  chained_cni_config: {
    enable_container_l3_peering_model: boolean;
    enable_ovs_cni_support: boolean;
    include_network_attachment_definition_crd: boolean;
    local_cert_manager_enabled: boolean;
    named_container_for_fabric_bgp_peer_insertion: string;
    primary_cni_path: unknown;
    primary_interface_chaining: boolean;
    require_annotation_for_nad_mutation_webhook: boolean;
    secondary_interface_chaining: boolean;
    secondary_vlans: unknown;
    skip_node_network_provisioning: boolean;
    use_global_scope_vlan: boolean;
    use_system_id_for_secondary_names: boolean;
    /** The NAD VLAN map (CSV) the controller's NadVlanMap is made from. */
    vlans_file?: string;
    /** Derived from vlans_file: `namespace/NAD prefix` -> network labels and their VLANs. */
    nad_vlan_mapping?: Record<string, { label: string; vlans: string }[]> | null;
    [key: string]: unknown;
  };
  cilium_chaining?: {
    enable: boolean;
    [key: string]: unknown;
  };
  devices?: string;
  discovered: {
    infra_vlan: null | number;
    [key: string]: unknown;
  };
  dpuIp?: string;
  dpuUser?: string;
  dpu_config: {
    enable: boolean;
    ip?: string;
    masterNodeIp?: string;
    ovsdb_socket_port?: string;
    user?: string;
    [key: string]: unknown;
  };
  dpu_ovsdb_socket?: string;
  drivers?: string;
  drop_log_config: {
    disable_events?: boolean;
    enable: boolean;
    opflex_redirect_drop_logs?: string;
    [key: string]: unknown;
  };
  flavor: string;
  isRdma?: string;
  istio_config: {
    install_profile: string;
    istio_ns: string;
    istio_operator_ns: string;
    [key: string]: unknown;
  };
  kube_config: {
    acc_provision_operator_memory_limit?: string;
    acc_provision_operator_memory_request?: string;
    aci_containers_controller_memory_limit?: string;
    aci_containers_controller_memory_request?: string;
    aci_containers_host_memory_limit?: string;
    aci_containers_host_memory_request?: string;
    aci_containers_memory_limit: string;
    aci_containers_memory_request: string;
    aci_containers_operator_memory_limit?: string;
    aci_containers_operator_memory_request?: string;
    aci_multipod?: boolean;
    acicni_priority_class_value: number;
    add_external_contract_to_default_epg?: boolean;
    add_external_subnets_to_rdconfig: boolean;
    allow_kube_api_default_epg: boolean;
    allow_pods_external_access?: boolean;
    allow_pods_kube_api_access?: boolean;
    apic_connection_retry_limit?: number;
    apic_request_retry_delay_base: number;
    controller: string;
    default_endpoint_group: {
      app_profile: string;
      group: string;
      tenant: string;
      [key: string]: unknown;
    };
    dhcp_delay?: number;
    dhcp_renew_max_retry_count?: number;
    disable_hpp_rendering?: boolean;
    disable_opflex_resilient_hashing?: boolean;
    disable_resilient_hashing?: boolean;
    disable_service_vlan_preprovisioning?: boolean;
    enable_apic_request_retry_delay: boolean;
    enable_hpp_direct?: boolean;
    enable_opflex_agent_reconnect?: boolean;
    epg_resolve_prioritize: boolean;
    filter_opflex_device: boolean;
    force_ep_undeclares: boolean;
    generate_apic_file: boolean;
    generate_cnet_file: boolean;
    generate_installer_files: boolean;
    host_agent_cni_bin_path: string;
    host_agent_cni_conf_path: string;
    host_agent_openshift_resource: boolean;
    hpp_optimization?: boolean;
    image_pull_policy: string;
    kubectl: string;
    leaf_reboot_check_interval?: number;
    max_nodes_svc_graph: number;
    mcast_daemon_memory_limit?: string;
    mcast_daemon_memory_request?: string;
    namespace_default_endpoint_group: {
      'aci-containers-system'?: {
        app_profile: string;
        group: string;
        tenant: string;
        [key: string]: unknown;
      };
      'istio-operator': {
        app_profile: string;
        group: string;
        tenant: string;
        [key: string]: unknown;
      };
      'istio-system': {
        app_profile: string;
        group: string;
        tenant: string;
        [key: string]: unknown;
      };
      'kube-system': {
        app_profile: string;
        group: string;
        tenant: string;
        [key: string]: unknown;
      };
      [key: string]: unknown;
    };
    no_wait_for_service_ep_readiness: boolean;
    node_service_gw_subnets: string[];
    node_service_ip_pool: {
      end: string;
      start: string;
      [key: string]: unknown;
    }[];
    node_snat_redirect_exclude?: {
      group: string;
      labels: string[];
      [key: string]: unknown;
    }[];
    opflex_agent_memory_limit?: string;
    opflex_agent_memory_request?: string;
    opflex_agent_opflex_asyncjson_enabled: string;
    opflex_agent_ovs_asyncjson_enabled: string;
    opflex_agent_policy_retry_delay_timer?: number;
    opflex_agent_prometheus: string;
    opflex_agent_reset_wait_delay?: number;
    opflex_agent_statistics?: boolean;
    opflex_device_reconnect_wait_timeout?: number;
    opflex_mode: null | string;
    opflex_openssl_compat?: boolean;
    opflex_startup_enabled: boolean;
    opflex_startup_policy_duration: number;
    opflex_startup_policy_file: string;
    opflex_startup_resolve_aft_conn: boolean;
    opflex_switch_sync_delay: number;
    opflex_switch_sync_dynamic: number;
    ovs_memory_limit: string;
    ovs_memory_request: string;
    pod_ip_pool: {
      end: string;
      start: string;
      [key: string]: unknown;
    }[];
    pod_network: {
      gateway: string;
      routes: {
        dst: string;
        gw: string;
        [key: string]: unknown;
      }[];
      subnet: string;
      [key: string]: unknown;
    }[];
    proactive_conf?: boolean;
    reboot_opflex_with_ovs: string;
    service_graph_endpoint_add_delay?: {
      delay: number;
      services: {
        delay?: number;
        name: string;
        namespace: string;
        [key: string]: unknown;
      }[];
      [key: string]: unknown;
    };
    service_ip_pool: {
      end: string;
      start: string;
      [key: string]: unknown;
    }[];
    snat_operator: {
      contract_scope: string;
      disable_periodic_snat_global_info_sync: boolean;
      globalinfo_name: string;
      name: string;
      port_range: {
        end: number;
        ports_per_node: number;
        start: number;
        [key: string]: unknown;
      };
      rdconfig_name: string;
      sleep_time_snat_global_info_sync: null | number;
      snat_namespace: string;
      watch_namespace: string;
      [key: string]: unknown;
    };
    static_service_ip_pool: {
      end: string;
      start: string;
      [key: string]: unknown;
    }[];
    system_namespace: string;
    taint_not_ready_node?: boolean;
    toleration_seconds?: number;
    unknown_mac_unicast_action?: string;
    use_apps_api: string;
    use_apps_apigroup: string;
    use_cluster_role: boolean;
    use_ds_rolling_update?: boolean;
    use_external_service_ip_allocator?: boolean;
    use_host_netns_volume: boolean;
    use_netpol_apigroup: string;
    use_openshift_security_context_constraints?: boolean;
    use_privileged_containers?: boolean;
    use_rbac_api: string;
    use_system_node_priority_class?: boolean;
    [key: string]: unknown;
  };
  lb_config: {
    lb_type: string;
    [key: string]: unknown;
  };
  logging: {
    aim_debug?: boolean;
    controller_log_level: string;
    hostagent_log_level: string;
    operator_log_level?: string;
    opflexagent_log_level: string;
    size: unknown;
    [key: string]: unknown;
  };
  multus: {
    disable: boolean;
    [key: string]: unknown;
  };
  net_config: {
    advertise_cluster_svc_subnet: boolean;
    cluster_svc_subnet: unknown;
    disable_wait_for_network: boolean;
    duration_wait_for_network: number;
    extern_dynamic: string[];
    extern_static: string[];
    gbp_node_subnet: string;
    gbp_pod_subnet: string;
    infra_vlan: number;
    interface_mtu: null | number;
    interface_mtu_headroom: null | number;
    kubeapi_vlan: number;
    kubeapi_vlan_mode: string;
    node_network: string;
    node_network_gateway: string;
    node_subnet: string[];
    node_svc_subnet: string;
    pbr_tracking_non_snat: boolean;
    pod_network: string;
    pod_subnet: string[];
    pod_subnet_chunk_size: number;
    second_kubeapi_portgroup: boolean;
    service_monitor_interval: number;
    service_vlan: number;
    [key: string]: unknown;
  };
  node_config: {
    encap_type: string;
    [key: string]: unknown;
  };
  nodepodif_config: {
    enable: boolean;
    [key: string]: unknown;
  };
  operator_managed_config: {
    enable_updates: boolean;
    [key: string]: unknown;
  };
  operator_mode: boolean;
  pfNames?: string;
  provision: {
    debug_apic: boolean;
    max_retries?: number;
    prov_apic: unknown;
    upgrade_cluster: boolean;
    [key: string]: unknown;
  };
  registry: {
    acc_provision_operator_version: string;
    aci_cni_operator_version: null | string;
    aci_containers_certmanager_version: string;
    aci_containers_controller_version: string;
    aci_containers_host_ovscni_version: string;
    aci_containers_host_version: string;
    aci_containers_operator_version: string;
    aci_containers_webhook_version: string;
    cnideploy_version: string;
    configuration_version: string;
    gbp_version: string;
    image_prefix: string;
    openvswitch_version: string;
    opflex_agent_version: string;
    opflex_server_version: string;
    use_digest?: boolean;
    version: number;
    [key: string]: unknown;
  };
  resourceName?: string;
  resourcePrefix?: string;
  rke2_config: {
    logging_namespace: string;
    monitoring_namespace: string;
    [key: string]: unknown;
  };
  sriov_config: {
    device_info?: {
      devices: number | string;
      isRdma: boolean;
      [key: string]: unknown;
    };
    enable: boolean;
    [key: string]: unknown;
  };
  topology: {
    rack: Record<string, unknown>;
    [key: string]: unknown;
  };
  unprovision: {
    skip_app_profile_check: boolean;
    [key: string]: unknown;
  };
  user_input: string;
  /** The user's file as written (subnets made lists): the operator's copy of the input reads it. */
  user_config?: Record<string, unknown>;
  vendors?: string;
  versions_url?: {
    path: string;
    [key: string]: unknown;
  };
  vmm_lite_config: {
    aaep_monitoring_enabled: boolean;
    apic_username: unknown;
    bridge_nad_config_file: unknown;
    bridge_name: unknown;
    cno_identifier: string;
    kubeapi_vlan: unknown;
    /** Read from bridge_nad_config_file: the bridge CNI options of the NADs. */
    bridge_nad_config?: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

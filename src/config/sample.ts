// `--sample`: a starting configuration to edit. Active lines are the minimum
// a cluster needs; commented lines show the optional settings with their
// defaults. Plain text, no dependencies: printing it must stay instant.
import { openshiftSample } from './samples/openshift.js';
import { CALICO_SAMPLE } from './samples/calico.js';

const SAMPLE = `#
# ACI fabric: where the cluster attaches and what the tool creates there.
#
aci_config:
  system_id: mykube             # Unique name of this cluster in the fabric; prefixes its ACI objects
  # apic_tls_cert: <cert-file-path> # CA certificate to verify the APIC's HTTPS certificate (unset: not verified)
  # apic_refreshtime: 1200       # Seconds between subscription refreshes (at most 43200)
  # apic_refreshticker_adjust: 150 # Refresh this many seconds before the subscription expires (1 to 65535)
  # apic_subscription_delay: 100 # Milliseconds to wait after each subscription (1 to 65535)
  # opflex_device_delete_timeout: 1800   # Seconds before stale opflex devices are removed (1 to 65535)
  # tenant:
    # name: pre_existing_tenant  # Use this existing tenant instead of creating one named after system_id
  apic_hosts:                   # APIC addresses for the REST API
  - 10.1.1.101                  # Port 443 unless given, as in 10.1.1.101:6443
  vmm_domain:                   # The VMM domain of the cluster's containers
    encap_type: vxlan           # vxlan or vlan
    mcast_range:                # Multicast addresses for this domain; distinct per opflex VMM domain
      start: 225.20.1.1
      end: 225.20.255.255
    nested_inside:              # Set when the nodes are VMs inside another VMM domain
    # elag_name: fab-elag       # Enhanced LAG policy name (ESXi vDS 6.6.0 and later)
    # type: vmware              # Vendor of the outer VMM domain (vmware)
    # name: myvmware            # Name of the outer VMM domain

    # OpenShift on ESX only: the load balancer IP given to the installer,
    # used for the copy of the router-default service
    # installer_provisioned_lb_ip: 192.168.18.201

  # Pre-existing APIC objects, used but never created or deleted by this tool:
  aep: kube-cluster             # Attachable entity profile of the cluster's ports and VPCs
  vrf:                          # VRF of every cluster endpoint
    name: mykube-vrf
    tenant: common              # The system_id tenant or a pre-existing one
  l3out:
    name: mykube_l3out          # L3Out for external service IPs
    external_networks:
    - mykube_extepg             # External EPGs the service contracts attach to
  # custom_epgs:                 # Extra EPGs that pods can be placed in by annotation
  #   - custom_group1
  #   - custom_group2


#
# Cluster networks.
#
net_config:
  node_subnet: 10.1.0.1/16      # Nodes (gateway/prefix)
  pod_subnet:                   # Pods: one subnet or a list
  - 10.2.0.1/24
  - 10.2.1.1/24
  extern_dynamic: 10.3.0.1/24   # Service IPs assigned automatically
  extern_static: 10.4.0.1/24    # Service IPs requested explicitly
  node_svc_subnet: 10.5.0.1/24  # Service graph (PBR) next hops
  kubeapi_vlan: 4001            # VLAN of the nodes' physical domain
  service_vlan: 4003            # VLAN of LoadBalancer service traffic
  infra_vlan: 4093              # The fabric's infra VLAN (discovered from the APIC with -a)
  # interface_mtu: 1600          # MTU of pod interfaces: 1280 (IPv6 minimum) to 8900 (room for VXLAN)
  # interface_mtu_headroom: 100  # Bytes kept for headers (at least 50; default 100)
  # service_monitor_interval: 5  # Seconds between IP SLA probes of PBR next hops (0 turns probing off; at most 65535)
  # pbr_tracking_non_snat: true  # Also probe for services without SNAT (default false)
  # disable_wait_for_network: true  # Report a pod interface ready without waiting for the datapath (default false)
  # duration_wait_for_network: 210  # Seconds to wait for the datapath when waiting (default 210)

#
# Container images.
#
registry:
  image_prefix: noiro                   # Registry and path of the images, e.g. registry.example.com/noiro
  # image_pull_secret: secret_name      # Pull secret, for a private registry
  # dpu_init_version: <version>
  # dpu_control_server: ip:port # e.g. 192.168.20.1:5000
  # use_digest: true   # Pull by digest instead of tag (default false)

# kube_config:
  # enable_apic_request_retry_delay: False # Retry failed APIC requests with backoff (default True)
  # apic_request_retry_delay_base: 45 # Base of the exponential backoff, seconds (default 20)
  # epg_resolve_prioritize: False # Hold endpoint files until their EPG resolves (default True)
  # force_ep_undeclares: False # Undeclare an endpoint before declaring it to the opflex proxy (default True)
  # aci_multipod: True # Nodes may move between ACI pods (default False)
  # opflex_device_reconnect_wait_timeout: 10  # Seconds to wait for a disconnected opflex device before renewing the node's DHCP lease
  # aci_multipod_ubuntu: True # As aci_multipod, for Ubuntu nodes (default False)
  # dhcp_renew_max_retry_count: 10  # Attempts at renewing the DHCP lease
  # dhcp_delay: 10  # Seconds between DHCP release and renew
  # hpp_optimization: True # default False
  # disable_hpp_rendering: False              # True turns Kubernetes network policies off (default False)
  # no_wait_for_service_ep_readiness: True    # default False
  # service_graph_endpoint_add_delay:
      # delay: 30                     # Seconds before a new endpoint joins the service graph
      # services:                     # Services this applies to
      # - name: "service-name1"
      #   namespace: "service-ns1"
      # - name: "service-name2"
      #   namespace: "service-ns2"
      #   delay: 60                   # This service's own delay
  # add_external_subnets_to_rdconfig: True               # default False
  # ovs_memory_request: "512Mi"         # default "128Mi"
  # ovs_memory_limit: "20Gi"            # default "1Gi"
  # aci_containers_memory_request: "512Mi" # LimitRange default request (default "128Mi")
  # aci_containers_memory_limit: "20Gi"    # LimitRange default limit (default "3Gi")
  # reboot_opflex_with_ovs: "false"     # default "true"
  # snat_operator:
      # disable_periodic_snat_global_info_sync: True
      # sleep_time_snat_global_info_sync: 60 # Seconds between syncs, 1 to 300 (default 60)
  # node_snat_redirect_exclude:
  #   - group: router
  #     labels:
  #     - worker
  #     - router
  #     - infra
  #   - group: infra
  #     labels:
  #     - infra
  #     - router
  # opflex_mode: ""                      # physical, dpu or overlay
  # opflex_agent_prometheus: "true" # Export opflex agent metrics (default "false")
  # opflex_agent_opflex_asyncjson_enabled: "false" # default "false"
  # opflex_agent_ovs_asyncjson_enabled: "false" # default "false"
  # opflex_agent_policy_retry_delay_timer: 60   # Seconds between policy retries (default 10, at least 1)
  # opflex_startup_enabled: True                # Start from the policy saved before a restart (default False)
  # opflex_startup_policy_duration: 80          # Seconds the saved policy stays in use after connecting (default 60)
  # opflex_startup_resolve_aft_conn: True       # Use the saved policy only once connected to the leaf (default False)
  # opflex_switch_sync_delay: 10                # Seconds from platform config to the first switch sync (default 5)
  # opflex_switch_sync_dynamic: 5               # Seconds between later switch syncs (default 10)
  # use_system_node_priority_class: True        # default False
  # aci_containers_controller_memory_request: "256Mi"   # defaults for all of these: aci_containers_memory_request
  # aci_containers_controller_memory_limit: "5Gi"       # and aci_containers_memory_limit
  # aci_containers_host_memory_request: "256Mi"
  # aci_containers_host_memory_limit: "5Gi"
  # mcast_daemon_memory_request: "256Mi"
  # mcast_daemon_memory_limit: "5Gi"
  # opflex_agent_memory_request: "256Mi"
  # opflex_agent_memory_limit: "5Gi"
  # acc_provision_operator_memory_request: "256Mi"
  # acc_provision_operator_memory_limit: "5Gi"
  # aci_containers_operator_memory_request: "256Mi"
  # aci_containers_operator_memory_limit: "5Gi"
  # toleration_seconds: 100 # Controller pod's tolerationSeconds (default 60; 600 on RKE)
  # opflex_openssl_compat: True                         # For hosts with FIPS turned off (default False)
  # enable_opflex_agent_reconnect: True                 # Reconnect the agent after a VM migration (default False)
  # opflex_agent_statistics: False                      # Turn agent statistics off under heavy load (default True)
  # add_external_contract_to_default_epg: True          # default False
  # apic_connection_retry_limit: 5                      # Failed attempts before moving to the next APIC (default 5)
  # taint_not_ready_node: True                          # Keep pods off a node until its host agent is ready (default False)
  # enable_hpp_direct: True                             # Distribute host protection policies through Kubernetes (default False)
  # unknown_mac_unicast_action: "flood"                 # proxy or flood (default "proxy")
  # opflex_agent_reset_wait_delay: 10                   # default 5
  # disable_service_vlan_preprovisioning: True          # OpenShift on OpenStack: no service VLAN on every compute host (default False)
  # proactive_conf: True                                # default False
  # disable_resilient_hashing: True                     # No resilient hashing in LoadBalancer redirect policies (default False)
  # disable_opflex_resilient_hashing: True              # Rehash all flows when backends change (default False)
  # filter_opflex_device: False                         # Process opflex devices of every VMM domain (default True)
  # leaf_reboot_check_interval: 300                     # Seconds between checks for rebooted or new leaves (default 900)

#
# ACI CNI operator.
#
# operator_managed_config:
  # enable_updates: True # default False

# drop_log_config:
  # enable: False                      # default True
  # disable_events: True               # default False
  # opflex_redirect_drop_logs: syslog  # syslog, or a file name

# multus:
  # disable: False       # default True

# sriov_config:
  # enable: True     # default False
  # device_info:
    # isRdma: True   # default false
    # devices: ""    # default "1014","101e"

# dpu_config:
  # enable: True          # default false
  # ip: ""                # default "192.168.200.2"
  # user: ""              # default "opflex"
  # ovsdb_socket_port: "" # default "6640"
  # masterNodeIp: ""

# cilium_chaining:
  # enable: True     # default False

# nodepodif_config:
  # enable: True     # ERSPAN of pod interfaces (default False)

# RKE2 clusters:
# rke2_config:
  # logging_namespace: "cattle-logging" # default "cattle-logging"
  # monitoring_namespace: "cattle-prometheus" # default "cattle-prometheus"

# provision:
  # max_retries: 10     # Attempts at each APIC request (default 5)

# logging:
  # controller_log_level: debug      # default info
  # hostagent_log_level: debug       # default info
  # opflexagent_log_level: debug     # default info
  # operator_log_level: debug        # default info
`;

/** The flavor families' own samples, one line each: a family's sample for the flavor, or undefined. */
const CALICO_SAMPLES: Record<string, string> = { 'calico-3.26.3': CALICO_SAMPLE };
const FAMILY_SAMPLES: ((flavor: string, shared: string) => string | undefined)[] = [openshiftSample, (flavor) => CALICO_SAMPLES[flavor]];

/** A commented sample configuration for a flavor; a valid input as it stands. */
export function sampleConfig(flavor: string): string {
  let body = SAMPLE;
  for (const sample of FAMILY_SAMPLES) {
    const own = sample(flavor, SAMPLE);
    if (own !== undefined) {
      body = own;
      break;
    }
  }
  return `# acc-provision configuration (flavor ${flavor}): edit, then run\n#   acc-provision -c THIS_FILE -f ${flavor} -o aci-containers.yaml\n${body}`;
}

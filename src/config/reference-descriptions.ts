// What each configuration key means, in our words, for the generated
// reference (docs/configuration.md). The schema holds types and defaults;
// this table holds only meanings. A test fails when a schema key has no entry
// here or an entry names a key the schema no longer has.
//
// Keys are dotted paths; `[]` stands for every item of a list, `<name>` for a
// key the user chooses. A section's entry is its introduction.

const NOT_FOR_KUBERNETES = 'Accepted so files shared with other flavors load; the Kubernetes flavors do not use it.';
const CHAINED = 'Chained CNI mode (flavors `openshift-sdn-ovn-baremetal`, `openshift-vmm-lite-baremetal`; refused with the others).';
const VMM_LITE = 'VMM lite (flavor `openshift-vmm-lite-baremetal`; refused with the others).';
const MEMORY = (pod: string, what: 'request' | 'limit') =>
  `Memory ${what} of the ${pod} container (a Kubernetes quantity like "256Mi"). Unset: the LimitRange default of \`kube_config.aci_containers_memory_${what}\` applies.`;

export const KEY_DESCRIPTIONS: Record<string, string> = {
  // ---- aci_config
  aci_config: 'The fabric: which APIC to talk to, what the cluster is called there, and the existing ACI objects it attaches to.',
  'aci_config.system_id':
    "Required. The cluster's name in the fabric: it names the tenant (unless `tenant.name` is set), the VMM domain, the pools, the physical domain and the controller's APIC user. A letter, then letters, digits or underscores; 2 to 31 characters.",
  'aci_config.apic_hosts':
    "Required. The APIC cluster's addresses (`host` or `host:port`, port 443 unless given). `-a`/`-d` start with the first and move to the next when one fails; the controller in the cluster gets the whole list.",
  'aci_config.apic_login': 'How `-a`, `-d`, `plan` and `verify` log in to the APIC.',
  'aci_config.apic_login.username': 'APIC user for `-a`/`-d` when `-u` is not given. Unset: `admin`.',
  'aci_config.apic_login.password':
    'Ignored, on purpose (as in the Python tool): a password does not belong in a file that is shared. Use `-p` or the environment variable `ACC_PROVISION_PASS`.',
  'aci_config.apic_login.timeout': 'Seconds to wait for each APIC request; `-w` overrides it. Unset: 90.',
  'aci_config.apic_proxy': 'Reach the APIC through this `host:port` instead of `apic_hosts` (the hidden flag `--apic-proxy` sets it).',
  'aci_config.apic_oobm_ip':
    "The APIC's out-of-band management address. Used instead of `apic_hosts` to provision (day 0) when the in-band addresses are not reachable yet; `--apic-oobm-ip` sets it.",
  'aci_config.apic_version':
    'The APIC release to generate for. `-a` and `-d` replace it with the version the APIC reports; for a manifest or `--apic-dump` alone, set it to your APIC\'s release (like "5.2") since some objects depend on it.',
  'aci_config.apic_tls_cert':
    "A CA certificate file (PEM) to verify the APIC's HTTPS certificate with. Unset: the certificate is not verified and a warning says so once.",
  'aci_config.apic_refreshtime':
    "Seconds between the controller's refreshes of its APIC subscriptions (at most 12 hours). Unset: the controller's default.",
  'aci_config.apic_refreshticker_adjust': 'The controller refreshes a subscription this many seconds before it would expire.',
  'aci_config.apic_subscription_delay':
    'Milliseconds the controller waits after opening each APIC subscription, to spread the load on the APIC.',
  'aci_config.opflex_device_delete_timeout': 'Seconds before the controller removes an opflex device that stopped reporting.',
  'aci_config.tenant': "The tenant of the cluster's objects.",
  'aci_config.tenant.name':
    'Put the cluster in this existing tenant instead of creating one named `system_id`. The tool then never deletes the tenant, and `use_pre_existing_tenant` is set for you. Cannot be combined with `use_legacy_kube_naming_convention`.',
  'aci_config.use_pre_existing_tenant':
    "The cluster's tenant was not created by this tool: it is not marked as the cluster's and `-d` never deletes it. Set for you when `tenant.name` is given.",
  'aci_config.use_legacy_kube_naming_convention':
    'Name objects as old releases did (application profile `kubernetes`, EPGs `kube-default`, `kube-system`, `kube-nodes`, BDs `kube-pod-bd`, `kube-node-bd`) instead of the `aci-containers-` prefix. Only for clusters provisioned that way.',
  'aci_config.aep':
    "Required, must already exist. The attachable entity profile of the leaf ports (or vPCs) the nodes are cabled to. The tool binds the infra VLAN, the node VLAN and the cluster's domains to it.",
  'aci_config.secondary_aep': "Chained mode: the AEP of the nodes' secondary interfaces (required there, must already exist).",
  'aci_config.vrf': 'The VRF all cluster networks route in. Must already exist.',
  'aci_config.vrf.name': 'Required. Name of the VRF of the node and pod bridge domains.',
  'aci_config.vrf.tenant': 'Required. Tenant of that VRF, usually `common`. The tenant and the VRF must exist before `-a`.',
  'aci_config.l3out': "The L3Out through which external clients reach LoadBalancer services. Must already exist in the VRF's tenant.",
  'aci_config.l3out.name': 'Required. Name of the L3Out, in `vrf.tenant`.',
  'aci_config.l3out.external_networks':
    'Required. External EPGs (`l3extInstP`) of the L3Out that consume the contracts the controller creates for each LoadBalancer service.',
  // --- families (issue 16): Calico's cluster L3Out, RKE and Docker UCP ports and contracts ---
  'aci_config.cluster_l3out':
    'Calico flavor: the L3Out the tool creates for the cluster; the nodes peer over BGP with its anchor leaves through a floating SVI. Other flavors only copy it into the configuration the acc-provision operator keeps.',
  'aci_config.cluster_l3out.name':
    'Calico: name of the cluster L3Out (default `calico-l3out-fsvi-vlan-<svi.vlan_id>`); its first 20 characters name the cluster (APIC user, certificate files).',
  'aci_config.cluster_l3out.aep':
    "Calico, required: attachable entity profile of the cluster's ports or VPCs; it gets the L3Out's physical and L3 domains.",
  'aci_config.cluster_l3out.vrf':
    "Calico: a VRF of the cluster L3Out's own, created by the tool, instead of `aci_config.vrf` (whose L3Out then provides a global allow-all contract).",
  'aci_config.cluster_l3out.vrf.name': "Calico: that VRF's name (default `<tenant>_vrf`).",
  'aci_config.cluster_l3out.vrf.tenant': "Calico: that VRF's tenant, created by the tool (default `aci_config.vrf.tenant`).",
  'aci_config.cluster_l3out.svi': 'Calico: the floating SVI of the cluster L3Out.',
  'aci_config.cluster_l3out.svi.type': 'Calico: SVI type; `floating` is the only one.',
  'aci_config.cluster_l3out.svi.mtu': 'Calico: MTU of the SVI (576 to 9216; 9000 recommended).',
  'aci_config.cluster_l3out.svi.floating_ip': 'Calico, required: the floating address of the SVI, in the node subnet (ADDRESS/PREFIX).',
  'aci_config.cluster_l3out.svi.secondary_ip': 'Calico, required: the secondary address of the SVI (ADDRESS/PREFIX).',
  'aci_config.cluster_l3out.svi.vlan_id': "Calico, required: the SVI's VLAN, one for the whole cluster.",
  'aci_config.cluster_l3out.bgp': 'Calico: BGP between the nodes and the anchor leaves.',
  'aci_config.cluster_l3out.bgp.secret':
    'Calico: password of the BGP sessions (in the APIC peers and in the `bgp-secrets` Secret); never in error messages.',
  'aci_config.cluster_l3out.bgp.peering': 'Calico: BGP peering of the nodes.',
  'aci_config.cluster_l3out.bgp.peering.prefixes': 'Calico: most prefixes accepted from one node.',
  'aci_config.cluster_l3out.bgp.peering.remote_as_number': "Calico: AS number of the nodes' BGP speakers.",
  'aci_config.cluster_l3out.bgp.peering.aci_as_number':
    "Calico, required: the fabric's BGP route reflector AS, which the nodes peer with; checked against the APIC with `-a`.",
  'aci_config.items':
    'RKE, RKE2, Docker UCP: ports the kube-api filter also opens (the flavor sets them; each is named `aci-containers-<system_id>-<name>`).',
  'aci_config.items[].name': 'Name of the filter entry.',
  'aci_config.items[].range': 'Destination ports `[from, to]`.',
  'aci_config.items[].etherT': 'Ethernet type of the entry (`ip`).',
  'aci_config.items[].prot': 'IP protocol of the entry (`tcp`).',
  'aci_config.items[].stateful': 'Stateful entry: `yes` or `no`.',
  'kube_config.use_acicni_priority_class': 'Run the ACI CNI pods in the `acicni-priority` priority class (made by the manifest).',
  'kube_config.enable_endpointslice': 'RKE: have the controller read EndpointSlices (RKE network section `enable_endpoint_slice`).',
  'kube_config.apic_request_retry_delay': 'RKE: minutes between retries of failed APIC requests (RKE network section; default 2).',
  rke_config: "RKE and RKE2: contracts and filters between the cluster's EPGs that Rancher needs (the flavor sets them).",
  'rke_config.contracts': 'Contracts, each named `aci-containers-<system_id>-<name>`.',
  'rke_config.contracts[].name': "Contract name (prefixed with the cluster's).",
  'rke_config.contracts[].provided': 'EPGs (by name) that provide it.',
  'rke_config.contracts[].consumed': 'EPGs (by name) that consume it.',
  'rke_config.contracts[].filter': 'Its filter (one of `filters`, prefixed likewise).',
  'rke_config.filters': 'Filters of those contracts (as the Python tool does, only the last one is created).',
  'rke_config.filters[].name': 'Filter name.',
  'rke_config.filters[].items': 'Its entries.',
  'rke_config.filters[].items[].name': 'Entry name.',
  'rke_config.filters[].items[].range': 'Destination ports `[from, to]`.',
  'rke_config.filters[].items[].etherT': 'Ethernet type (`ip`).',
  'rke_config.filters[].items[].prot': 'IP protocol (`tcp`).',
  'rke_config.filters[].items[].stateful': '`yes` or `no`.',
  // --- end families ---
  'aci_config.vmm_domain':
    'The VMM domain of type Kubernetes that the tool creates for the cluster: how pod traffic is encapsulated and where its multicast addresses come from.',
  'aci_config.vmm_domain.type': 'Vendor of the VMM domain. Keep `Kubernetes` with the Kubernetes flavors.',
  'aci_config.vmm_domain.encap_type':
    '`vxlan`: pod traffic is carried in VXLAN over the infra VLAN (the usual choice). `vlan`: each EPG gets a VLAN from `vlan_range`.',
  'aci_config.vmm_domain.mcast_fabric': 'Multicast address of the VMM domain itself (an IPv4 multicast address, inside 224.0.0.0/4).',
  'aci_config.vmm_domain.mcast_range':
    'The multicast pool the tool creates for the domain: each EPG gets a group address from it for its flooded traffic. Give every opflex VMM domain of the fabric its own range.',
  'aci_config.vmm_domain.mcast_range.start':
    'First address of the multicast pool; inside 224.0.0.0/4 and not above `end`. A unicast address is rejected.',
  'aci_config.vmm_domain.mcast_range.end': 'Last address of the multicast pool; inside 224.0.0.0/4.',
  'aci_config.vmm_domain.vlan_range': 'With `encap_type: vlan`: the VLAN pool of the domain.',
  'aci_config.vmm_domain.vlan_range.start':
    'First VLAN of the pool. Required with `encap_type: vlan`; not above `end`; the range must not hold `kubeapi_vlan`, `service_vlan` or `infra_vlan`.',
  'aci_config.vmm_domain.vlan_range.end': 'Last VLAN of the pool. Required with `encap_type: vlan`.',
  'aci_config.vmm_domain.nested_inside':
    "When the nodes are virtual machines on VMware in the same fabric: the outer (VMware) VMM domain whose port groups carry the nodes' traffic.",
  'aci_config.vmm_domain.nested_inside.portgroup':
    'Name of the port group created for the nodes in the VMware domain. Unset: named after `system_id`.',
  'aci_config.vmm_domain.nested_inside.elag_name': 'Enhanced LAG policy of the vDS to bind the port group to (vDS 6.6.0 and later).',
  'aci_config.vmm_domain.nested_inside.duplicate_file_router_default_svc':
    "OpenShift on VMware: also create a copy of the `router-default` service for the installer's load balancer address. Needs `installer_provisioned_lb_ip`.",
  'aci_config.vmm_domain.nested_inside.type': 'Vendor of the outer VMM domain; only `vmware` is supported. Needs `name`.',
  'aci_config.vmm_domain.nested_inside.name':
    'Name of the outer VMware VMM domain; must already exist (checked before `-a` writes anything).',
  'aci_config.vmm_domain.nested_inside.vlan_pool':
    'VLAN pool of the outer VMware domain. With `second_kubeapi_portgroup`, `-a` asks the APIC for it.',
  'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip':
    'An IP address: the load balancer address the OpenShift installer was given. See `duplicate_file_router_default_svc`.',
  'aci_config.vmm_domain.domain': 'Name of the VMM domain. Unset: `system_id`.',
  'aci_config.vmm_domain.controller': 'Name of the VMM controller inside the domain. Unset: `system_id`.',
  'aci_config.vmm_domain.injected_cluster_type':
    "Cluster type reported to the APIC's VMM inventory (for example `RKE2`, which also puts the Rancher namespaces in the system EPG). Unset: empty.",
  'aci_config.vmm_domain.injected_cluster_provider': "Cluster provider reported to the APIC's VMM inventory. Unset: empty.",
  'aci_config.physical_domain': 'The physical domain the tool creates for the node EPG (the node VLAN lives in its VLAN pool).',
  'aci_config.physical_domain.domain': 'Name of the physical domain. Unset: `<system_id>-pdom`.',
  'aci_config.physical_domain.vlan_pool': 'Name of its VLAN pool. Unset: `<system_id>-pool`.',
  'aci_config.sync_login':
    'The APIC user the controller in the cluster logs in as. The tool creates it with `-a`, with a certificate it writes next to the configuration (RSA 2048, SHA-256) unless the files already exist.',
  'aci_config.sync_login.username': "Name of the controller's APIC user. Unset: `system_id`.",
  'aci_config.sync_login.password':
    "Password of the controller's APIC user. Unset: a random one, never printed. The controller logs in with its certificate.",
  'aci_config.sync_login.certfile': "The controller's certificate file: reused when present, else created. Unset: `user-<system_id>.crt`.",
  'aci_config.sync_login.keyfile': 'Its private key file (written with mode 0600). Unset: `user-<system_id>.key`.',
  'aci_config.custom_epgs': "Extra EPGs created in the cluster's application profile, for pods placed in them by annotation.",
  'aci_config.cluster_tenant':
    "The tenant the cluster's objects go in. Derived: `tenant.name` if set, else `system_id`; a value in the file is replaced.",
  'aci_config.client_cert': 'Require opflex agents to present a client certificate to the leaf (fabric-wide setting `infraSetPol`).',
  'aci_config.client_ssl': 'Encrypt the opflex channel between agents and leaves with TLS (fabric-wide setting `infraSetPol`).',
  'aci_config.kube_default_provide_kube_api': 'The default EPG also provides the kube-api contract (the OpenShift flavors set it).',
  'aci_config.no_physdom_for_node_epg':
    "Keep the node VLAN out of the physical domain's pool and do not bind the node EPG to the physical domain (nodes that are VMs nested in VMware reach the fabric through its port groups).",
  'aci_config.disable_node_subnet_creation':
    'Create the node bridge domain without the `node_subnet` gateway subnet (when a router outside ACI is the node gateway).',
  'aci_config.preexisting_kube_bd': NOT_FOR_KUBERNETES,
  'aci_config.dhcp_relay_label':
    'A DHCP relay label (`dhcpLbl`, owner `infra`) attached to the node bridge domain, naming the infra DHCP relay policy the nodes use.',

  // ---- net_config
  net_config:
    "The cluster's subnets and VLANs. Subnets are written `GATEWAY/PREFIX`: the address before the slash is the gateway the fabric serves. IPv4, IPv6, or both (dual stack, Kubernetes 1.21 and later). No two subnets may overlap and no VLAN may have two uses.",
  'net_config.node_subnet':
    "Required. The nodes' subnet (gateway/prefix) in the node bridge domain; one subnet, or one IPv4 and one IPv6 for dual stack. The Kubernetes API server must listen on an address in it.",
  'net_config.pod_subnet':
    "Required. The pods' subnet(s) (gateway/prefix); one or a list. The controller hands out addresses in chunks (see `pod_subnet_chunk_size`).",
  'net_config.pod_subnet_chunk_size': 'Number of pod addresses a node receives at a time from the pod subnet.',
  'net_config.extern_dynamic':
    'Required. Addresses for LoadBalancer services that do not ask for one (a pool, not a gateway subnet). Advertised through the L3Out.',
  'net_config.extern_static':
    'Required. Addresses for LoadBalancer services that ask for a specific `loadBalancerIP`. Advertised through the L3Out.',
  'net_config.node_svc_subnet':
    'Required. A small subnet (gateway/prefix) the controller uses for service graph (policy-based redirect) next hops on each node; a /24 is plenty.',
  'net_config.kubeapi_vlan':
    "Required. The node VLAN: the VLAN of the node EPG on the leaf ports, carrying the nodes' own addresses (`node_subnet`) and so the API server.",
  'net_config.service_vlan':
    "Required. VLAN on which the fabric sends LoadBalancer service traffic to the nodes (the service graph's bridge domain).",
  'net_config.infra_vlan':
    "Required unless given by `--infra-vlan` or discovered. The fabric's infra VLAN (set when the fabric was installed, often 3967 or 4093). `-a` reads it from the APIC and uses that value; it carries opflex and VXLAN to the nodes.",
  'net_config.service_monitor_interval': "Seconds between health probes (IP SLA) of the service graph's next hops; 0 turns probing off.",
  'net_config.pbr_tracking_non_snat': 'Also probe the next hops of services without SNAT.',
  'net_config.interface_mtu':
    "MTU of pod interfaces, 1280 to 8900. Unset: 1500. The nodes' uplink and VLAN interfaces need this plus `interface_mtu_headroom` (see node-config).",
  'net_config.interface_mtu_headroom': 'Bytes reserved for the VXLAN encapsulation on top of `interface_mtu`. Unset: 100.',
  'net_config.second_kubeapi_portgroup':
    "Nested in VMware: also create a second port group for the node VLAN, with the VLAN taken from the VMware domain's pool.",
  'net_config.disable_wait_for_network': "Report a pod's interface ready at once instead of waiting for its datapath to be programmed.",
  'net_config.duration_wait_for_network': "Seconds to wait for a pod's datapath before reporting its interface ready.",
  'net_config.kubeapi_vlan_mode': 'How the node VLAN is bound to the AEP: `regular` (tagged), or `native`/`untagged` as the APIC allows.',
  'net_config.cluster_svc_subnet': 'The cluster IP (service) subnet, for the Calico flavors. ' + NOT_FOR_KUBERNETES,
  'net_config.advertise_cluster_svc_subnet': 'Advertise `cluster_svc_subnet` over BGP (Calico flavors). ' + NOT_FOR_KUBERNETES,
  'net_config.opflex_server_port': "Container port of the host agent's opflex server. Unset: left out of the manifest.",

  // ---- kube_config
  kube_config: "How the ACI CNI's pods run in the cluster: namespaces, API versions, resources, timers and datapath tunables.",
  'kube_config.controller': 'Address reported as the Kubernetes controller in the VMM domain.',
  'kube_config.use_rbac_api': 'API version of the RBAC objects in the manifest.',
  'kube_config.use_apps_api': 'API version of the DaemonSets and Deployments in the manifest.',
  'kube_config.use_apps_apigroup': 'API group of the DaemonSets and Deployments, as named in RBAC rules.',
  'kube_config.host_agent_openshift_resource': "Let the host agent read OpenShift's `infrastructures` resource (an extra RBAC rule).",
  'kube_config.use_netpol_apigroup': 'API group of NetworkPolicy, as named in RBAC rules.',
  'kube_config.use_cluster_role':
    "Include the ClusterRoles and ClusterRoleBindings of the CNI's service accounts; turn off only when they are managed another way.",
  'kube_config.no_wait_for_service_ep_readiness': "Add a service's endpoints to the service graph without waiting for them to be ready.",
  'kube_config.add_external_subnets_to_rdconfig':
    'Also list `extern_dynamic` and `extern_static` in the routing-domain config the SNAT operator publishes (traffic to them is not SNATed).',
  'kube_config.image_pull_policy': 'Image pull policy of every ACI CNI container.',
  'kube_config.kubectl': 'The kubectl command shown in the closing hint (`kubectl apply -f aci-containers.yaml`).',
  'kube_config.system_namespace':
    "Namespace of the ACI CNI's pods, config maps and secrets. The legacy naming convention uses `kube-system`.",
  'kube_config.ovs_memory_request': 'Memory request of the Open vSwitch container.',
  'kube_config.ovs_memory_limit': 'Memory limit of the Open vSwitch container.',
  'kube_config.aci_containers_memory_request': "Default memory request of the other ACI CNI containers (the namespace's LimitRange).",
  'kube_config.aci_containers_memory_limit': "Default memory limit of the other ACI CNI containers (the namespace's LimitRange).",
  'kube_config.reboot_opflex_with_ovs': '"true": restart the opflex agent when Open vSwitch restarts.',
  'kube_config.snat_operator': 'The SNAT operator: source NAT of pod traffic leaving the fabric through node addresses.',
  'kube_config.snat_operator.name': "Name of the SNAT operator's objects.",
  'kube_config.snat_operator.watch_namespace': 'Namespace the SNAT operator watches; empty: all.',
  'kube_config.snat_operator.globalinfo_name': 'Name of the SnatGlobalInfo resource.',
  'kube_config.snat_operator.rdconfig_name': 'Name of the RdConfig (routing-domain config) resource.',
  'kube_config.snat_operator.port_range': 'Source ports SNAT uses on each SNAT address.',
  'kube_config.snat_operator.port_range.start': 'First SNAT port; not above `end`.',
  'kube_config.snat_operator.port_range.end': 'Last SNAT port.',
  'kube_config.snat_operator.port_range.ports_per_node': 'Ports given to each node; at most the size of the range.',
  'kube_config.snat_operator.snat_namespace': "Namespace of the SNAT policies' objects.",
  'kube_config.snat_operator.contract_scope': 'Scope of the contracts SNAT creates: `global`, `tenant` or `context` (VRF).',
  'kube_config.snat_operator.disable_periodic_snat_global_info_sync': 'Stop the periodic resync of SnatGlobalInfo.',
  'kube_config.snat_operator.sleep_time_snat_global_info_sync': 'Seconds between SnatGlobalInfo resyncs. Unset: 60.',
  'kube_config.max_nodes_svc_graph': 'Most nodes a service graph redirects to.',
  'kube_config.opflex_mode': 'Where the opflex datapath runs: `physical` (nodes on the fabric), `dpu`, or `overlay`. Unset: physical.',
  'kube_config.opflex_agent_prometheus': '"true": the opflex agent exports Prometheus metrics.',
  'kube_config.host_agent_cni_bin_path': 'Host folder mounted into the host agent, where it installs the CNI plugin binaries.',
  'kube_config.host_agent_cni_conf_path': 'Host folder mounted into the host agent, where it writes the CNI configuration.',
  'kube_config.generate_installer_files':
    "Put the OpenShift 4.3 installer's files in the operator tarball: the cluster network configuration and the master and worker kubelet MachineConfigs (node address on the kubeapi VLAN).",
  'kube_config.generate_cnet_file':
    'Put the OpenShift cluster network configuration (`cluster-network-03-config.yaml`, the ACI CNI as default network) in the operator tarball; only while `multus.disable` is true.',
  'kube_config.generate_apic_file':
    'Put `apic.json` (system id, VLANs, node and pod networks, APIC addresses) in the operator tarball, for the OpenShift on ESX installer.',
  'kube_config.use_host_netns_volume': "Mount the host's `/run/netns` into the host agent. The current flavors turn it on.",
  'kube_config.opflex_startup_enabled': 'Let the opflex agent start from the policy it saved before a restart.',
  'kube_config.opflex_startup_policy_file': 'Where the opflex agent saves that policy.',
  'kube_config.opflex_startup_policy_duration': 'Seconds the saved policy stays in use after the agent connects.',
  'kube_config.opflex_startup_resolve_aft_conn': 'Use the saved policy only once connected to the leaf.',
  'kube_config.opflex_switch_sync_delay': "Seconds from the agent's start to its first sync with Open vSwitch.",
  'kube_config.opflex_switch_sync_dynamic': 'Seconds between later syncs with Open vSwitch.',
  'kube_config.opflex_agent_opflex_asyncjson_enabled': '"true": asynchronous JSON on the agent\'s opflex channel.',
  'kube_config.opflex_agent_ovs_asyncjson_enabled': '"true": asynchronous JSON on the agent\'s channel to Open vSwitch.',
  'kube_config.acicni_priority_class_value': "Value of the priority class of the ACI CNI's pods.",
  'kube_config.allow_kube_api_default_epg':
    'Let pods in the default EPG reach the API server (the default EPG consumes the kube-api contract). The current flavors turn it on.',
  'kube_config.allow_pods_external_access': 'Let pods in the default EPG reach external networks through the L3Out.',
  'kube_config.allow_pods_kube_api_access': 'Same effect as `allow_kube_api_default_epg`.',
  'kube_config.use_ds_rolling_update': NOT_FOR_KUBERNETES,
  'kube_config.no_priority_class': "Leave the priority class off the ACI CNI's pods (the oldest flavors set it).",
  'kube_config.enable_apic_request_retry_delay': 'The controller retries failed APIC requests with exponential backoff. Unset: true.',
  'kube_config.apic_request_retry_delay_base': 'Base of that backoff, in seconds. Unset: 20.',
  'kube_config.epg_resolve_prioritize': 'The host agent holds an endpoint back until its EPG has resolved. Unset: true.',
  'kube_config.force_ep_undeclares': 'The agent undeclares an endpoint before declaring it again to the leaf. Unset: true.',
  'kube_config.filter_opflex_device': "The controller only processes opflex devices of this cluster's VMM domain. Unset: true.",
  'kube_config.aci_multipod':
    "Node VMs may migrate between ACI pods of a multi-pod fabric: the infra VLAN address and the opflex agent's addresses are renewed from the new pod.",
  'kube_config.aci_multipod_ubuntu': 'As `aci_multipod`, for Ubuntu nodes.',
  'kube_config.opflex_device_reconnect_wait_timeout':
    "Seconds to wait for a disconnected opflex device before renewing the node's infra DHCP lease.",
  'kube_config.dhcp_renew_max_retry_count': 'Attempts at renewing that lease.',
  'kube_config.dhcp_delay': 'Seconds between the DHCP release and the renew.',
  'kube_config.hpp_optimization': 'Network policies with the same spec share one host protection policy on the APIC instead of one each.',
  'kube_config.disable_hpp_rendering':
    'Do not render Kubernetes network policies as host protection policies: network policies then have no effect.',
  'kube_config.service_graph_endpoint_add_delay': 'Wait before a new endpoint joins a service graph (lets it warm up).',
  'kube_config.service_graph_endpoint_add_delay.delay': 'Seconds to wait, for the services listed.',
  'kube_config.service_graph_endpoint_add_delay.services': 'The services the delay applies to.',
  'kube_config.service_graph_endpoint_add_delay.services[].name': "The service's name.",
  'kube_config.service_graph_endpoint_add_delay.services[].namespace': "The service's namespace.",
  'kube_config.service_graph_endpoint_add_delay.services[].delay': "This service's own delay, in seconds.",
  'kube_config.node_snat_redirect_exclude': 'Node groups whose traffic is not redirected for SNAT, by node label.',
  'kube_config.node_snat_redirect_exclude[].group': 'Name of the group.',
  'kube_config.node_snat_redirect_exclude[].labels': 'Node labels: a node with all of them is in the group.',
  'kube_config.opflex_agent_policy_retry_delay_timer': "Seconds between the opflex agent's retries of an unresolved policy. Unset: 10.",
  'kube_config.use_system_node_priority_class': "Give the ACI CNI's pods the built-in `system-node-critical` priority class.",
  'kube_config.aci_containers_controller_memory_request': MEMORY('controller', 'request'),
  'kube_config.aci_containers_controller_memory_limit': MEMORY('controller', 'limit'),
  'kube_config.aci_containers_host_memory_request': MEMORY('host agent', 'request'),
  'kube_config.aci_containers_host_memory_limit': MEMORY('host agent', 'limit'),
  'kube_config.mcast_daemon_memory_request': MEMORY('multicast daemon', 'request'),
  'kube_config.mcast_daemon_memory_limit': MEMORY('multicast daemon', 'limit'),
  'kube_config.opflex_agent_memory_request': MEMORY('opflex agent', 'request'),
  'kube_config.opflex_agent_memory_limit': MEMORY('opflex agent', 'limit'),
  'kube_config.acc_provision_operator_memory_request': MEMORY('acc-provision operator', 'request'),
  'kube_config.acc_provision_operator_memory_limit': MEMORY('acc-provision operator', 'limit'),
  'kube_config.aci_containers_operator_memory_request': MEMORY('ACI CNI operator', 'request'),
  'kube_config.aci_containers_operator_memory_limit': MEMORY('ACI CNI operator', 'limit'),
  'kube_config.toleration_seconds':
    'How long the controller pod stays on a node that is not ready or unreachable (its `tolerationSeconds`). Unset: 60.',
  'kube_config.opflex_openssl_compat': 'OpenSSL compatibility mode of the opflex agent, for hosts with FIPS turned off.',
  'kube_config.enable_opflex_agent_reconnect': 'Reconnect the opflex agent to the fabric after its VM migrated.',
  'kube_config.opflex_agent_statistics': 'Collect opflex agent statistics; turn off under heavy load. Unset: on.',
  'kube_config.add_external_contract_to_default_epg':
    'Controller option `add-external-contract-to-default-epg`: the contract the controller makes for external service traffic is also attached to the default EPG.',
  'kube_config.apic_connection_retry_limit': 'Failed connection attempts to one APIC before the controller moves on to the next. Unset: 5.',
  'kube_config.taint_not_ready_node': 'Taint a node until its host agent is ready, so no pod lands there before the network is.',
  'kube_config.enable_hpp_direct': 'Distribute host protection policies through Kubernetes resources instead of the APIC.',
  'kube_config.unknown_mac_unicast_action':
    'What the pod bridge domain does with unicast to an unknown MAC: `proxy` (the spine) or `flood`. Unset: proxy.',
  'kube_config.opflex_agent_reset_wait_delay': 'Seconds the opflex agent waits before resetting its connection. Unset: 5.',
  'kube_config.disable_service_vlan_preprovisioning': 'Do not pre-provision the service VLAN on every host (OpenShift on OpenStack).',
  'kube_config.proactive_conf':
    "Add the ProactiveConf resource (and its RBAC rule), with which `acikubectl proactive_policy` deploys the cluster's EPGs on all its leaf ports ahead of VM moves.",
  'kube_config.disable_resilient_hashing': 'No resilient hashing in the redirect policies of LoadBalancer services.',
  'kube_config.disable_opflex_resilient_hashing': "The opflex datapath rehashes all flows when a service's backends change.",
  'kube_config.leaf_reboot_check_interval': "Seconds between the controller's checks for rebooted or new leaves. Unset: 900.",
  'kube_config.use_external_service_ip_allocator':
    'Leave LoadBalancer address allocation to another allocator: the controller does not hand out `extern_dynamic` addresses.',
  'kube_config.use_privileged_containers': "Run the ACI CNI's host containers privileged.",
  'kube_config.use_openshift_security_context_constraints': "Add an OpenShift SecurityContextConstraints object for the CNI's pods.",
  'kube_config.default_endpoint_group':
    "The EPG pods land in unless their namespace or an annotation says otherwise. Derived: the default EPG of the cluster's application profile.",
  'kube_config.default_endpoint_group.tenant': 'Tenant of that EPG.',
  'kube_config.default_endpoint_group.app_profile': 'Application profile of that EPG.',
  'kube_config.default_endpoint_group.group': 'Name of that EPG.',
  'kube_config.namespace_default_endpoint_group':
    "EPG per namespace. Derived: the system namespaces (`kube-system`, the CNI's namespace, Istio's) land in the system EPG; entries you add are kept.",
  'kube_config.namespace_default_endpoint_group.<name>.tenant': "Tenant of the namespace's EPG.",
  'kube_config.namespace_default_endpoint_group.<name>.app_profile': "Application profile of the namespace's EPG.",
  'kube_config.namespace_default_endpoint_group.<name>.group': "Name of the namespace's EPG.",

  // ---- other sections
  topology: 'Rack layout of the nodes, for the Calico flavors.',
  'topology.rack':
    'Calico: racks, each with `id`, `aci_pod_id`, its anchor `leaf` list (`id`, `local_ip`: a BGP peer and a floating SVI interface each) and its `node` list (`name`: labelled with the rack). Other flavors only copy it into the configuration the acc-provision operator keeps.',
  calico_config: 'Calico settings, for the Calico flavors.',
  'calico_config.net_config':
    'Calico: its IP pool (the Installation resource). Copied as written into the configuration the acc-provision operator keeps.',
  'calico_config.net_config.block_size':
    'Calico: prefix length of the address blocks Calico hands to nodes (20 to 32; fixed once installed).',
  'calico_config.net_config.encapsulation': 'Calico: encapsulation of the IP pool.',
  'calico_config.net_config.nat_outgoing': 'Calico: outgoing NAT of the IP pool.',
  'calico_config.net_config.nodeSelector': 'Calico: nodes the IP pool applies to.',
  istio_config: 'Istio settings. The operator no longer installs Istio; the namespaces still decide which pods land in the system EPG.',
  'istio_config.install_istio': 'Installing Istio was removed from the ACI CNI; the key is accepted and ignored.',
  'istio_config.install_profile': 'Istio installation profile; only copied into the configuration the operator keeps.',
  'istio_config.istio_ns': "Istio's namespace; its pods land in the system EPG.",
  'istio_config.istio_operator_ns': "The Istio operator's namespace; its pods land in the system EPG.",
  registry:
    "Where the ACI CNI's images come from and which versions. Versions you leave out come from the release the flavor names (table below).",
  'registry.image_prefix': 'Registry and path of every image, like `registry.example.com/noiro`.',
  'registry.aci_cni_operator_version':
    "Version of both operators' images; overrides `aci_containers_operator_version` and `acc_provision_operator_version`.",
  'registry.image_pull_secret': 'Name of a secret (a Kubernetes name) holding the credentials of a private registry.',
  'registry.use_digest': 'Pull images by digest: the version keys then hold sha256 digests.',
  'registry.version':
    "ACI CNI release (like 6.1) whose image versions to use. Unset: the flavor's release. For a release the tool does not know, give every `*_version` key.",
  'registry.acc_provision_operator_version': "Version of the acc-provision operator's image.",
  'registry.opflex_server_version': 'Version of the opflex server image.',
  'registry.gbp_version': 'Version of the GBP server image.',
  'registry.snat_operator_version': "Version of the SNAT operator's image.",
  'registry.dpu_init_version': 'Version of the DPU init image (`opflex_mode: dpu`).',
  'registry.dpu_control_server': 'Address (ip:port) of the DPU control server.',
  'registry.cnideploy_version': 'Version of the CNI deploy (init) image.',
  'registry.aci_containers_host_version': "Version of the host agent's image.",
  'registry.opflex_agent_version': "Version of the opflex agent's image.",
  'registry.aci_containers_controller_version': "Version of the controller's image.",
  'registry.aci_containers_operator_version': "Version of the ACI CNI operator's image.",
  'registry.openvswitch_version': 'Version of the Open vSwitch image.',
  'registry.aci_containers_webhook_version': "Version of the webhook's image.",
  'registry.aci_containers_certmanager_version': "Version of the certificate manager's image.",
  'registry.aci_containers_host_ovscni_version': 'Version of the OVS CNI host image.',
  logging: "Log levels of the ACI CNI's components.",
  'logging.size': NOT_FOR_KUBERNETES,
  'logging.controller_log_level': 'Log level of the controller.',
  'logging.hostagent_log_level': 'Log level of the host agent.',
  'logging.opflexagent_log_level': 'Log level of the opflex agent.',
  'logging.operator_log_level': 'Log level of the operators. Unset: info.',
  'logging.aim_debug': NOT_FOR_KUBERNETES,
  drop_log_config: 'Packet drop logs of the opflex datapath.',
  'drop_log_config.enable': "Log dropped packets (the opflex agent's drop log).",
  'drop_log_config.disable_events': 'Do not turn drops into Kubernetes events.',
  'drop_log_config.opflex_redirect_drop_logs': 'Send drop logs to `syslog` or to this file.',
  operator_managed_config: 'What the ACI CNI operator may change in a running cluster.',
  'operator_managed_config.enable_updates': 'Let the acc-provision operator apply configuration changes to the running cluster.',
  provision: 'How this tool provisions.',
  'provision.upgrade_cluster': 'Set by `--upgrade`: generate for upgrading a running cluster.',
  'provision.max_retries':
    'Retries of an APIC request after a refused connection, a timeout or a 5xx answer, with exponential backoff, each on the next host of `apic_hosts`. Unset: 5.',
  'provision.prov_apic': 'Set by the tool: true with `-a`, false with `-d`.',
  'provision.debug_apic': 'Set by `--debug`: log the APIC requests.',
  unprovision: 'How `-d` removes the cluster.',
  'unprovision.skip_app_profile_check':
    "As `--skip-app-profile-check`: delete the tenant even when application profiles other than the cluster's remain in it.",
  multus: 'Multus, for pods with several network interfaces.',
  'multus.disable': 'Leave Multus out. `--disable-multus false` turns it on.',
  sriov_config: 'SR-IOV network devices for pods.',
  'sriov_config.enable': 'Deploy the SR-IOV device plugin.',
  'sriov_config.device_info': 'The SR-IOV devices to offer.',
  'sriov_config.device_info.isRdma': 'The devices are RDMA capable.',
  'sriov_config.device_info.devices': "PCI device ids of the devices. Unset: the plugin's defaults.",
  dpu_config: 'Opflex on a DPU (`kube_config.opflex_mode: dpu`), with SR-IOV.',
  'dpu_config.enable': 'Run the opflex datapath on a DPU.',
  'dpu_config.ip': "The DPU's address. Unset: 192.168.200.2.",
  'dpu_config.user': 'User on the DPU. Unset: opflex.',
  'dpu_config.ovsdb_socket_port': "Port of the DPU's OVSDB socket. Unset: 6640.",
  'dpu_config.masterNodeIp': 'Address of the control plane node, for the DPU.',
  nodepodif_config: 'NodePodIF resources (used for ERSPAN of pod interfaces).',
  'nodepodif_config.enable': 'Create NodePodIF resources.',
  lb_config: 'External load balancer of the Calico flavors.',
  'lb_config.lb_type': 'Load balancer type. ' + NOT_FOR_KUBERNETES,
  rke2_config: 'RKE2 clusters (`vmm_domain.injected_cluster_type: RKE2`).',
  'rke2_config.logging_namespace': 'Rancher logging namespace; its pods land in the system EPG.',
  'rke2_config.monitoring_namespace': 'Rancher monitoring namespace; its pods land in the system EPG.',
  chained_cni_config:
    'Chained CNI (flavors `openshift-sdn-ovn-baremetal` and `openshift-vmm-lite-baremetal`): the ACI CNI attaches the interfaces another CNI (OVN-Kubernetes) made to the fabric. Needs `aci_config.secondary_aep`, and `secondary_vlans` or `vlans_file`.',
  'chained_cni_config.secondary_interface_chaining': CHAINED + " Attaches the pods' secondary interfaces (network attachment definitions).",
  'chained_cni_config.primary_interface_chaining': CHAINED + " Attaches the pods' primary interfaces.",
  'chained_cni_config.primary_cni_path':
    "Path of the primary CNI's configuration on the nodes. With `openshift-sdn-ovn-baremetal` always `/mnt/cni-conf/cni/net.d/10-ovn-kubernetes.conf` (OVN-Kubernetes).",
  'chained_cni_config.skip_node_network_provisioning':
    'Chained mode: make no nodes EPG, BD or physical domain (the nodes network exists already); `aci_config.aep`, `vrf` and `node_subnet` are then not needed.',
  'chained_cni_config.use_global_scope_vlan':
    'Chained mode: a VLAN means the same network on every AEP (the controller names EPGs after the VLAN only).',
  'chained_cni_config.secondary_vlans':
    'Chained mode: the VLANs of secondary networks (the FabricVlanPool): a list of VLANs, ranges `4004-4007` or lists `"4003, 4009"`. Required without `vlans_file`.',
  'chained_cni_config.vlans_file':
    'Chained mode: a NAD VLAN map (CSV with the columns Network, VLAN ID, Namespace, NAD Prefix): becomes the NadVlanMap resource, and its VLANs join the FabricVlanPool. `--old-nad-vlan-map-input` names the previous one on upgrades.',
  'chained_cni_config.local_cert_manager_enabled':
    "Chained mode: a certificate manager deployment rotates the webhook's serving certificate (instead of OpenShift's service CA).",
  'chained_cni_config.require_annotation_for_nad_mutation_webhook':
    'Chained mode: the webhook only mutates annotated network attachment definitions.',
  'chained_cni_config.enable_ovs_cni_support': 'Chained mode: support OVS CNI secondary networks (the host agent image with OVS CNI).',
  'chained_cni_config.named_container_for_fabric_bgp_peer_insertion':
    'Chained mode: the container the webhook gives the fabric BGP peer settings.',
  'chained_cni_config.enable_container_l3_peering_model':
    'Chained mode: layer 3 peering from containers (pod mutation and L3 configuration webhooks).',
  'chained_cni_config.include_network_attachment_definition_crd':
    'Chained mode: include the NetworkAttachmentDefinition CRD in the manifest.',
  'chained_cni_config.use_system_id_for_secondary_names': 'Chained mode: name the objects of secondary networks after `system_id`.',
  vmm_lite_config:
    'VMM lite (flavor `openshift-vmm-lite-baremetal`): the controller watches the AEP for the bridges of the OpenShift Cluster Network Operator. Needs `bridge_name` and `apic_username`; `aci_config.system_id` may be left out (then `-a` only makes the APIC user).',
  'vmm_lite_config.aaep_monitoring_enabled': VMM_LITE,
  'vmm_lite_config.bridge_name': 'VMM lite: the host bridge (at most 10 characters when the bridge NAD configuration makes it a gateway).',
  'vmm_lite_config.cno_identifier': 'VMM lite: identifier of the Cluster Network Operator.',
  'vmm_lite_config.bridge_nad_config_file':
    'VMM lite: a YAML file of bridge CNI options for the network attachment definitions (isGateway, isDefaultGateway, forceAddress, ipMasq, ipMasqBackend, mtu, hairpinMode, promiscMode, enabledad, macspoofchk, disableContainerInterface, portIsolation, ipam); checked as the Python tool checks it.',
  'vmm_lite_config.kubeapi_vlan': "VMM lite: the nodes' VLAN the controller reports.",
  'vmm_lite_config.apic_username': "VMM lite: the controller's APIC user (and the name of its certificate files).",
  acc_provision_operator: "The acc-provision operator, which keeps the cluster's configuration and applies updates.",
  'acc_provision_operator.exclude': "Leave the acc-provision operator's container out of the operator Deployment.",
  cilium_chaining: 'Chaining with Cilium as the primary CNI.',
  'cilium_chaining.enable': 'Generate for Cilium chaining (adds the Cilium CNI configuration; the host agent runs in generic veth mode).',
  versions_url: 'Another table of release image versions.',
  'versions_url.path':
    'A local YAML file whose `versions` table replaces the built-in one. URLs are not fetched: a warning says so and the built-in table is used.',

  // ---- OpenShift family (the OpenShift flavors set these; a file may override them)
  'aci_config.items[].consumed': 'EPGs that consume it, by role: `default`, `system`, `nodes`.',
  'aci_config.items[].provided': 'EPGs that provide it, by role: `default`, `system`, `nodes`.',
  'aci_config.kube_api_entries': 'Entries added to the kube-api filter (OpenShift: etcd, http, https), each named `openshift-<name>`.',
  'aci_config.kube_api_entries[].name': "The entry's name, after `openshift-`.",
  'aci_config.kube_api_entries[].etherT': 'Its Ethernet type (`ip`).',
  'aci_config.kube_api_entries[].prot': 'Its IP protocol.',
  'aci_config.kube_api_entries[].stateful': '`"yes"` or `"no"`.',
  'aci_config.kube_api_entries[].range': 'Its destination ports `[FROM, TO]` (numbers or names like `https`).',
  'aci_config.dns_entries': 'Entries added to the DNS filter (OpenShift: multicast DNS and CoreDNS metrics).',
  'aci_config.dns_entries[].name': "The entry's name.",
  'aci_config.dns_entries[].etherT': 'Its Ethernet type (`ip`).',
  'aci_config.dns_entries[].prot': 'Its IP protocol.',
  'aci_config.dns_entries[].stateful': '`"yes"` or `"no"`.',
  'aci_config.dns_entries[].range': 'Its destination ports `[FROM, TO]`.',
  'kube_config.use_openshift_run_level':
    "Label the CNI's namespace with OpenShift run level 0 (its pods start before the rest of the cluster).",
  'kube_config.use_cnideploy_initcontainer': 'Install the CNI plugin binaries from an init container of the host agent.',
  'kube_config.use_openshift_security_context_constraints_agent_based_baremetal':
    "Agent-based bare metal installs: let the host agent use OpenShift's built-in `privileged` SecurityContextConstraints (a Role and RoleBinding).",
  'kube_config.openshift_security_constraint_operator_serviceaccount':
    "Also admit the operator's service account in the CNI's SecurityContextConstraints (OpenShift 3.11).",
  agent_based_installer: 'OpenShift agent-based installs.',
  'agent_based_installer.enable':
    'The cluster is installed with the agent-based installer: no installer-provisioned load balancer, so `installer_provisioned_lb_ip` is not required.',
  // ---- end of the OpenShift family
};

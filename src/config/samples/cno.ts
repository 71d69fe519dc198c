// Samples of the two OpenShift modes beside another CNI: chained CNI (with
// OVN-Kubernetes) and VMM lite. Each is a valid input as it stands: the
// files they may name (NAD VLAN map, bridge NAD configuration) are shown
// commented out.

export const CHAINED_SAMPLE = `#
# ACI fabric: where the cluster attaches and what the tool creates there.
#
aci_config:
  system_id: mykube             # Unique name of this cluster in the fabric (lower-case letters and digits)
  apic_hosts:                   # APIC addresses for the REST API
  - 10.1.1.101
  # physical_domain:            # An existing physical domain for the nodes; unset: <system_id>-physdom is made
  #   domain: kube-physdom
  # vmm_domain:                 # An existing VMM domain the nodes EPG joins (optional)
  #   domain: mykube
  #   type: OpenShift
  aep: kube-cluster             # AEP of the ports or vPCs of the nodes
  secondary_aep: kube-cluster-2 # AEP of the ports of the secondary networks
  vrf:                          # VRF of the nodes bridge domain
    name: mykube-vrf
    tenant: common
  # l3out:                      # L3Out whose external EPGs the nodes reach the outside through
  #   name: mykube_l3out
  #   external_networks:
  #   - mykube_extepg

#
# Networks: the nodes' subnet and VLAN (kube-api).
#
net_config:
  node_subnet: 10.1.0.1/16      # Subnet of the nodes (its gateway address)
  kubeapi_vlan: 4001            # VLAN of the nodes on the physical domain

#
# Images of the ACI CNI.
#
registry:
  image_prefix: noiro           # e.g. registry.example.com/noiro

#
# Chained CNI: the ACI CNI attaches the interfaces OVN-Kubernetes makes.
#
chained_cni_config:
  secondary_interface_chaining: true   # Attach the pods' secondary interfaces (network attachment definitions)
  # primary_interface_chaining: true   # Attach the pods' primary interfaces too
  secondary_vlans:              # VLANs the secondary networks may use: VLANs, ranges, lists
  - 4002
  - 4003-4010
  # vlans_file: nad_vlan_map.csv # NAD VLAN map (CSV: Network, VLAN ID, Namespace, NAD Prefix); its VLANs join the pool
  # skip_node_network_provisioning: true # The nodes' network exists: no nodes EPG, BD or physical domain
  # local_cert_manager_enabled: true     # Rotate the webhook's certificate in the cluster (not OpenShift's service CA)
`;

export const VMM_LITE_SAMPLE = `#
# ACI fabric: the APIC the controller reports to.
#
aci_config:
  apic_hosts:                   # APIC addresses for the REST API
  - 10.1.1.101
  # system_id: mykube           # With a system id (and aep, vrf, node_subnet) -a also makes the nodes EPG and BD;
  #                             # without, -a makes only the controller's APIC user

#
# Images of the ACI CNI.
#
registry:
  image_prefix: noiro           # e.g. registry.example.com/noiro

#
# VMM lite: the controller watches the AEP for the bridges of the OpenShift Cluster Network Operator.
#
vmm_lite_config:
  aaep_monitoring_enabled: true
  bridge_name: br-nad           # The Linux bridge, same name on every worker node
  cno_identifier: cno           # Prefix of the EPG annotation that marks the Cluster Network Operator's EPGs
  kubeapi_vlan: 4001            # VLAN of the nodes
  apic_username: mykube         # The controller's APIC user (certificate files user-<name>.crt/.key)
  # bridge_nad_config_file: bridge_nad_config.yaml
  #   A YAML mapping of bridge CNI options for the network attachment definitions, e.g.
  #     isGateway: true           # give the bridge an address (bridge_name then at most 10 characters)
  #     ipMasq: true
  #     mtu: 1500
  #     ipam:
  #       type: host-local
  #       subnet: 10.1.1.0/24
`;

// `--sample -f calico-3.26.3`: Calico is the CNI and peers with the fabric
// over BGP, so the file describes the cluster L3Out (floating SVI, BGP),
// the racks with their anchor leaves and nodes, and the subnets Calico
// advertises. Plain text, no dependencies.

export const CALICO_SAMPLE = `#
# ACI fabric: the APIC, the VRF of the cluster, the cluster L3Out this tool creates
# (Calico peers with its leaves over BGP) and the user's L3Out to the outside.
#
aci_config:
  apic_hosts:
  - 10.30.120.100               # APIC addresses for the REST API
  vrf:                          # VRF of the cluster's routes
    name: mykube-vrf
    tenant: common
  cluster_l3out:
    name: calico_l3out          # Created by this tool (default: calico-l3out-fsvi-vlan-<vlan_id>)
    aep: kube-cluster           # Attachable entity profile of the cluster's ports or VPCs (required)
    # vrf:                      # The cluster L3Out's own VRF (created), instead of aci_config.vrf
    #   name: calico_vrf
    #   tenant: calico_tenant
    svi:
      type: floating            # Floating SVI (the only type)
      floating_ip: 2.100.101.100/24   # An address of the node subnet (required)
      secondary_ip: 2.100.101.254/24  # Required
      vlan_id: 13               # The SVI's VLAN, one for the whole cluster (required)
      mtu: 9000                 # 9000 recommended
    bgp:
      secret: test              # Password of the BGP sessions
      peering:
        prefixes: 500           # Most prefixes accepted from one node (default 500)
        remote_as_number: 64512 # The Calico nodes' AS (default 64512)
        aci_as_number: 2        # The fabric's BGP route reflector AS (required; checked with -a)
  l3out:
    name: mykube_l3out          # The user's L3Out to the outside (pre-existing)
    external_networks:
    - mykube_extepg             # Its external EPGs: they provide the cluster's allow-all contract

#
# Cluster networks, advertised over BGP.
#
net_config:
  node_subnet: 2.100.101.0/24       # Nodes
  pod_subnet: 20.2.0.0/16           # Pods
  extern_dynamic: 20.3.0.0/16       # Service external and load balancer IPs
  cluster_svc_subnet: 10.96.0.0/12  # Service cluster IPs
  # advertise_cluster_svc_subnet: true  # Also advertise the service cluster IPs (default false)

#
# Calico networking.
#
calico_config:
  net_config: {}
    # block_size: 26            # IPv4 IPAM block size, 20 to 32 (default 26; fixed once installed)

#
# Racks: each with its anchor leaves (the BGP peers) and its Kubernetes nodes.
#
topology:
  rack:
  - id: 1                       # The rack's id (yours to choose)
    aci_pod_id: 1
    leaf:
    - id: 101                   # Anchor leaf node id
      local_ip: 2.100.101.201   # Its address on the SVI
    - id: 102
      local_ip: 2.100.101.202
    node:
    - name: k8s-node1
    - name: k8s-node2
  - id: 2
    aci_pod_id: 1
    leaf:
    - id: 103
      local_ip: 2.100.101.203
    node:
    - name: k8s-node3
    - name: k8s-node4
`;

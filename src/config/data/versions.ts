// Image versions per ACI CNI release (versions.yaml of the Python acc-provision),
// keyed by the release number written with at least one decimal ("6.1", "5.0").
export const RELEASE_VERSIONS: Record<string, Record<string, string>> = {
  "1.9": {
    "cnideploy_version": "1.9r43",
    "aci_containers_host_version": "1.9r43",
    "aci_containers_controller_version": "1.9r43",
    "snat_operator_version": "4.2.1.1.r1",
    "opflex_agent_version": "1.9r80",
    "openvswitch_version": "1.7r24",
    "opflex_server_version": "5.0.2.2.r48",
    "gbp_version": "5.0.2.2.r8"
  },
  "4.1": {
    "aci_containers_controller_version": "4.1.1.5.r19",
    "aci_containers_host_version": "4.1.1.5.r19",
    "snat_operator_version": "4.2.1.1.r1",
    "cnideploy_version": "4.1.1.5.r19",
    "openvswitch_version": "4.1.1.5.r16",
    "opflex_agent_version": "4.1.1.5.r21",
    "opflex_server_version": "5.0.2.2.r48",
    "gbp_version": "5.0.2.2.r8"
  },
  "4.2": {
    "aci_containers_controller_version": "4.2.2.2.r32",
    "aci_containers_host_version": "4.2.2.2.r32",
    "snat_operator_version": "4.2.2.2.r4",
    "cnideploy_version": "4.2.2.2.r32",
    "openvswitch_version": "4.2.2.2.r26",
    "opflex_agent_version": "4.2.2.2.r32",
    "opflex_server_version": "5.0.2.2.r48",
    "gbp_version": "5.0.2.2.r8"
  },
  "5.0": {
    "aci_containers_controller_version": "5.0.2.2.05bf1b8",
    "aci_containers_host_version": "5.0.2.2.05bf1b8",
    "aci_containers_operator_version": "5.0.2.2.05bf1b8",
    "cnideploy_version": "5.0.2.2.05bf1b8",
    "openvswitch_version": "5.0.2.2.05bf1b8",
    "opflex_agent_version": "5.0.2.2.05bf1b8",
    "opflex_server_version": "5.0.2.2.05bf1b8",
    "gbp_version": "5.0.2.2.05bf1b8"
  },
  "5.1": {
    "aci_containers_controller_version": "5.1.1.0.1ae238a",
    "aci_containers_host_version": "5.1.1.0.1ae238a",
    "aci_containers_operator_version": "5.1.1.0.1ae238a",
    "cnideploy_version": "5.1.1.0.1ae238a",
    "openvswitch_version": "5.1.1.0.1ae238a",
    "opflex_agent_version": "5.1.1.0.1ae238a",
    "opflex_server_version": "5.1.1.0.1ae238a",
    "gbp_version": "5.1.1.0.1ae238a"
  },
  "5.2": {
    "acc_provision_operator_version": "5.2.7.1.81c2369",
    "aci_containers_controller_version": "5.2.7.1.81c2369",
    "aci_containers_host_version": "5.2.7.1.81c2369",
    "aci_containers_operator_version": "5.2.7.1.81c2369",
    "cnideploy_version": "5.2.7.1.81c2369",
    "openvswitch_version": "5.2.7.1.81c2369",
    "opflex_agent_version": "5.2.7.1.81c2369",
    "opflex_server_version": "5.2.7.1.81c2369",
    "gbp_version": "5.2.7.1.81c2369"
  },
  "6.0": {
    "acc_provision_operator_version": "6.0.4.3.81c2369",
    "aci_containers_controller_version": "6.0.4.3.81c2369",
    "aci_containers_host_version": "6.0.4.3.81c2369",
    "aci_containers_operator_version": "6.0.4.3.81c2369",
    "cnideploy_version": "6.0.4.3.81c2369",
    "openvswitch_version": "6.0.4.3.81c2369",
    "opflex_agent_version": "6.0.4.3.81c2369",
    "opflex_server_version": "6.0.4.3.81c2369",
    "gbp_version": "6.0.4.3.81c2369",
    "aci_containers_webhook_version": "6.0.4.3.81c2369",
    "aci_containers_certmanager_version": "6.0.4.3.81c2369",
    "aci_containers_host_ovscni_version": "6.0.4.3.81c2369"
  },
  "6.1": {
    "acc_provision_operator_version": "6.1.2.1.81c2369",
    "aci_containers_controller_version": "6.1.2.1.81c2369",
    "aci_containers_host_version": "6.1.2.1.81c2369",
    "aci_containers_operator_version": "6.1.2.1.81c2369",
    "cnideploy_version": "6.1.2.1.81c2369",
    "openvswitch_version": "6.1.2.1.81c2369",
    "opflex_agent_version": "6.1.2.1.81c2369",
    "opflex_server_version": "6.1.2.1.81c2369",
    "gbp_version": "6.1.2.1.81c2369",
    "aci_containers_webhook_version": "6.1.2.1.81c2369",
    "aci_containers_certmanager_version": "6.1.2.1.81c2369",
    "aci_containers_host_ovscni_version": "6.1.2.1.81c2369"
  }
};

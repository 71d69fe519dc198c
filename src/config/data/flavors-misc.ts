// Docker UCP, the basic overlay and the ACI CNI chained to Cilium: flavors of
// the Python acc-provision (flavors.yaml) carried as data. Each writes the ACI
// CNI manifest through the Kubernetes builders with its own settings.
import type { FlavorData } from '../flavors.js';

const tcpPorts = (name: string, from: number, to = from) => ({ name, range: [from, to], etherT: 'ip', prot: 'tcp', stateful: 'no' });

export const MISC_FLAVORS: Record<string, FlavorData> = {
  'docker-ucp-3.0': {
    desc: 'Docker Universal Control Plane (UCP) 3.0',
    default_version: 6.1,
    status: null,
    hidden: true,
    order: 68,
    family: 'docker-ucp',
    config: {
      kube_config: { no_priority_class: true, use_cnideploy_initcontainer: true },
      aci_config: {
        // The UCP ports the API filter opens (docs.docker.com, UCP system requirements).
        items: [
          tcpPorts('ucp-ui-port', 443),
          tcpPorts('ucp-tls-port', 12376),
          tcpPorts('ucp-kubelet-port', 10250),
          tcpPorts('ucp-misc-ports', 12378, 12388),
        ],
      },
    },
  },
  'k8s-overlay': {
    desc: 'Kubernetes basic overlay',
    default_version: 6.1,
    status: 'Experimental',
    hidden: true,
    order: 133,
    family: 'k8s-overlay',
    config: {
      aci_config: {
        system_id: 'kube',
        use_legacy_kube_naming_convention: true,
        vrf: { name: 'defaultVrf', tenant: 'kube' },
        overlay_vrf: 'defaultVrf',
        apic_hosts: [],
        vmm_domain: { domain: 'kubernetes' },
      },
      kube_config: {
        use_aci_anywhere_crd: true,
        pod_exec_resources_controller: true,
        skip_namespace_resource_hostagent: false,
        skip_replicationcontroller_resource_hostagent: false,
        all_access_controller_clusterrole: true,
        no_hostagent_networking_clusterrole: false,
        no_hostagent_deployment_clusterrole: false,
        run_opflex_server_container: true,
        run_gbp_container: true,
        use_opflex_server_volume: true,
        opflex_mode: 'overlay',
        system_namespace: 'kube-system',
        use_cnideploy_initcontainer: true,
        use_privileged_containers: true,
        use_host_netns_volume: true,
        use_openshift_run_level: false,
        ep_registry: 'k8s',
        snat_operator: { snat_namespace: 'kube-system' },
        allow_kube_api_default_epg: true,
        allow_pods_external_access: true,
      },
      net_config: { opflex_server_port: 8009 },
      istio_config: { install_istio: false },
      drop_log_config: { enable: true },
    },
  },
  'k8s-aci-cilium': {
    desc: 'Chained CNI for Kubernertes',
    default_version: 6.1,
    status: 'Experimental',
    hidden: false,
    order: 137,
    family: 'k8s-aci-cilium',
    config: {
      kube_config: { allow_kube_api_default_epg: true, use_host_netns_volume: true },
      multus: { disable: false },
    },
  },
};

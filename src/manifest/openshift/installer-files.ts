// What an OpenShift install takes from the operator tarball beside the ACI
// CNI's objects: the cluster Network configuration naming the ACI CNI as the
// default network, the kubelet MachineConfigs of the 4.3-4.4 installer (the
// node IP on the kubeapi VLAN subinterface) and of 4.6 on vSphere, and the
// fabric facts (apic.json) the ESX installer reads. Named as the installer
// expects them, after the numbered objects in the archive.
import { Ctx, pyJson, truthy } from '../context.js';
import type { KubeObject } from '../object.js';
import { renderDoc } from '../render.js';
import type { TarEntry } from '../families.js';

/** operator.openshift.io/v1 Network: the cluster's networks, the ACI CNI as default network. */
function clusterNetwork(ctx: Ctx): KubeObject {
  const pods: string[] = ctx.c.net_config.pod_subnet ?? [];
  return {
    apiVersion: 'operator.openshift.io/v1',
    kind: 'Network',
    metadata: { creationTimestamp: null, name: 'cluster' },
    spec: {
      disableMultiNetwork: true,
      // Each node gets a /23 of an IPv4 pod subnet, a /64 of an IPv6 one.
      ...(pods.length > 0 ? { clusterNetwork: pods.map((cidr) => ({ cidr, hostPrefix: cidr.includes(':') ? 64 : 23 })) } : {}),
      defaultNetwork: { type: 'CiscoACI' },
      serviceNetwork: ['172.30.0.0/25'],
    },
  };
}

// The OpenStack cloud provider's configuration the 4.3 installer's nodes read.
const CLOUD_CONF_SOURCE =
  'data:,%5BGlobal%5D%0Asecret-name%20%3D%20openstack-credentials%0Asecret-namespace%20%3D%20kube-system%0Aregion%20%3D%20regionOne';

type Role = 'master' | 'worker';

/** The kubelet unit of the 4.3 installer: node address from the kubeapi VLAN subinterface. */
function kubeletUnitOnVlan(role: Role, kubeapiVlan: unknown, argIndent: string, flagIndent: string): string {
  const flags = [
    '--config=/etc/kubernetes/kubelet.conf',
    '--bootstrap-kubeconfig=/etc/kubernetes/kubeconfig',
    ...(role === 'master' ? ['--rotate-certificates'] : []),
    '--kubeconfig=/var/lib/kubelet/kubeconfig',
    '--container-runtime=remote',
    '--container-runtime-endpoint=/var/run/crio/crio.sock',
    `--node-labels=node-role.kubernetes.io/${role},node.openshift.io/os_id=\${ID}`,
    '--minimum-container-ttl-duration=6m0s',
    '--volume-plugin-dir=/etc/kubernetes/kubelet-plugins/volume/exec',
    ...(role === 'master' ? ['', '--register-with-taints=node-role.kubernetes.io/master=:NoSchedule'] : []),
    '--address=${ip}',
    '--node-ip=${ip}',
    '--v=3',
  ];
  return [
    '[Unit]',
    'Description=Kubernetes Kubelet',
    'Wants=rpc-statd.service crio.service',
    'After=crio.service',
    '[Service]',
    'Type=notify',
    'ExecStartPre=/bin/mkdir --parents /etc/kubernetes/manifests',
    'ExecStartPre=/bin/rm -f /var/lib/kubelet/cpu_manager_state',
    `ExecStartPre=/bin/bash -c "/bin/systemctl set-environment ip=$(/sbin/ip -o -4 addr list ens3.${pyJson(kubeapiVlan)} | awk '{print $4}' | cut -d/ -f1)"`,
    'EnvironmentFile=/etc/os-release',
    'EnvironmentFile=-/etc/kubernetes/kubelet-workaround',
    'EnvironmentFile=-/etc/kubernetes/kubelet-env',
    'ExecStart=/usr/bin/hyperkube \\',
    `${argIndent}kubelet \\`,
    ...flags.slice(0, -1).map((f) => `${flagIndent}${f} \\`.replace(/^ +\\$/, `${flagIndent}\\`)),
    `${flagIndent}${flags[flags.length - 1]}`,
    'Restart=always',
    'RestartSec=10',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}

function machineConfig(role: Role, config: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: { labels: { 'machineconfiguration.openshift.io/role': role }, name: `02-${role}-kubelet` },
    spec: { config },
  };
}

/** Ignition 2.2 MachineConfig with the cloud configuration and the kubelet unit. */
function kubeletOnVlan(role: Role, unit: string): KubeObject {
  return machineConfig(role, {
    ignition: { config: {}, security: { tls: {} }, timeouts: {}, version: '2.2.0' },
    networkd: {},
    passwd: {},
    storage: {
      files: [
        {
          contents: { source: CLOUD_CONF_SOURCE, verification: {} },
          filesystem: 'root',
          mode: 420,
          path: '/etc/kubernetes/cloud.conf',
        },
      ],
    },
    systemd: { units: [{ contents: unit, enabled: true, name: 'kubelet.service' }] },
  });
}

// The pause image the 4.6 vSphere kubelet runs pods with.
const POD_INFRA_IMAGE =
  'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:bd7e5d50fe2bd9a217ef3e2f17fb9e2c65366d59f4444e16f899ba6b967ce3b4';

/** Worker kubelet of OpenShift 4.6 on vSphere: node address from ens192, vSphere cloud provider. */
function vsphereWorkerKubelet(): KubeObject {
  const flags = [
    '--config=/etc/kubernetes/kubelet.conf',
    '--bootstrap-kubeconfig=/etc/kubernetes/kubeconfig',
    '--kubeconfig=/var/lib/kubelet/kubeconfig',
    '--container-runtime=remote',
    '--container-runtime-endpoint=/var/run/crio/crio.sock',
    '--runtime-cgroups=/system.slice/crio.service',
    '--node-labels=node-role.kubernetes.io/worker,node.openshift.io/os_id=${ID}',
    '--address=${ip}',
    '--node-ip=${ip}',
    '--minimum-container-ttl-duration=6m0s',
    '--volume-plugin-dir=/etc/kubernetes/kubelet-plugins/volume/exec',
    '--cloud-provider=vsphere',
    '--cloud-config=/etc/kubernetes/cloud.conf',
    `--pod-infra-container-image=${POD_INFRA_IMAGE}`,
    '--v=${KUBELET_LOG_LEVEL}',
  ];
  const unit = [
    '[Unit]',
    'Description=Kubernetes Kubelet',
    'Wants=rpc-statd.service network-online.target crio.service',
    'After=network-online.target crio.service',
    '',
    '[Service]',
    'Type=notify',
    'ExecStartPre=/bin/mkdir --parents /etc/kubernetes/manifests',
    'ExecStartPre=/bin/rm -f /var/lib/kubelet/cpu_manager_state',
    `ExecStartPre=/bin/bash -c "/bin/systemctl set-environment ip=$(/sbin/ip -o -4 addr list ens192 | awk '{print $4}' | cut -d/ -f1)"`,
    'Environment="KUBELET_LOG_LEVEL=4"',
    'EnvironmentFile=/etc/os-release',
    'EnvironmentFile=-/etc/kubernetes/kubelet-workaround',
    'EnvironmentFile=-/etc/kubernetes/kubelet-env',
    '',
    'ExecStart=/usr/bin/hyperkube \\',
    '    kubelet \\',
    ...flags.slice(0, -1).map((f) => `      ${f} \\`),
    `      ${flags[flags.length - 1]}`,
    '',
    'Restart=always',
    'RestartSec=10',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  return machineConfig('worker', {
    ignition: { version: '3.1.0' },
    systemd: { units: [{ contents: unit, enabled: true, name: 'kubelet.service' }] },
  });
}

/** The fabric facts the ESX installer reads: VLANs (as strings), networks, APICs. */
function apicFacts(ctx: Ctx): string {
  const facts = {
    system_id: ctx.c.aci_config.system_id,
    kubeapi_vlan: pyJson(ctx.c.net_config.kubeapi_vlan),
    infra_vlan: pyJson(ctx.c.net_config.infra_vlan),
    node_network: ctx.c.net_config.node_network,
    node_network_gateway: ctx.c.net_config.node_network_gateway,
    pod_network: ctx.c.net_config.pod_network,
    apic_hosts: ctx.c.aci_config.apic_hosts,
  };
  return `${JSON.stringify(facts, null, 2)}\n`;
}

/** The installer's files, in the order the Python tool adds them to the archive. */
export function installerFiles(ctx: Ctx, opts: { vsphereWorkerKubelet: boolean }): TarEntry[] {
  const out: TarEntry[] = [];
  const installer = truthy(ctx.c.kube_config.generate_installer_files);
  if (ctx.c.multus.disable === true && (installer || truthy(ctx.c.kube_config.generate_cnet_file))) {
    out.push({ name: 'cluster-network-03-config.yaml', content: renderDoc(clusterNetwork(ctx)) });
  }
  if (installer) {
    const vlan = ctx.c.net_config.kubeapi_vlan;
    const master = kubeletUnitOnVlan('master', vlan, '    ', '      ');
    const worker = kubeletUnitOnVlan('worker', vlan, ' '.repeat(16), ' '.repeat(16));
    out.push({ name: '99-master-kubelet-node-ip.yaml', content: renderDoc(kubeletOnVlan('master', master)) });
    out.push({ name: '99-worker-kubelet-node-port.yaml', content: renderDoc(kubeletOnVlan('worker', worker)) });
  }
  if (opts.vsphereWorkerKubelet) out.push({ name: '99-worker-kubelet-node-ip.yaml', content: renderDoc(vsphereWorkerKubelet()) });
  if (truthy(ctx.c.kube_config.generate_apic_file)) out.push({ name: 'apic.json', content: apicFacts(ctx) });
  return out;
}

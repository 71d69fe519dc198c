// aci-containers-host: the per-node DaemonSet running the host agent, the
// OpFlex agent and the multicast daemon (or the DPU sync daemon).
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { compact, Ctx, pyJson, pyStr, truthy } from './context.js';
import { nodeDaemonSet } from './node-daemonset.js';
import type { KubeObject } from './object.js';
import { hostPathVolume, hostRunMounts, logMounts, logVolumes, mount } from './pod-parts.js';

function privileged(ctx: Ctx): { privileged?: boolean } {
  return truthy(ctx.c.kube_config.use_privileged_containers) ? { privileged: true } : {};
}

function hostAgentContainer(ctx: Ctx): IContainer {
  const kube = ctx.c.kube_config;
  const env: IEnvVar[] = [
    { name: 'GOTRACEBACK', value: '2' },
    { name: 'KUBERNETES_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    { name: 'TENANT', value: kube.default_endpoint_group.tenant },
    { name: 'NODE_EPG', value: `${pyStr(ctx.c.aci_config.app_profile)}|${pyStr(ctx.c.aci_config.nodes_epg)}` },
  ];
  if (truthy(kube.run_gbp_container)) env.push({ name: 'OPFLEX_MODE', value: 'overlay' });
  if (ctx.multus) env.push({ name: 'MULTUS', value: 'True' });
  if (ctx.c.cilium_chaining?.enable === true) env.push({ name: 'GENERIC_VETH_MODE', value: 'True' });
  if (truthy(ctx.c.net_config.disable_wait_for_network)) env.push({ name: 'DISABLE_WAIT_FOR_NETWORK', value: 'True' });
  else env.push({ name: 'DURATION_WAIT_FOR_NETWORK', value: pyJson(ctx.c.net_config.duration_wait_for_network) });
  if (ctx.chained) {
    env.push({ name: 'CHAINED_MODE', value: 'true' });
    if (ctx.flavor === 'openshift-sdn-ovn-baremetal')
      env.push({ name: 'PRIMARY_CNI_PATH', value: pyStr(ctx.c.chained_cni_config.primary_cni_path) });
    if (truthy(ctx.c.user_config.chained_cni_config?.primary_interface_chaining))
      env.push({ name: 'CHAINED_MODE_SECONDARY', value: 'false' });
  }
  const mounts: IVolumeMount[] = [mount('cni-bin', '/mnt/cni-bin'), mount('cni-conf', '/mnt/cni-conf'), ...hostRunMounts()];
  if (ctx.fullCni) mounts.push(mount('opflex-hostconfig-volume', '/usr/local/etc/opflex-agent-ovs/base-conf.d'));
  mounts.push(mount('host-config-volume', '/usr/local/etc/aci-containers/'), ...logMounts());
  if (truthy(kube.aci_multipod)) mounts.push(mount('dhclient', '/var/lib/dhclient'));
  if (truthy(kube.use_host_netns_volume)) {
    mounts.push({ mountPath: '/run/netns', name: 'host-run-netns', readOnly: true, mountPropagation: 'HostToContainer' });
  }
  if (ctx.multus) mounts.push(mount('multus-cni-conf', '/mnt/multus-cni-conf'));
  if (ctx.dpu) mounts.push(mount('opflex-lsyncd-volume', '/usr/local/etc/opflex-agent-ovs'));
  const image = truthy(ctx.c.chained_cni_config.enable_ovs_cni_support)
    ? ctx.image('aci-containers-host-ovscni', 'aci_containers_host_ovscni_version')
    : ctx.image('aci-containers-host', 'aci_containers_host_version');
  return compact<IContainer>({
    name: 'aci-containers-host',
    image,
    imagePullPolicy: ctx.pullPolicy,
    resources: ctx.memory('aci_containers_host'),
    securityContext: { ...privileged(ctx), capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'NET_RAW'] } },
    env,
    volumeMounts: mounts,
    livenessProbe: {
      failureThreshold: 10,
      httpGet: { path: '/status', port: 8090, scheme: 'HTTP' },
      initialDelaySeconds: 120,
      periodSeconds: 60,
      successThreshold: 1,
      timeoutSeconds: 30,
    },
  });
}

function opflexAgentContainer(ctx: Ctx): IContainer {
  const kube = ctx.c.kube_config;
  const env: IEnvVar[] = [{ name: 'REBOOT_WITH_OVS', value: pyStr(kube.reboot_opflex_with_ovs) }];
  if (truthy(kube.run_gbp_container)) env.push({ name: 'SSL_MODE', value: 'disabled' });
  if (truthy(kube.opflex_openssl_compat)) env.push({ name: 'OPENSSL_CONF', value: '/etc/pki/tls/openssl11.cnf' });
  const redirect = ctx.c.drop_log_config.opflex_redirect_drop_logs;
  if (redirect === 'syslog') env.push({ name: 'OPFLEXAGENT_DROPLOG_SYSLOG', value: 'true' });
  else if (truthy(ctx.c.drop_log_config.opflex_redirect_drop_logs)) env.push({ name: 'OPFLEXAGENT_DROPLOG_FILE', value: pyStr(redirect) });
  const prometheus = kube.opflex_agent_prometheus === 'true';
  return compact<IContainer>({
    name: 'opflex-agent',
    env,
    image: ctx.image('opflex', 'opflex_agent_version'),
    imagePullPolicy: ctx.pullPolicy,
    resources: ctx.memory('opflex_agent'),
    securityContext: { ...privileged(ctx), capabilities: { add: ['NET_ADMIN'] } },
    ports: prometheus ? [{ name: 'metrics', containerPort: 9612 }] : undefined,
    volumeMounts: [
      ...hostRunMounts(),
      mount('opflex-hostconfig-volume', '/usr/local/etc/opflex-agent-ovs/base-conf.d'),
      mount('opflex-config-volume', '/usr/local/etc/opflex-agent-ovs/conf.d'),
    ],
  });
}

function opflexServerContainer(ctx: Ctx): IContainer {
  return {
    name: 'opflex-server',
    image: ctx.image('opflex', 'opflex_agent_version'),
    command: ['/bin/sh'],
    args: ['/usr/local/bin/launch-opflexserver.sh'],
    imagePullPolicy: ctx.pullPolicy,
    securityContext: { capabilities: { add: ['NET_ADMIN'] } },
    // The basic overlay's flavor sets the port (8009) along with this container.
    ports: [{ containerPort: ctx.c.net_config.opflex_server_port ?? 8009 }, { name: 'metrics', containerPort: 9632 }],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [mount('opflex-server-config-volume', '/usr/local/etc/opflex-server'), mount('hostvar', '/usr/local/var')],
  };
}

function mcastDaemonContainer(ctx: Ctx): IContainer {
  return compact<IContainer>({
    name: 'mcast-daemon',
    image: ctx.image('opflex', 'opflex_agent_version'),
    command: ['/bin/sh'],
    args: ['/usr/local/bin/launch-mcastdaemon.sh'],
    imagePullPolicy: ctx.pullPolicy,
    resources: ctx.memory('mcast_daemon'),
    securityContext: truthy(ctx.c.kube_config.use_privileged_containers) ? { privileged: true } : undefined,
    volumeMounts: hostRunMounts(),
  });
}

function lsyncdContainer(ctx: Ctx): IContainer {
  // The reference pins this image by tag even with digests on.
  const prefix = pyStr(ctx.c.registry.image_prefix);
  return {
    name: 'lsyncd-daemon',
    image: `${prefix}/aci-containers-host:${pyStr(ctx.c.registry.aci_containers_host_version)}`,
    command: ['/bin/sh'],
    args: ['/usr/local/bin/launch-lsyncd.sh'],
    imagePullPolicy: ctx.pullPolicy,
    volumeMounts: [
      mount('hostvar', '/usr/local/var'),
      mount('opflex-lsyncd-volume', '/usr/local/etc/opflex-agent-ovs'),
      mount('lsyncd-config-volume', '/etc/configmap'),
    ],
  };
}

function volumes(ctx: Ctx): IVolume[] {
  const kube = ctx.c.kube_config;
  const v: IVolume[] = [
    hostPathVolume('cni-bin', pyStr(kube.host_agent_cni_bin_path)),
    hostPathVolume('cni-conf', pyStr(kube.host_agent_cni_conf_path)),
    hostPathVolume('hostvar', '/var'),
    hostPathVolume('hostrun', '/run'),
    {
      name: 'host-config-volume',
      configMap: { name: 'aci-containers-config', items: [{ key: 'host-agent-config', path: 'host-agent.conf' }] },
    },
  ];
  if (ctx.fullCni) v.push({ name: 'opflex-hostconfig-volume', emptyDir: { medium: 'Memory' } });
  v.push(...logVolumes());
  if (truthy(kube.aci_multipod)) v.push(hostPathVolume('dhclient', '/var/lib/dhclient'));
  if (!ctx.dpu && ctx.fullCni) {
    v.push({
      name: 'opflex-config-volume',
      configMap: { name: 'aci-containers-config', items: [{ key: 'opflex-agent-config', path: 'local.conf' }] },
    });
  }
  if (truthy(kube.use_opflex_server_volume)) v.push({ name: 'opflex-server-config-volume' });
  if (truthy(kube.use_host_netns_volume)) v.push(hostPathVolume('host-run-netns', '/run/netns'));
  if (ctx.multus) v.push(hostPathVolume('multus-cni-conf', '/var/run/multus/'));
  if (ctx.dpu) {
    v.push(hostPathVolume('opflex-lsyncd-volume', '/usr/local/etc/opflex-agent-ovs'));
    v.push({ name: 'lsyncd-config-volume', configMap: { name: 'lsyncd-config', items: [{ key: 'lsyncd.json', path: 'lsyncd.json' }] } });
  }
  return v;
}

export function buildHostAgentDaemonSet(ctx: Ctx): KubeObject {
  const kube = ctx.c.kube_config;
  const containers: IContainer[] = [hostAgentContainer(ctx)];
  if (!ctx.dpu && ctx.fullCni) containers.push(opflexAgentContainer(ctx));
  if (truthy(kube.run_opflex_server_container)) containers.push(opflexServerContainer(ctx));
  if (kube.opflex_mode !== 'overlay' && !ctx.dpu && ctx.fullCni) containers.push(mcastDaemonContainer(ctx));
  if (ctx.dpu) containers.push(lsyncdContainer(ctx));
  // The reference leaves `annotations:` empty (null) unless Prometheus scrapes the agent.
  const annotations = kube.opflex_agent_prometheus === 'true' ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9612' } : null;
  const initContainers: IContainer[] | undefined = truthy(kube.use_cnideploy_initcontainer)
    ? [
        {
          name: 'cnideploy',
          image: ctx.image('cnideploy', 'cnideploy_version'),
          imagePullPolicy: ctx.pullPolicy,
          securityContext: { ...privileged(ctx), capabilities: { add: ['SYS_ADMIN'] } },
          volumeMounts: [mount('cni-bin', '/mnt/cni-bin')],
        },
      ]
    : undefined;
  return nodeDaemonSet(ctx, 'aci-containers-host', {
    initContainers,
    containers,
    volumes: volumes(ctx),
    annotations: annotations,
  });
}

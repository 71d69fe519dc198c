// The DPU manifest (`-s/--dpu FILE`): what runs on the DPUs themselves (arm64
// nodes) when the opflex datapath is offloaded to them. A separate file from
// aci-containers.yaml, applied to the DPUs' own cluster; the same objects
// as the Python tool's DPU deployment.
import type { Config } from '../config/types.js';
import { InputError } from '../errors.js';
import { configMap } from './config-map.js';
import { Ctx, pyStr, truthy } from './context.js';
import type { KubeObject } from './object.js';
import { renderDocs } from './render.js';

const NS = 'dpu-system';
const ACCOUNT = 'dpu-system-serviceaccount';

/** `--dpu` needs a DPU configuration; without one the file would be empty. */
export function checkDpuConfig(config: Config): void {
  const ctx = new Ctx(config);
  if (!ctx.dpu) {
    throw new InputError([{ field: '--dpu', rule: 'needs dpu_config.enable: true in the configuration (no DPU manifest without a DPU)' }]);
  }
  if (ctx.c.kube_config.opflex_mode !== 'dpu') {
    throw new InputError([
      {
        field: 'kube_config.opflex_mode',
        value: ctx.c.kube_config.opflex_mode ?? null,
        rule: 'must be "dpu" for --dpu (the DPU runs the opflex datapath only in that mode)',
      },
    ]);
  }
  if (!truthy(ctx.c.sriov_config.enable)) {
    throw new InputError([
      {
        field: 'sriov_config.enable',
        value: ctx.c.sriov_config.enable ?? null,
        rule: 'must be true for --dpu (the DPU serves the pods through SR-IOV virtual functions)',
      },
    ]);
  }
}

export function renderDpuManifest(config: Config): string {
  checkDpuConfig(config);
  return renderDocs(buildDpuObjects(new Ctx(config)));
}

export function buildDpuObjects(ctx: Ctx): KubeObject[] {
  const server = pyStr(ctx.c.registry.dpu_control_server);
  const opflexImage = `${server}/opflex:${pyStr(ctx.c.registry.opflex_agent_version)}`;
  const hostPath = (name: string, path: string) => ({ name, hostPath: { path } });
  const opflexMounts = [
    { name: 'hostvar', mountPath: '/usr/local/var' },
    { name: 'hostrun', mountPath: '/run' },
    { name: 'hostrun', mountPath: '/usr/local/run' },
    { name: 'opflex-hostconfig-volume', mountPath: '/usr/local/etc/opflex-agent-ovs/base-conf.d' },
    { name: 'opflex-config-volume', mountPath: '/usr/local/etc/opflex-agent-ovs/conf.d' },
  ];
  const init = daemonSet(
    ctx,
    'dpu-init',
    'dpu-init-sys',
    [
      {
        name: 'dpu-init',
        image: `${server}/dpu:${pyStr(ctx.c.registry.dpu_init_version)}`,
        imagePullPolicy: ctx.pullPolicy,
        args: [pyStr(ctx.c.dpuIp), pyStr(ctx.c.net_config.infra_vlan), pyStr(ctx.c.net_config.kubeapi_vlan)],
        securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
        volumeMounts: [{ name: 'dpu-fs', mountPath: '/host' }],
      },
    ],
    [hostPath('dpu-fs', '/')],
  );
  const datapath = daemonSet(
    ctx,
    'dpu-containers',
    'dpu-systems',
    [
      {
        name: 'dpu-opflex',
        image: opflexImage,
        imagePullPolicy: ctx.pullPolicy,
        securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'NET_RAW'] } },
        volumeMounts: opflexMounts,
      },
      {
        name: 'dpu-mcast',
        image: opflexImage,
        command: ['/bin/sh'],
        args: ['/usr/local/bin/launch-mcastdaemon.sh'],
        imagePullPolicy: ctx.pullPolicy,
        securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN'] } },
        volumeMounts: opflexMounts,
      },
    ],
    [
      hostPath('dpu-fs', '/'),
      hostPath('hostvar', '/var'),
      hostPath('hostrun', '/run'),
      hostPath('opflex-hostconfig-volume', '/usr/local/etc/opflex-agent-ovs/base-conf.d'),
      {
        name: 'opflex-config-volume',
        configMap: { name: 'opflex-agent-config', items: [{ key: 'opflex-agent-config', path: 'local.conf' }] },
      },
    ],
  );
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: ACCOUNT, namespace: NS } },
    init,
    datapath,
    configMap({ name: 'opflex-agent-config', namespace: NS }, { 'opflex-agent-config': agentConfig(ctx) }),
  ];
}

function daemonSet(ctx: Ctx, name: string, label: string, containers: object[], volumes: object[]): KubeObject {
  const pullSecrets = ctx.imagePullSecrets();
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: NS, labels: { name: label } },
    spec: {
      updateStrategy: { type: 'RollingUpdate' },
      selector: { matchLabels: { name: label } },
      template: {
        metadata: { labels: { name: label } },
        spec: {
          hostNetwork: true,
          hostPID: true,
          hostIPC: true,
          nodeSelector: { 'beta.kubernetes.io/arch': 'arm64' },
          serviceAccountName: ACCOUNT,
          ...(pullSecrets ? { imagePullSecrets: pullSecrets } : {}),
          restartPolicy: 'Always',
          containers,
          volumes,
        },
      },
    },
  };
}

/** The opflex agent's local.conf on the DPU (JSON text). */
function agentConfig(ctx: Ctx): string {
  const opflex: Record<string, unknown> = { notif: { enabled: 'false' } };
  if (!truthy(ctx.c.aci_config.client_ssl)) opflex.ssl = { mode: 'disabled' };
  if (truthy(ctx.c.kube_config.run_gbp_container)) opflex.statistics = { mode: 'off' };
  const conf = { log: { level: ctx.c.logging.opflexagent_log_level ?? null }, opflex, prometheus: { enabled: 'false' } };
  return JSON.stringify(conf, null, 4);
}

// aci-containers-openvswitch: the per-node Open vSwitch the OpFlex agent programs.
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { compact, Ctx, pyStr } from './context.js';
import { toKube, type KubeObject } from './object.js';
import { hostPathVolume, hostRunMounts, logMounts, logVolumes, mount } from './pod-parts.js';

export function buildOpenvswitchDaemonSet(ctx: Ctx): KubeObject {
  const privileged = ctx.on('kube_config.use_privileged_containers') ? { privileged: true } : {};
  const ds: IDaemonSet = {
    apiVersion: ctx.appsApi as 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'aci-containers-openvswitch', namespace: ctx.systemNs, labels: ctx.pluginLabels() },
    spec: {
      updateStrategy: { type: ctx.on('provision.upgrade_cluster') ? 'OnDelete' : 'RollingUpdate' },
      selector: { matchLabels: { name: 'aci-containers-openvswitch', 'network-plugin': 'aci-containers' } },
      template: {
        metadata: { labels: { name: 'aci-containers-openvswitch', 'network-plugin': 'aci-containers' } },
        spec: compact<IPodSpec>({
          hostNetwork: true,
          hostPID: true,
          hostIPC: true,
          serviceAccountName: 'aci-containers-host-agent',
          imagePullSecrets: ctx.imagePullSecrets(),
          tolerations: [{ operator: 'Exists' }],
          priorityClassName: ctx.priorityClass('system-cluster-critical'),
          containers: [{
            name: 'aci-containers-openvswitch',
            image: ctx.image('openvswitch', 'openvswitch_version'),
            imagePullPolicy: ctx.pullPolicy,
            resources: {
              limits: { memory: pyStr(ctx.get('kube_config.ovs_memory_limit')) },
              requests: { memory: pyStr(ctx.get('kube_config.ovs_memory_request')) },
            },
            securityContext: { ...privileged, capabilities: { add: ['NET_ADMIN', 'SYS_MODULE', 'SYS_NICE', 'IPC_LOCK'] } },
            env: [{ name: 'OVS_RUNDIR', value: '/usr/local/var/run/openvswitch' }],
            volumeMounts: [...hostRunMounts(), mount('hostetc', '/usr/local/etc'), mount('hostmodules', '/lib/modules'), ...logMounts()],
            livenessProbe: { exec: { command: ['/usr/local/bin/liveness-ovs.sh'] } },
          }],
          restartPolicy: 'Always',
          volumes: [
            hostPathVolume('hostetc', '/etc'),
            hostPathVolume('hostvar', '/var'),
            hostPathVolume('hostrun', '/run'),
            hostPathVolume('hostmodules', '/lib/modules'),
            ...logVolumes(),
          ],
        }),
      },
    },
  };
  return toKube(ds);
}

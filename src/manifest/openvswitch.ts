// aci-containers-openvswitch: the per-node Open vSwitch the OpFlex agent programs.
import { Ctx, pyStr, truthy } from './context.js';
import { nodeDaemonSet } from './node-daemonset.js';
import type { KubeObject } from './object.js';
import { hostPathVolume, hostRunMounts, logMounts, logVolumes, mount } from './pod-parts.js';

export function buildOpenvswitchDaemonSet(ctx: Ctx): KubeObject {
  const privileged = truthy(ctx.c.kube_config.use_privileged_containers) ? { privileged: true } : {};
  return nodeDaemonSet(ctx, 'aci-containers-openvswitch', {
    containers: [
      {
        name: 'aci-containers-openvswitch',
        image: ctx.image('openvswitch', 'openvswitch_version'),
        imagePullPolicy: ctx.pullPolicy,
        resources: {
          limits: { memory: pyStr(ctx.c.kube_config.ovs_memory_limit) },
          requests: { memory: pyStr(ctx.c.kube_config.ovs_memory_request) },
        },
        securityContext: { ...privileged, capabilities: { add: ['NET_ADMIN', 'SYS_MODULE', 'SYS_NICE', 'IPC_LOCK'] } },
        env: [{ name: 'OVS_RUNDIR', value: '/usr/local/var/run/openvswitch' }],
        volumeMounts: [...hostRunMounts(), mount('hostetc', '/usr/local/etc'), mount('hostmodules', '/lib/modules'), ...logMounts()],
        livenessProbe: { exec: { command: ['/usr/local/bin/liveness-ovs.sh'] } },
      },
    ],
    volumes: [
      hostPathVolume('hostetc', '/etc'),
      hostPathVolume('hostvar', '/var'),
      hostPathVolume('hostrun', '/run'),
      hostPathVolume('hostmodules', '/lib/modules'),
      ...logVolumes(),
    ],
  });
}

// The frame both per-node DaemonSets share (host agent, Open vSwitch): the
// plugin's labels, update strategy, and a pod on the host's network, PID and
// IPC namespaces under the host agent's service account, tolerating every
// taint. Each builder supplies only its containers, volumes and annotations.
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { compact, type Ctx, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';

export interface NodePod {
  initContainers?: IPodSpec['initContainers'];
  containers: IPodSpec['containers'];
  volumes: IPodSpec['volumes'];
  /** Present (null included: the reference prints an empty `annotations:`) only for the host agent. */
  annotations?: Record<string, string> | null;
}

export function nodeDaemonSet(ctx: Ctx, name: string, pod: NodePod): KubeObject {
  const labels = { name, 'network-plugin': 'aci-containers' };
  const ds: IDaemonSet = {
    apiVersion: ctx.appsApi as 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: ctx.systemNs, labels: ctx.pluginLabels() },
    spec: {
      updateStrategy: { type: truthy(ctx.c.provision.upgrade_cluster) ? 'OnDelete' : 'RollingUpdate' },
      selector: { matchLabels: labels },
      template: {
        metadata:
          pod.annotations !== undefined
            ? { labels: { ...labels }, annotations: pod.annotations as Record<string, string> }
            : { labels: { ...labels } },
        spec: compact<IPodSpec>({
          hostNetwork: true,
          hostPID: true,
          hostIPC: true,
          serviceAccountName: 'aci-containers-host-agent',
          imagePullSecrets: ctx.imagePullSecrets(),
          tolerations: [{ operator: 'Exists' }],
          initContainers: pod.initContainers,
          priorityClassName: ctx.priorityClass('system-cluster-critical'),
          containers: pod.containers,
          restartPolicy: 'Always',
          volumes: pod.volumes,
        }),
      },
    },
  };
  return toKube(ds);
}

// aci-containers-controller: the one-replica Deployment that talks to the APIC.
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { compact, Ctx, pyStr, yamlScalar, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';
import { logMounts, logVolumes, mount } from './pod-parts.js';

function tolerations(ctx: Ctx): IToleration[] {
  const rke = ctx.flavor.startsWith('RKE');
  const rke1 = ctx.flavor.startsWith('RKE-1');
  const seconds = truthy(ctx.c.kube_config.toleration_seconds)
    ? (yamlScalar(ctx.c.kube_config.toleration_seconds) as number)
    : rke
      ? 600
      : 60;
  const t: IToleration[] = [
    { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: seconds },
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: seconds },
    { effect: 'NoSchedule', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
  ];
  if (rke) {
    t.push(
      rke1
        ? { effect: 'NoSchedule', key: 'node-role.kubernetes.io/controlplane', value: 'true', operator: 'Equal' }
        : { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
    );
    t.push(
      rke1
        ? { effect: 'NoExecute', key: 'node-role.kubernetes.io/etcd', value: 'true', operator: 'Equal' }
        : { effect: 'NoExecute', key: 'node-role.kubernetes.io/etcd', operator: 'Exists' },
    );
  }
  return t;
}

function controllerContainer(ctx: Ctx): IContainer {
  const snatOperator = ctx.c.kube_config.snat_operator;
  const snat = (k: keyof typeof snatOperator) => pyStr(snatOperator[k]);
  const env: IEnvVar[] = [];
  if (ctx.fullCni) {
    if (!ctx.overlay) env.push({ name: 'WATCH_NAMESPACE', value: snat('watch_namespace') });
    env.push(
      { name: 'ACI_SNAT_NAMESPACE', value: snat('snat_namespace') },
      { name: 'ACI_SNAGLOBALINFO_NAME', value: snat('globalinfo_name') },
      { name: 'ACI_RDCONFIG_NAME', value: snat('rdconfig_name') },
    );
  }
  env.push({ name: 'SYSTEM_NAMESPACE', value: pyStr(ctx.systemNs) });
  const mounts: IVolumeMount[] = [mount('controller-config-volume', '/usr/local/etc/aci-containers/'), ...logMounts()];
  if (!ctx.overlay) mounts.push(mount('aci-user-cert-volume', '/usr/local/etc/aci-cert/'));
  if (truthy(ctx.c.aci_config.apic_tls_cert)) mounts.push(mount('apic-ca-cert-volume', '/usr/local/etc/apic-ca-cert/', true));
  return compact<IContainer>({
    name: 'aci-containers-controller',
    image: ctx.image('aci-containers-controller', 'aci_containers_controller_version'),
    imagePullPolicy: ctx.pullPolicy,
    resources: ctx.memory('aci_containers_controller'),
    env,
    volumeMounts: mounts,
    livenessProbe: {
      failureThreshold: 10,
      httpGet: { path: '/status', port: 8091, scheme: 'HTTP' },
      initialDelaySeconds: 120,
      periodSeconds: 60,
      successThreshold: 1,
      timeoutSeconds: 30,
    },
  });
}

export function buildControllerDeployment(ctx: Ctx): KubeObject {
  const gbp = truthy(ctx.c.kube_config.run_gbp_container);
  const containers: IContainer[] = [];
  if (gbp) {
    containers.push({
      name: 'aci-gbpserver',
      image: ctx.image('gbp-server', 'gbp_version'),
      imagePullPolicy: ctx.pullPolicy,
      volumeMounts: [mount('controller-config-volume', '/usr/local/etc/aci-containers/')],
      env: [{ name: 'GBP_SERVER_CONF', value: '/usr/local/etc/aci-containers/gbp-server.conf' }],
    });
  }
  containers.push(controllerContainer(ctx));
  const volumes: IVolume[] = [];
  if (!ctx.overlay) volumes.push({ name: 'aci-user-cert-volume', secret: { secretName: 'aci-user-cert' } });
  if (truthy(ctx.c.aci_config.apic_tls_cert)) volumes.push({ name: 'apic-ca-cert-volume', secret: { secretName: 'apic-ca-cert' } });
  const items = [{ key: 'controller-config', path: 'controller.conf' }];
  if (gbp) items.push({ key: 'gbp-server-config', path: 'gbp-server.conf' });
  volumes.push({ name: 'controller-config-volume', configMap: { name: 'aci-containers-config', items } }, ...logVolumes());
  const labels = { name: 'aci-containers-controller', 'network-plugin': 'aci-containers' };
  const d: IDeployment = {
    apiVersion: ctx.appsApi as 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'aci-containers-controller',
      namespace: ctx.systemNs,
      labels: { ...ctx.pluginLabels(), name: 'aci-containers-controller' },
    },
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: labels },
      template: {
        metadata: { name: 'aci-containers-controller', namespace: ctx.systemNs, labels },
        spec: compact<IPodSpec>({
          hostNetwork: true,
          serviceAccountName: 'aci-containers-controller',
          imagePullSecrets: ctx.imagePullSecrets(),
          tolerations: tolerations(ctx),
          priorityClassName: ctx.priorityClass('system-node-critical'),
          containers,
          volumes,
        }),
      },
    },
  };
  return toKube(d);
}

// The ACI CNI's own namespace and, when asked, its priority class.
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { Ctx, yamlScalar, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';

/** "openshift-4.11-esx" -> [4, 11, "esx"]. */
function openshiftVersion(flavor: string): [number, number, string] | undefined {
  const parts = flavor.split('-');
  if (parts.length < 3) return undefined;
  const [maj, min] = parts[1].split('.').map((x) => parseInt(x, 10));
  return [maj, min, parts[2]];
}

export function buildNamespace(ctx: Ctx): KubeObject {
  const labels: Record<string, string> = { ...ctx.versionLabel() };
  if (ctx.systemNs === 'aci-containers-system') labels['network-plugin'] = 'aci-containers';
  if (truthy(ctx.c.kube_config.use_openshift_run_level)) labels['openshift.io/run-level'] = '0';
  if (ctx.flavor.startsWith('openshift-4')) {
    const v = openshiftVersion(ctx.flavor);
    if (v && v[0] === 4 && v[1] >= 11 && ['openstack', 'esx', 'baremetal'].includes(v[2])) {
      labels['pod-security.kubernetes.io/audit'] = 'privileged';
      labels['pod-security.kubernetes.io/enforce'] = 'privileged';
      labels['pod-security.kubernetes.io/warn'] = 'privileged';
      labels['security.openshift.io/scc.podSecurityLabelSync'] = 'false';
    }
  }
  const ns: INamespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'aci-containers-system', labels, annotations: { 'openshift.io/node-selector': '' } },
  };
  return toKube(ns);
}

/** A bare namespace (acc-provision-config adds one for cluster L3Out AEPs). */
export function buildPlainNamespace(name: string): KubeObject {
  const ns: INamespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  return toKube(ns);
}

export function buildPriorityClass(ctx: Ctx): KubeObject {
  let apiVersion = 'scheduling.k8s.io/v1beta1';
  if (!ctx.fullCni) apiVersion = 'scheduling.k8s.io/v1';
  else {
    const v = openshiftVersion(ctx.flavor);
    if (v && v[0] >= 4 && v[1] >= 9 && ['openstack', 'agent', 'esx', 'baremetal'].includes(v[2])) apiVersion = 'scheduling.k8s.io/v1';
  }
  const pc: IPriorityClass = {
    apiVersion: apiVersion as 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'acicni-priority' },
    value: yamlScalar(ctx.c.kube_config.acicni_priority_class_value) as number,
    globalDefault: false,
    description: 'This priority class is used for ACI-CNI resources',
  };
  return toKube(pc);
}

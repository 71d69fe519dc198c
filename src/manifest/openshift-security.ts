// OpenShift's admission rules for the ACI CNI's privileged pods: a
// SecurityContextConstraints for its service accounts, or (agent-based bare
// metal installs) a role granting the built-in "privileged" one.
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { Ctx, pyStr, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';

export function buildPrivilegedSccRole(ctx: Ctx): KubeObject[] {
  if (!truthy(ctx.c.kube_config.use_openshift_security_context_constraints_agent_based_baremetal)) return [];
  const role: IRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'aci-cni-role', namespace: 'aci-containers-system' },
    rules: [
      { apiGroups: ['security.openshift.io'], resourceNames: ['privileged'], resources: ['securitycontextconstraints'], verbs: ['use'] },
    ],
  };
  const binding: IRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'aci-cni-rolebinding', namespace: 'aci-containers-system' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'aci-cni-role' },
    subjects: [{ kind: 'ServiceAccount', name: 'aci-containers-host-agent', namespace: 'aci-containers-system' }],
  };
  return [toKube(role), toKube(binding)];
}

export function buildScc(ctx: Ctx): KubeObject | undefined {
  if (!truthy(ctx.c.kube_config.use_openshift_security_context_constraints)) return undefined;
  const ns = pyStr(ctx.systemNs);
  const users = [`system:serviceaccount:${ns}:aci-containers-controller`, `system:serviceaccount:${ns}:aci-containers-host-agent`];
  if (truthy(ctx.c.kube_config.openshift_security_constraint_operator_serviceaccount))
    users.push(`system:serviceaccount:${ns}:aci-containers-operator`);
  const runAsAny = { type: 'RunAsAny' };
  // Not a kubernetes-models type: OpenShift's security.openshift.io/v1 API.
  return {
    kind: 'SecurityContextConstraints',
    apiVersion: 'security.openshift.io/v1',
    metadata: { name: 'aci-containers-scc', labels: ctx.versionLabel() },
    users,
    allowHostDirVolumePlugin: true,
    allowHostIPC: true,
    allowHostNetwork: true,
    allowHostPID: true,
    allowHostPorts: true,
    allowPrivilegedContainer: true,
    allowedCapabilities: ['*'],
    defaultAddCapabilities: [],
    requiredDropCapabilities: [],
    readOnlyRootFilesystem: false,
    fsGroup: runAsAny,
    runAsUser: runAsAny,
    seLinuxContext: runAsAny,
    supplementalGroups: runAsAny,
    seccompProfiles: ['*'],
    volumes: ['*'],
    priority: 100,
  };
}

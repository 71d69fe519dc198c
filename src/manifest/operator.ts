// The ACI CNI operator: its service account, role, binding and Deployment
// (the operator itself plus, unless excluded, the acc-provision operator).
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { compact, Ctx, pyStr, yamlScalar, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';
import { clusterRoleBinding } from './rbac.js';
import { buildServiceAccount } from './service-accounts.js';
import { logMounts, logVolumes, mount } from './pod-parts.js';

const ALL = ['*'];
const rule = (apiGroups: string[], resources: string[], verbs: string[]): IPolicyRule => ({ apiGroups, resources, verbs });

function operatorRole(ctx: Ctx): KubeObject {
  const r: IClusterRole = {
    apiVersion: ctx.rbacApi as 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { labels: ctx.pluginLabels(), name: 'aci-containers-operator' },
    rules: [
      rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ALL),
      rule(['rbac.authorization.k8s.io'], ['clusterroles', 'clusterrolebindings'], ALL),
      rule(
        [''],
        [
          'nodes',
          'namespaces',
          'configmaps',
          'secrets',
          'pods',
          'services',
          'serviceaccounts',
          'serviceaccounts/token',
          'endpoints',
          'events',
          'limitranges',
        ],
        ALL,
      ),
      rule(['networking.k8s.io'], ['networkpolicies'], ['list', 'watch', 'get']),
      rule(['monitoring.coreos.com'], ['servicemonitors'], ['get', 'create']),
      rule(['apps'], ['deployments', 'replicasets', 'daemonsets', 'statefulsets'], ALL),
      rule(['aci.ctrl'], ['acicontainersoperators', 'acicontainersoperators/status', 'acicontainersoperators/finalizers'], ALL),
      rule(['aci.ctrl'], ['accprovisioninputs', 'accprovisioninputs/status', 'accprovisioninputs/finalizers'], ALL),
      rule(['scheduling.k8s.io'], ALL, ALL),
      rule(['aci.snat'], ['snatpolicies', 'snatglobalinfos', 'rdconfigs'], ['list', 'watch', 'get']),
      rule(['aci.snat'], ['nodeinfos'], ['create', 'update', 'list', 'watch', 'get']),
      rule(['config.openshift.io', 'operator.openshift.io'], ALL, ALL),
      rule(['route.openshift.io'], ['routes'], ['create', 'update', 'list', 'watch', 'get']),
    ],
  };
  return toKube(r);
}

function operatorContainers(ctx: Ctx): IContainer[] {
  const logLevel = truthy(ctx.c.logging.operator_log_level) ? yamlScalar(ctx.c.logging.operator_log_level) : 'info';
  const containers: IContainer[] = [
    compact<IContainer>({
      image: ctx.image('aci-containers-operator', 'aci_containers_operator_version'),
      imagePullPolicy: ctx.pullPolicy,
      resources: ctx.memory('aci_containers_operator'),
      name: 'aci-containers-operator',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      volumeMounts: [
        mount('aci-operator-config', '/usr/local/etc/aci-containers/'),
        mount('acc-provision-config', '/usr/local/etc/acc-provision/'),
        ...logMounts(),
      ],
      env: [
        { name: 'SYSTEM_NAMESPACE', value: pyStr(ctx.systemNs) },
        { name: 'ACC_PROVISION_FLAVOR', value: ctx.flavor },
        { name: 'OPERATOR_LOGGING_LEVEL', value: logLevel as string },
      ],
    }),
  ];
  if (ctx.c.acc_provision_operator?.exclude !== true) {
    containers.push(
      compact<IContainer>({
        env: [
          { name: 'ANSIBLE_GATHERING', value: 'explicit' },
          { name: 'WATCH_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          { name: 'ACC_PROVISION_FLAVOR', value: ctx.flavor },
          { name: 'ACC_PROVISION_INPUT_CR_NAME', value: 'accprovisioninput' },
        ],
        image: ctx.image('acc-provision-operator', 'acc_provision_operator_version'),
        imagePullPolicy: ctx.pullPolicy,
        resources: ctx.memory('acc_provision_operator'),
        name: 'acc-provision-operator',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      }),
    );
  }
  return containers;
}

function operatorDeployment(ctx: Ctx): KubeObject {
  const labels = { name: 'aci-containers-operator', 'network-plugin': 'aci-containers' };
  const configMapVolume = (name: string, path: string) => ({ name, configMap: { name, items: [{ key: 'spec', path }] } });
  const d: IDeployment = {
    apiVersion: ctx.appsApi as 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'aci-containers-operator',
      namespace: ctx.systemNs,
      labels: { ...ctx.versionLabel(), name: 'aci-containers-operator', 'network-plugin': 'aci-containers' },
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { name: 'aci-containers-operator', namespace: ctx.systemNs, labels },
        spec: {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  preference: {
                    matchExpressions: [{ key: 'preferred-node', operator: 'In', values: ['aci-containers-operator-2577247291'] }],
                  },
                  weight: 1,
                },
              ],
            },
          },
          containers: operatorContainers(ctx),
          dnsPolicy: 'ClusterFirst',
          hostNetwork: true,
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          serviceAccount: 'aci-containers-operator',
          serviceAccountName: 'aci-containers-operator',
          terminationGracePeriodSeconds: 30,
          tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
          volumes: [
            configMapVolume('aci-operator-config', 'aci-operator.conf'),
            configMapVolume('acc-provision-config', 'acc-provision-operator.conf'),
            ...logVolumes(),
          ],
        },
      },
    },
  };
  return toKube(d);
}

/** The operator's objects, appended after the ACI CNI's own. */
export function buildOperator(ctx: Ctx): KubeObject[] {
  if (ctx.aaepMonitoring) return [];
  const out = [buildServiceAccount(ctx, 'aci-containers-operator'), operatorRole(ctx), clusterRoleBinding(ctx, 'aci-containers-operator')];
  if (!ctx.chained) out.push(operatorDeployment(ctx));
  return out;
}

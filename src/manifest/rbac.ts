// Cluster roles and bindings of the controller and the host agent.
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import { Ctx, pyStr, truthy } from './context.js';
import { toKube, type KubeObject } from './object.js';

const READ = ['list', 'watch', 'get'];
const CRUD = ['list', 'watch', 'get', 'create', 'update', 'delete'];
const rule = (apiGroups: string[], resources: string[], verbs: string[]): IPolicyRule => ({ apiGroups, resources, verbs });

function clusterRole(ctx: Ctx, name: string, rules: IPolicyRule[]): KubeObject {
  const r: IClusterRole = {
    apiVersion: ctx.rbacApi as 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { labels: ctx.pluginLabels(), name },
    rules,
  };
  return toKube(r);
}

export function clusterRoleBinding(ctx: Ctx, name: string): KubeObject {
  const b: IClusterRoleBinding = {
    apiVersion: ctx.rbacApi as 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name, labels: ctx.versionLabel() },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: [{ kind: 'ServiceAccount', name, namespace: ctx.systemNs }],
  };
  return toKube(b);
}

export function controllerRole(ctx: Ctx): KubeObject {
  const podExec = truthy(ctx.c.kube_config.pod_exec_resources_controller);
  const netpolGroup = pyStr(ctx.c.kube_config.use_netpol_apigroup);
  const appsGroup = pyStr(ctx.c.kube_config.use_apps_apigroup);
  const rules: IPolicyRule[] = [
    rule(
      [''],
      [
        'nodes',
        'namespaces',
        'pods',
        ...(podExec ? ['pods/exec'] : []),
        'endpoints',
        'services',
        'events',
        'replicationcontrollers',
        'serviceaccounts',
      ],
      ['list', 'watch', 'get', 'patch', 'create', 'update', 'delete'],
    ),
    rule([''], ['configmaps'], CRUD),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['*']),
    rule(['rbac.authorization.k8s.io'], ['clusterroles', 'clusterrolebindings'], ['*']),
    rule([netpolGroup], ['networkpolicies'], READ),
  ];
  if (truthy(ctx.c.kube_config.use_aci_anywhere_crd)) rules.push(rule(['aci.aw'], ['podifs'], ['*']));
  rules.push(
    rule([appsGroup], ['deployments', 'replicasets', 'daemonsets', 'statefulsets'], ['*']),
    rule(
      [''],
      [...(podExec ? ['pods', 'pods/exec'] : []), 'nodes', 'services/status'],
      truthy(ctx.c.kube_config.all_access_controller_clusterrole) ? ['*'] : ['update'],
    ),
    rule(['monitoring.coreos.com'], ['servicemonitors'], ['get', 'create']),
    rule(
      ['aci.snat'],
      ['snatpolicies/finalizers', 'snatpolicies/status', 'nodeinfos'],
      ['update', 'create', 'list', 'watch', 'get', 'delete'],
    ),
    rule(['aci.snat'], ['snatglobalinfos', 'snatpolicies', 'nodeinfos', 'rdconfigs', 'snatlocalinfos'], CRUD),
    rule(['aci.qos'], ['qospolicies'], [...CRUD, 'patch']),
    rule(['aci.netflow'], ['netflowpolicies'], [...READ, 'update']),
    rule(['aci.erspan'], ['erspanpolicies'], [...READ, 'update']),
    rule(['aci.aw'], ['nodepodifs'], ['*']),
  );
  if (!ctx.overlay) rules.push(rule(['apps.openshift.io'], ['deploymentconfigs'], READ));
  rules.push(
    rule(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch']),
    rule(['aci.netpol'], ['networkpolicies'], ['get', 'list', 'watch', 'create', 'update', 'delete']),
    rule(['aci.dnsnetpol'], ['dnsnetworkpolicies'], ['get', 'list', 'watch', 'create', 'update', 'delete']),
  );
  if (ctx.chained) {
    rules.push(
      rule(
        ['aci.fabricattachment'],
        ['nodefabricnetworkattachments', 'nadvlanmaps', 'networkfabricconfigurations', 'fabricvlanpools', 'networkfabricl3configurations'],
        ['get', 'list', 'watch'],
      ),
      rule(['aci.fabricattachment'], ['nodefabricnetworkl3peers'], ['*']),
      rule(
        ['aci.fabricattachment'],
        ['nadvlanmaps/status', 'fabricvlanpools/status', 'networkfabricl3configurations/status'],
        ['get', 'list', 'watch', 'update', 'patch'],
      ),
    );
  }
  if (ctx.aaepMonitoring) {
    rules.push(
      rule(['aci.attachmentmonitor'], ['aaepmonitors'], ['get', 'list', 'watch']),
      rule(['k8s.cni.cncf.io'], ['network-attachment-definitions'], ['*']),
    );
  }
  rules.push(rule(['aci.hpp'], ['hostprotpols', 'hostprotremoteipcontainers'], [...CRUD, 'deletecollection']));
  if (truthy(ctx.c.kube_config.proactive_conf)) rules.push(rule(['aci.pc'], ['proactiveconfs'], ['get', 'list', 'watch']));
  return clusterRole(ctx, 'aci-containers-controller', rules);
}

export function hostAgentRole(ctx: Ctx): KubeObject {
  const kube = ctx.c.kube_config;
  const core = ['nodes'];
  if (!truthy(kube.skip_namespace_resource_hostagent)) core.push('namespaces');
  core.push('pods', 'endpoints', 'services');
  if (!truthy(kube.skip_replicationcontroller_resource_hostagent)) core.push('replicationcontrollers');
  // Drop logs are posted as events about pods, so the host agent then also
  // updates and creates events.
  const dropLog = truthy(ctx.c.drop_log_config.enable);
  const rules: IPolicyRule[] = [rule([''], core, dropLog ? [...READ, 'update'] : READ)];
  if (dropLog) rules.push(rule([''], ['events'], ['create', 'patch']));
  rules.push(rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], READ));
  if (truthy(kube.use_aci_anywhere_crd)) rules.push(rule(['aci.aw'], ['podifs', 'podifs/status'], ['*']));
  if (!truthy(kube.no_hostagent_networking_clusterrole)) rules.push(rule([pyStr(kube.use_netpol_apigroup)], ['networkpolicies'], READ));
  if (!truthy(kube.no_hostagent_deployment_clusterrole))
    rules.push(rule([pyStr(kube.use_apps_apigroup)], ['deployments', 'replicasets'], READ));
  rules.push(
    rule(['aci.snat'], ['snatpolicies', 'snatglobalinfos', 'rdconfigs'], READ),
    rule(['aci.qos'], ['qospolicies'], [...CRUD, 'patch']),
    rule(['aci.droplog'], ['enabledroplogs', 'prunedroplogs'], READ),
    rule(['aci.snat'], ['nodeinfos', 'snatlocalinfos'], ['create', 'update', 'list', 'watch', 'get', 'delete']),
  );
  if (truthy(kube.host_agent_openshift_resource)) rules.push(rule(['config.openshift.io'], ['infrastructures'], ['get']));
  rules.push(
    rule(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch']),
    rule(['aci.netpol'], ['networkpolicies'], ['get', 'list', 'watch']),
    rule(['aci.aw'], ['nodepodifs'], ['*']),
  );
  if (truthy(ctx.c.sriov_config.enable) || ctx.chained) rules.push(rule(['k8s.cni.cncf.io'], ['*'], ['*']));
  if (ctx.chained) {
    rules.push(
      rule(['aci.fabricattachment'], ['nodefabricnetworkattachments', 'nodefabricnetworkattachments/status'], ['*']),
      rule([''], ['configmaps'], [...READ, 'update']),
      rule(['aci.fabricattachment'], ['nadvlanmaps', 'fabricvlanpools'], ['get', 'list', 'watch']),
    );
  }
  rules.push(rule(['aci.hpp'], ['hostprotpols', 'hostprotremoteipcontainers'], READ));
  if (truthy(ctx.c.kube_config.proactive_conf)) rules.push(rule(['aci.pc'], ['proactiveconfs'], ['get', 'list', 'watch']));
  return clusterRole(ctx, 'aci-containers-host-agent', rules);
}

/** The controller's and host agent's roles and bindings (with use_cluster_role). */
export function buildRbac(ctx: Ctx): KubeObject[] {
  if (!truthy(ctx.c.kube_config.use_cluster_role)) return [];
  return [
    controllerRole(ctx),
    hostAgentRole(ctx),
    clusterRoleBinding(ctx, 'aci-containers-controller'),
    clusterRoleBinding(ctx, 'aci-containers-host-agent'),
  ];
}

// The admission webhook of chained CNI and VMM lite: it fills in network
// attachment definitions (NADs) and checks the fabric network resources;
// with a local certificate manager, a deployment that rotates its serving
// certificate instead of OpenShift's service CA. Chained mode also declares
// the fabric VLAN pool and, from a NAD VLAN map file, the NadVlanMap.
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPreferredSchedulingTerm } from 'kubernetes-models/v1/PreferredSchedulingTerm';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import type { IValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import type { IMutatingWebhook } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhook';
import type { IValidatingWebhook } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhook';
import type { Config } from '../config/types.js';
import type { Ctx } from './context.js';
import { toKube, type KubeObject } from './object.js';

const NAME = 'aci-containers-webhook';
const CERTMANAGER = 'aci-containers-certmanager';
// The webhook's objects live here whatever the system namespace (as in the ACI CNI).
const NAMESPACE = 'aci-containers-system';
const APP = { app: NAME };

const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): IPolicyRule =>
  resourceNames ? { apiGroups, resourceNames, resources, verbs } : { apiGroups, resources, verbs };

const fieldEnv = (name: string, fieldPath: string): IEnvVar => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });

const CONTROL_PLANE_TOLERATIONS: IToleration[] = [
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
];

function role(chained: boolean): KubeObject {
  const rules = [
    rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], ['*']),
    rule(['k8s.cni.cncf.io'], ['network-attachment-definitions'], ['*']),
    rule([''], ['secrets'], ['list', 'get', 'create', 'update', 'watch']),
    rule([''], ['configmaps'], ['*']),
    rule(['security.openshift.io'], ['securitycontextconstraints'], ['use'], ['privileged']),
  ];
  if (chained) {
    rules.push(
      rule(
        ['aci.fabricattachment'],
        ['nodefabricnetworkl3peers', 'networkfabricl3configurations', 'networkfabricconfigurations'],
        ['get', 'list', 'watch'],
      ),
    );
  }
  rules.push(rule([''], ['pods'], ['get', 'list', 'watch', 'update']));
  const r: IClusterRole = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: NAME }, rules };
  return toKube(r);
}

function binding(): KubeObject {
  const b: IClusterRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: NAME },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: NAME },
    subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: NAMESPACE }],
  };
  return toKube(b);
}

function deployment(ctx: Ctx, c: Config, chained: boolean, vmmLite: boolean): KubeObject {
  const cni = c.chained_cni_config;
  const env: IEnvVar[] = [
    { name: 'WATCH_NAMESPACE' },
    fieldEnv('POD_NAME', 'metadata.name'),
    fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
  ];
  if (chained) {
    if (cni.require_annotation_for_nad_mutation_webhook) env.push({ name: 'REQUIRE_NAD_ANNOTATION', value: 'True' });
    if (cni.named_container_for_fabric_bgp_peer_insertion) {
      env.push({ name: 'CONTAINER_FOR_ENVVARS', value: cni.named_container_for_fabric_bgp_peer_insertion });
    }
    env.push({ name: 'CHAINED_MODE_ENABLED', value: 'True' });
  }
  if (vmmLite) env.push({ name: 'VMM_LITE_ENABLED', value: 'True' });
  const d: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: APP, name: NAME, namespace: NAMESPACE },
    spec: {
      replicas: 1,
      selector: { matchLabels: APP },
      template: {
        metadata: { labels: APP },
        spec: {
          containers: [
            {
              name: NAME,
              image: ctx.image(NAME, 'aci_containers_webhook_version'),
              imagePullPolicy: ctx.pullPolicy,
              ports: [
                { name: 'webhook-server', containerPort: 8443 },
                { name: 'health-probe', containerPort: 8081 },
              ],
              env,
              readinessProbe: {
                failureThreshold: 3,
                httpGet: {
                  httpHeaders: [{ name: 'Content-Type', value: 'application/json' }],
                  path: '/readyz',
                  port: 'health-probe',
                  scheme: 'HTTP',
                },
                initialDelaySeconds: 10,
                periodSeconds: 10,
                successThreshold: 1,
                timeoutSeconds: 1,
              },
              volumeMounts: [{ mountPath: '/tmp/k8s-webhook-server/serving-certs/', name: 'tls-key-pair', readOnly: true }],
            },
          ],
          tolerations: CONTROL_PLANE_TOLERATIONS,
          priorityClassName: 'system-cluster-critical',
          restartPolicy: 'Always',
          serviceAccount: NAME,
          serviceAccountName: NAME,
          volumes: [{ name: 'tls-key-pair', secret: { defaultMode: 420, secretName: NAME } }],
        },
      },
    },
  };
  return toKube(d);
}

function service(serviceCa: boolean): KubeObject {
  const s: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      labels: APP,
      name: NAME,
      namespace: NAMESPACE,
      // Without a local certificate manager, OpenShift's service CA issues the serving certificate.
      ...(serviceCa ? { annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': NAME } } : {}),
    },
    spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 }], selector: APP, type: 'ClusterIP' },
  };
  return toKube(s);
}

type Webhook = IMutatingWebhook & IValidatingWebhook;

function webhook(
  path: string,
  name: string,
  failurePolicy: 'Fail' | 'Ignore',
  rule: { apiGroups: string[]; operations: ('CREATE' | 'UPDATE' | 'DELETE')[]; resources: string[] },
  mutating: boolean,
): Webhook {
  const w: Webhook = {
    admissionReviewVersions: ['v1'],
    clientConfig: { service: { name: NAME, namespace: NAMESPACE, path, port: 443 } },
    failurePolicy,
    matchPolicy: 'Equivalent',
    name: `${NAME}-${name}.netop-cni.cisco.com`,
    namespaceSelector: {},
    objectSelector: {},
    ...(mutating ? { reinvocationPolicy: 'Never' } : {}),
    rules: [{ apiGroups: rule.apiGroups, apiVersions: ['v1'], operations: rule.operations, resources: rule.resources, scope: '*' }],
    sideEffects: 'None',
    timeoutSeconds: 10,
  };
  return w;
}

const NAD_RULE = { apiGroups: ['k8s.cni.cncf.io'], resources: ['network-attachment-definitions'] };
const CABUNDLE = { 'service.beta.openshift.io/inject-cabundle': 'true' };

function mutatingConfig(c: Config, serviceCa: boolean, vmmLite: boolean): KubeObject {
  const hooks: Webhook[] = [];
  if (!vmmLite) hooks.push(webhook('/mutate-nad', 'mutate-nad', 'Fail', { ...NAD_RULE, operations: ['CREATE', 'UPDATE'] }, true));
  hooks.push(webhook('/delete-nad', 'delete-nad', 'Ignore', { ...NAD_RULE, operations: ['DELETE'] }, true));
  if (c.chained_cni_config.enable_container_l3_peering_model) {
    hooks.push(
      webhook(
        '/mutate-pod',
        'mutate-pod',
        'Fail',
        { apiGroups: [''], operations: ['CREATE', 'DELETE'], resources: ['pods', 'pods/binding'] },
        true,
      ),
    );
  }
  const m: IMutatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'MutatingWebhookConfiguration',
    metadata: { labels: APP, name: NAME, ...(serviceCa ? { annotations: CABUNDLE } : {}) },
    webhooks: hooks,
  };
  return toKube(m);
}

function validatingConfig(c: Config): KubeObject {
  const fabric = (resource: string) =>
    webhook(
      `/validate-${resource.slice(0, -1)}`,
      `validate-${resource.slice(0, -1)}`,
      'Fail',
      {
        apiGroups: ['aci.fabricattachment'],
        operations: ['CREATE', 'UPDATE'],
        resources: [resource],
      },
      false,
    );
  const hooks = [fabric('networkfabricconfigurations')];
  if (c.chained_cni_config.enable_container_l3_peering_model) hooks.push(fabric('networkfabricl3configurations'));
  const v: IValidatingWebhookConfiguration = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { labels: APP, name: NAME, annotations: CABUNDLE },
    webhooks: hooks,
  };
  return toKube(v);
}

const preferred = (key: string, weight: number): IPreferredSchedulingTerm => ({
  preference: { matchExpressions: [{ key, operator: 'Exists' }] },
  weight,
});

function certManager(ctx: Ctx): KubeObject {
  const labels = { app: CERTMANAGER };
  const env = (name: string, value: string): IEnvVar => ({ name, value });
  const d: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels, name: CERTMANAGER, namespace: NAMESPACE },
    spec: {
      selector: { matchLabels: labels },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { annotations: { description: `${CERTMANAGER} rotate webhook certs` }, labels: { app: CERTMANAGER, name: CERTMANAGER } },
        spec: {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                preferred('node-role.kubernetes.io/control-plane', 10),
                preferred('node-role.kubernetes.io/master', 1),
              ],
            },
          },
          containers: [
            {
              env: [
                { name: 'WATCH_NAMESPACE' },
                fieldEnv('POD_NAME', 'metadata.name'),
                fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
                env('ENABLE_PROFILER', 'False'),
                env('PROFILER_PORT', '6060'),
                env('CA_ROTATE_INTERVAL', '8760h0m0s'),
                env('CA_OVERLAP_INTERVAL', '24h0m0s'),
                env('CERT_ROTATE_INTERVAL', '4380h0m0s'),
                env('CERT_OVERLAP_INTERVAL', '24h0m0s'),
              ],
              image: ctx.image(CERTMANAGER, 'aci_containers_certmanager_version'),
              imagePullPolicy: ctx.pullPolicy,
              name: CERTMANAGER,
              resources: { requests: { cpu: '30m', memory: '30Mi' } },
            },
          ],
          priorityClassName: 'system-cluster-critical',
          serviceAccount: NAME,
          serviceAccountName: NAME,
          terminationGracePeriodSeconds: 30,
          tolerations: CONTROL_PLANE_TOLERATIONS,
        },
      },
    },
  };
  return toKube(d);
}

/** The NAD VLAN map read from `chained_cni_config.vlans_file`. */
function nadVlanMap(mapping: NonNullable<Config['chained_cni_config']['nad_vlan_mapping']>): KubeObject {
  return {
    apiVersion: 'aci.fabricattachment/v1',
    kind: 'NadVlanMap',
    metadata: { name: 'nad-vlan-map', namespace: NAMESPACE },
    spec: { nadVlanMapping: mapping },
  };
}

/** The VLANs the controller may give secondary networks. */
function fabricVlanPool(vlans: readonly string[]): KubeObject {
  return {
    apiVersion: 'aci.fabricattachment/v1',
    kind: 'FabricVlanPool',
    metadata: { name: 'default', namespace: NAMESPACE },
    spec: { vlans: [...vlans] },
  };
}

/** The webhook and what goes with it, for chained CNI and VMM lite (none otherwise). */
export function buildWebhook(ctx: Ctx): KubeObject[] {
  const c = ctx.c;
  const chained = ctx.chained;
  const vmmLite = ctx.aaepMonitoring;
  if (!chained && !vmmLite) return [];
  const serviceCa = !c.chained_cni_config.local_cert_manager_enabled || vmmLite;
  const sa: IServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: NAME, namespace: NAMESPACE } };
  const out = [
    toKube(sa),
    role(chained),
    binding(),
    deployment(ctx, c, chained, vmmLite),
    service(serviceCa),
    mutatingConfig(c, serviceCa, vmmLite),
  ];
  if (chained) out.push(validatingConfig(c));
  if (c.chained_cni_config.local_cert_manager_enabled) out.push(certManager(ctx));
  const mapping = c.chained_cni_config.nad_vlan_mapping;
  if (mapping && Object.keys(mapping).length > 0) out.push(nadVlanMap(mapping));
  if (chained) out.push(fabricVlanPool((c.chained_cni_config.secondary_vlans as string[] | null) ?? []));
  return out;
}

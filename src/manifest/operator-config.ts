// What the operator reads: aci-operator-config (the flavor and the whole ACI
// CNI manifest, base64) and acc-provision-config (the user's input, so the
// operator can re-run provisioning when the cluster changes).
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { accProvisionInputText } from './acc-provision-input.js';
import type { Ctx } from './context.js';
import { buildPlainNamespace } from './namespace.js';
import { toKube, type KubeObject } from './object.js';

export function buildAciOperatorConfig(ctx: Ctx, manifestBase64: string): KubeObject {
  const cm: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'aci-operator-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() },
    data: { spec: JSON.stringify({ flavor: ctx.flavor, config: manifestBase64 }, null, 4) },
  };
  return toKube(cm);
}

/** acc-provision-config, preceded by a namespace when the cluster L3Out has its own AEP. */
export function buildAccProvisionConfig(ctx: Ctx): KubeObject[] {
  const out: KubeObject[] = [];
  if (ctx.on('user_config.aci_config.cluster_l3out') && ctx.on('user_config.aci_config.cluster_l3out.aep')) {
    out.push(buildPlainNamespace(ctx.systemNs));
  }
  const cm: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'acc-provision-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() },
    data: { spec: accProvisionInputText(ctx) },
  };
  out.push(toKube(cm));
  return out;
}

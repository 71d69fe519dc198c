import { truthy } from './context.js';
// What the operator reads: aci-operator-config (the flavor and the whole ACI
// CNI manifest, base64) and acc-provision-config (the user's input, so the
// operator can re-run provisioning when the cluster changes).
import { accProvisionInputText } from './acc-provision-input.js';
import { configMap } from './config-map.js';
import type { Ctx } from './context.js';
import { buildPlainNamespace } from './namespace.js';
import type { KubeObject } from './object.js';

export function buildAciOperatorConfig(ctx: Ctx, manifestBase64: string): KubeObject {
  return configMap(
    { name: 'aci-operator-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() },
    { spec: JSON.stringify({ flavor: ctx.flavor, config: manifestBase64 }, null, 4) },
  );
}

/** acc-provision-config, preceded by a namespace when the cluster L3Out has its own AEP. */
export function buildAccProvisionConfig(ctx: Ctx): KubeObject[] {
  const out: KubeObject[] = [];
  if (truthy(ctx.c.user_config.aci_config?.cluster_l3out) && truthy(ctx.c.user_config.aci_config?.cluster_l3out?.aep)) {
    out.push(buildPlainNamespace(ctx.systemNs));
  }
  out.push(
    configMap({ name: 'acc-provision-config', namespace: ctx.systemNs, labels: ctx.pluginLabels() }, { spec: accProvisionInputText(ctx) }),
  );
  return out;
}

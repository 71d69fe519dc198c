// snat-operator-config: the SNAT port range the controller hands out per node.
import { Ctx, pyStr } from './context.js';
import { configMap } from './config-map.js';
import type { KubeObject } from './object.js';

export function buildSnatOperatorConfig(ctx: Ctx): KubeObject {
  const range = (k: string) => pyStr(ctx.get(`kube_config.snat_operator.port_range.${k}`));
  return configMap(
    { name: 'snat-operator-config', namespace: ctx.overlay ? ctx.systemNs : 'aci-containers-system', labels: ctx.pluginLabels() },
    { start: range('start'), end: range('end'), 'ports-per-node': range('ports_per_node') },
  );
}

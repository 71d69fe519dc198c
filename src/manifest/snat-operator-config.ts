// snat-operator-config: the SNAT port range the controller hands out per node.
import { Ctx, pyStr } from './context.js';
import { configMap } from './config-map.js';
import type { KubeObject } from './object.js';

export function buildSnatOperatorConfig(ctx: Ctx): KubeObject {
  const range = ctx.c.kube_config.snat_operator.port_range;
  return configMap(
    { name: 'snat-operator-config', namespace: ctx.overlay ? ctx.systemNs : 'aci-containers-system', labels: ctx.pluginLabels() },
    { start: pyStr(range.start), end: pyStr(range.end), 'ports-per-node': pyStr(range.ports_per_node) },
  );
}

// snat-operator-config: the SNAT port range the controller hands out per node.
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Ctx, pyStr } from './context.js';
import { toKube, type KubeObject } from './object.js';

export function buildSnatOperatorConfig(ctx: Ctx): KubeObject {
  const range = (k: string) => pyStr(ctx.get(`kube_config.snat_operator.port_range.${k}`));
  const cm: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'snat-operator-config',
      namespace: ctx.overlay ? ctx.systemNs : 'aci-containers-system',
      labels: ctx.pluginLabels(),
    },
    data: { start: range('start'), end: range('end'), 'ports-per-node': range('ports_per_node') },
  };
  return toKube(cm);
}

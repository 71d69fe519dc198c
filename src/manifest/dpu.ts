// DPU offload: where lsyncd mirrors the OpFlex agent's files to the DPU.
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Ctx } from './context.js';
import { pyDumps } from './json-text.js';
import { toKube, type KubeObject } from './object.js';

export function buildLsyncdConfig(ctx: Ctx): KubeObject | undefined {
  if (!ctx.dpu) return undefined;
  const cm: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'lsyncd-config',
      namespace: ctx.overlay ? ctx.systemNs : 'aci-containers-system',
      labels: ctx.pluginLabels(),
    },
    data: { 'lsyncd.json': `{\n   "dpuIp": ${pyDumps(ctx.c.dpuIp)},\n   "dpuUser": ${pyDumps(ctx.c.dpuUser)}\n}` },
  };
  return toKube(cm);
}

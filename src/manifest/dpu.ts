// DPU offload: where lsyncd mirrors the OpFlex agent's files to the DPU.
import type { Ctx } from './context.js';
import { configMap } from './config-map.js';
import { pyDumps } from './json-text.js';
import type { KubeObject } from './object.js';

export function buildLsyncdConfig(ctx: Ctx): KubeObject | undefined {
  if (!ctx.dpu) return undefined;
  return configMap(
    { name: 'lsyncd-config', namespace: ctx.overlay ? ctx.systemNs : 'aci-containers-system', labels: ctx.pluginLabels() },
    { 'lsyncd.json': `{\n   "dpuIp": ${pyDumps(ctx.c.dpuIp)},\n   "dpuUser": ${pyDumps(ctx.c.dpuUser)}\n}` },
  );
}

// memory-limit-range: default memory for containers of the system namespace
// that set none.
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import { Ctx, yamlScalar } from './context.js';
import { toKube, type KubeObject } from './object.js';

export function buildLimitRange(ctx: Ctx): KubeObject {
  const lr: ILimitRange = {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'memory-limit-range', namespace: ctx.systemNs },
    spec: {
      limits: [
        {
          default: { memory: yamlScalar(ctx.c.kube_config.aci_containers_memory_limit) as string },
          defaultRequest: { memory: yamlScalar(ctx.c.kube_config.aci_containers_memory_request) as string },
          type: 'Container',
        },
      ],
    },
  };
  return toKube(lr);
}

// The AciContainersOperator resource (`-r`): the flavor and the whole ACI CNI
// manifest, base64, for the operator to apply.
import type { Ctx } from './context.js';
import type { KubeObject } from './object.js';

export function buildOperatorCr(ctx: Ctx, manifestBase64: string): KubeObject {
  return {
    apiVersion: 'aci.ctrl/v1alpha1',
    kind: 'AciContainersOperator',
    metadata: { name: 'acicnioperator', namespace: ctx.systemNs },
    spec: { flavor: ctx.flavor, config: manifestBase64 },
  };
}

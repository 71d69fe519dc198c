// Service accounts of the ACI CNI's pods.
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { Ctx } from './context.js';
import { toKube, type KubeObject } from './object.js';

export function buildServiceAccount(ctx: Ctx, name: string): KubeObject {
  const sa: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: ctx.systemNs, labels: ctx.versionLabel() },
  };
  return toKube(sa);
}

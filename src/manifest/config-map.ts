// A ConfigMap: the frame every configuration object of the manifest shares.
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { toKube, type KubeObject } from './object.js';

export function configMap(
  metadata: NonNullable<IConfigMap['metadata']> & { name: string; namespace: string },
  data: Record<string, string>,
): KubeObject {
  const cm: IConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
  return toKube(cm);
}

// Names of the operator tarball's entries: cluster-network-NN-Kind-name.yaml.
import type { KubeObject } from './object.js';

export function tarEntryName(n: number, o: KubeObject): string {
  return `cluster-network-${String(n).padStart(2, '0')}-${o.kind}-${o.metadata.name}.yaml`;
}

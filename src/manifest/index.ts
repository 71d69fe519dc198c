// The Kubernetes manifest of the ACI CNI, built from a Config.
// Placeholder signature: the manifest work fills this in.
import type { Config } from '../config/types.js';

export interface ManifestFiles {
  /** The whole manifest (`-o`), multi-document YAML. */
  kube: string;
  /** The AciContainersOperator custom resource (`-r`). */
  operatorCr: string;
  /** The operator tarball's files (`-z`), in order: name and YAML content. */
  tarFiles: { name: string; content: string }[];
}

export function renderManifest(_config: Config): ManifestFiles {
  throw new Error('renderManifest: not implemented yet');
}

// One Kubernetes object of the manifest: what the renderer and the tarball
// need from any built object (its kind and name name the tar entry).
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A typed kubernetes-models object as a manifest entry. */
export function toKube(o: object): KubeObject {
  return o as KubeObject;
}

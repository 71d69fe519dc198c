// The Tigera operator manifest of the Calico flavor: interface data (Calico
// 3.26.3's release manifest, 1.4 MB) carried as data/tigera-operator-3.26.3.yaml.gz
// and read only when a Calico tarball is written. This module sits two
// folders below the package root, as the bundle (dist/bundle/) does, so the
// same relative URL finds the file from dist/ and from the bundle.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const TIGERA_OPERATOR_FILE = new URL('../../data/tigera-operator-3.26.3.yaml.gz', import.meta.url);

export function tigeraOperatorManifest(): string {
  return gunzipSync(readFileSync(TIGERA_OPERATOR_FILE)).toString('utf8');
}

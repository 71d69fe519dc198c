// Flavor families whose `-o`, `-r` and `-z` outputs are not the ACI CNI
// manifest: RKE (the `network:` section of RKE's cluster.yml; RKE deploys the
// CNI itself, so there is no operator resource nor tarball) and Calico (the
// Tigera operator and Calico's resources in the tarball).
import type { Config } from '../config/types.js';
import type { ManifestFiles } from './index.js';
import { renderDoc } from './render.js';
import { buildRkeNetworkSection } from './rke/network-section.js';
import { renderCalicoFiles } from './calico/files.js';

/** The family's files, or undefined for families that write the ACI CNI manifest. */
export function renderFamilyFiles(family: string, config: Config): ManifestFiles | undefined {
  switch (family) {
    case 'rke':
      return { kube: renderDoc(buildRkeNetworkSection(config)), operatorCr: '', tarFiles: [], absent: ['operatorCr', 'tarball'] };
    case 'calico':
      return renderCalicoFiles(config);
    default:
      return undefined;
  }
}

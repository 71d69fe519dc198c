// The OpenShift family's manifest: the ACI CNI's objects are the shared
// Kubernetes builders' (OpenShift's differences there are configuration
// the flavor sets: security context constraints, run level, paths); the
// family adds the installer's files to the operator tarball.
import { VSPHERE_WORKER_KUBELET_FLAVORS } from '../../config/data/flavors-openshift.js';
import type { ManifestFamily } from '../families.js';
import { installerFiles } from './installer-files.js';

export const OPENSHIFT_MANIFEST: ManifestFamily = {
  tarExtras: (ctx) => installerFiles(ctx, { vsphereWorkerKubelet: VSPHERE_WORKER_KUBELET_FLAVORS.has(ctx.flavor) }),
};

// Every flavor table the tool knows, one per family file. A family adds its
// table here (one line); names are unique across tables.
import type { FlavorData } from '../flavors.js';
import { KUBERNETES_FLAVORS } from './flavors.js';
// Families of issue 16 (RKE, RKE2, Calico, Docker UCP, k8s-overlay, k8s-aci-cilium):
import { CALICO_FLAVORS } from './flavors-calico.js';
import { MISC_FLAVORS } from './flavors-misc.js';
import { RKE_FLAVORS, RKE2_FLAVORS } from './flavors-rke.js';

export const FLAVOR_TABLES: ReadonlyArray<Record<string, FlavorData>> = [
  KUBERNETES_FLAVORS,
  // Families of issue 16:
  MISC_FLAVORS,
  RKE2_FLAVORS,
  RKE_FLAVORS,
  CALICO_FLAVORS,
];

// The flavor families and their tables, one line each: a family's flavors
// are known to the tool through this list and nowhere else.
import type { FlavorData } from '../flavors.js';
import { KUBERNETES_FLAVORS } from './flavors.js';
import { OPENSHIFT_FLAVORS } from './flavors-openshift.js';
import { CALICO_FLAVORS } from './flavors-calico.js';
import { MISC_FLAVORS } from './flavors-misc.js';
import { RKE_FLAVORS, RKE2_FLAVORS } from './flavors-rke.js';

export interface FlavorFamilyTable {
  /** The builders a flavor of this family gets (manifest, APIC objects). */
  family: string;
  flavors: Record<string, FlavorData>;
}

export const FLAVOR_FAMILIES: readonly FlavorFamilyTable[] = [
  { family: 'kubernetes', flavors: KUBERNETES_FLAVORS },
  { family: 'openshift', flavors: OPENSHIFT_FLAVORS },
  // Issue 16's families; each flavor of these tables names its family itself.
  { family: 'kubernetes', flavors: MISC_FLAVORS },
  { family: 'rke2', flavors: RKE2_FLAVORS },
  { family: 'rke', flavors: RKE_FLAVORS },
  { family: 'calico', flavors: CALICO_FLAVORS },
];

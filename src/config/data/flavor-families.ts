// The flavor families and their tables, one line each: a family's flavors
// are known to the tool through this list and nowhere else.
import type { FlavorData } from '../flavors.js';
import { KUBERNETES_FLAVORS } from './flavors.js';
import { OPENSHIFT_FLAVORS } from './flavors-openshift.js';

export interface FlavorFamilyTable {
  /** The builders a flavor of this family gets (manifest, APIC objects). */
  family: string;
  flavors: Record<string, FlavorData>;
}

export const FLAVOR_FAMILIES: readonly FlavorFamilyTable[] = [
  { family: 'kubernetes', flavors: KUBERNETES_FLAVORS },
  { family: 'openshift', flavors: OPENSHIFT_FLAVORS },
];

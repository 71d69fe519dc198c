// The Calico flavor of the Python acc-provision (flavors.yaml): Calico is the
// CNI and peers with the fabric over BGP; the tool writes the Tigera operator,
// Calico's resources and the cluster L3Out on the APIC.
import type { FlavorData } from '../flavors.js';

export const CALICO_FLAVORS: Record<string, FlavorData> = {
  'calico-3.26.3': {
    desc: 'calico-3.26.3',
    // A release the image table does not know: Calico's images are its own.
    default_version: '6.1.3.3',
    status: null,
    hidden: false,
    order: 134,
    family: 'calico',
  },
};

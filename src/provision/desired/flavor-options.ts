// The flavor's own switches for the APIC objects (flavors.yaml `options.apic`).
import { getFlavor } from '../../config/flavors.js';
import type { Config } from '../../config/types.js';

/** The nodes reach the fabric on the kubeapi VLAN of the physical domain (not on OpenStack, whose networks carry them). */
export function usesKubeapiVlan(config: Config): boolean {
  return getFlavor(config.flavor)?.options?.apic?.use_kubeapi_vlan !== false;
}

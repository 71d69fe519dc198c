// Flavor families whose APIC objects are not the Kubernetes cluster's: the
// basic overlay has none (it runs without an APIC); Calico's are its cluster
// L3Out and BGP peering (calico.ts).
import type { Config } from '../../config/types.js';
import { TreeBuilder, CLUSTER_ANNOTATION } from './tree.js';
import type { DesiredState } from './types.js';
import { buildCalicoState, OFFLINE_CALICO_FACTS, type CalicoFabricFacts } from './calico.js';

/** What fabric discovery read that a family's objects depend on; absent without an APIC. */
export interface FamilyFabricFacts {
  calicoFabric?: CalicoFabricFacts;
}

/** The family's desired state, or undefined where the Kubernetes builders apply. */
export function familyDesiredState(family: string, config: Config, fabric: FamilyFabricFacts = {}): DesiredState | undefined {
  switch (family) {
    case 'k8s-overlay':
      return { root: new TreeBuilder().root, annotation: CLUSTER_ANNOTATION, controllerUser: config.aci_config.sync_login.username };
    case 'calico':
      // Read by fabric discovery (src/apic/bgp.ts readCalicoFabricFacts); without
      // an APIC (--apic-dump alone) the Python tool's offline stand-in applies.
      return buildCalicoState(config, fabric.calicoFabric ?? OFFLINE_CALICO_FACTS);
    default:
      return undefined;
  }
}

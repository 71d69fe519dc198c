// What the fabric tells a command before it builds anything: the APIC's
// version, the infra VLAN, the VLAN pool of the VMware domain the nodes are
// nested inside, and what the other clusters of the fabric hold. Offline
// (no APIC: generation, node commands) only `--infra-vlan` is known.
import type { ApicVersion } from '../apic/discovery.js';
import type { CalicoFabricFacts } from '../provision/desired/calico.js';
import type { FabricNeighbours } from './neighbours.js';

export interface FabricFacts {
  /** `apic`: read from an APIC; `offline`: from flags and defaults only. */
  source: 'apic' | 'offline';
  apicVersion?: ApicVersion;
  /** The fabric's infra VLAN (APIC discovery, else `--infra-vlan`); it overrides the file. */
  infraVlan?: number;
  /** DN of the VLAN pool of the nested VMware domain (with a second kube-api port group). */
  nestedVlanPool?: string;
  /** What other clusters hold on the fabric (APIC runs that write only). */
  neighbours?: FabricNeighbours;
  /** Calico: the leaves the cluster L3Out and the user's L3Out already hold (every APIC run of a Calico cluster). */
  calicoFabric?: CalicoFabricFacts;
}

/** The facts of a run without an APIC. */
export function offlineFacts(infraVlan?: number): FabricFacts {
  return { source: 'offline', ...(infraVlan !== undefined ? { infraVlan } : {}) };
}

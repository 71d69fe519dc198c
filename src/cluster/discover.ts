// Step one of every command: what the fabric reports. With an APIC, one
// parallel round of reads: the version, the infra VLAN, the nested VMware
// domain's VLAN pool, the prerequisites (`-a` only) and the other clusters
// (`-a` and `plan`), and for Calico the leaves its L3Outs hold. Without one,
// only the flags.
import type { ApicClient } from '../apic/client.js';
import { checkCalicoAsn, readCalicoFabricFacts, readFabricAsn } from '../apic/bgp.js';
import { infraVlanOf, readApicVersion } from '../apic/discovery.js';
import { flavorFamily } from '../config/flavors.js';
import { InputError } from '../errors.js';
import type { Config } from '../config/types.js';
import { checkPrerequisites, discoverNestedVlanPool } from '../provision/prerequisites.js';
import { offlineFacts, type FabricFacts } from './facts.js';
import { readNeighbours } from './neighbours.js';

export type FabricReader = Pick<ApicClient, 'get' | 'getMo' | 'getChildren' | 'getClass'>;

export interface DiscoverOptions {
  /** `--infra-vlan`: used when the fabric reports none. */
  infraVlan?: number;
  /** Check the objects `-a` builds on (AEP, VRF, L3Out, ...); a missing one is an InputError. */
  prerequisites?: boolean;
  /** Read what other clusters hold, to refuse conflicts before writing. */
  neighbours?: boolean;
}

/**
 * Reads the fabric's facts, in one round. `probe` is the configuration
 * validated without the fabric's values (probeCluster): the reads depend only
 * on its names. `apic` should share its reads (apic/read-cache.ts) with the
 * steps that follow. Without an APIC, the facts are the flags'.
 */
export async function discoverFabric(apic: FabricReader | undefined, probe: Config, opts: DiscoverOptions = {}): Promise<FabricFacts> {
  if (!apic) return offlineFacts(opts.infraVlan);
  // Every AEP with its bindings, read first: the infra VLAN, the cluster's AEP
  // (a prerequisite, and where other clusters bind their VLANs) and, later,
  // the plan's read of that AEP are answered from it (see apic/read-cache.ts).
  const aeps = apic.getClass('infraAttEntityP', { subtree: 'full' });
  const calico = flavorFamily(probe.flavor) === 'calico';
  const [apicVersion, all, nestedVlanPool, , neighbours, fabricAsn, calicoFabric] = await Promise.all([
    readApicVersion(apic),
    aeps,
    discoverNestedVlanPool(apic, probe),
    opts.prerequisites ? checkPrerequisites(apic, probe) : undefined,
    opts.neighbours ? readNeighbours(apic, probe) : undefined,
    // Calico peers with the fabric's route reflectors: their AS must be the file's (as the Python tool checks).
    calico && opts.prerequisites ? readFabricAsn(apic) : undefined,
    // Read by every APIC run of a Calico cluster (-a, -d, plan, verify), before any write: all build one tree.
    calico ? readCalicoFabricFacts(apic, probe) : undefined,
  ]);
  if (calico && opts.prerequisites) {
    const problem = checkCalicoAsn(probe, fabricAsn);
    if (problem) throw new InputError([problem]);
  }
  const vlan = infraVlanOf(all) ?? opts.infraVlan;
  return {
    source: 'apic',
    ...(apicVersion ? { apicVersion } : {}),
    ...(vlan !== undefined ? { infraVlan: vlan } : {}),
    ...(nestedVlanPool !== undefined ? { nestedVlanPool } : {}),
    ...(neighbours ? { neighbours } : {}),
    ...(calicoFabric ? { calicoFabric } : {}),
  };
}

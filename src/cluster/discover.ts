// Step one of every command: what the fabric reports. With an APIC, one
// parallel round of reads: the version, the infra VLAN, the nested VMware
// domain's VLAN pool, the prerequisites (`-a` only) and the other clusters
// (`-a` and `plan`). Without one, only the flags.
import type { ApicClient } from '../apic/client.js';
import { readApicVersion, readInfraVlan } from '../apic/discovery.js';
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
 * Reads the fabric's facts. `probe` is the configuration validated without
 * the fabric's values (src/cluster/source.ts): the reads depend only on its
 * names. Without an APIC, the facts are the flags'.
 */
export async function discoverFabric(apic: FabricReader | undefined, probe: Config, opts: DiscoverOptions = {}): Promise<FabricFacts> {
  if (!apic) return offlineFacts(opts.infraVlan);
  apic = sharingReads(apic);
  const [apicVersion, infraVlan, nestedVlanPool, , neighbours] = await Promise.all([
    readApicVersion(apic),
    readInfraVlan(apic),
    discoverNestedVlanPool(apic, probe),
    opts.prerequisites ? checkPrerequisites(apic, probe) : undefined,
    opts.neighbours ? readNeighbours(apic, probe) : undefined,
  ]);
  const vlan = infraVlan ?? opts.infraVlan;
  return {
    source: 'apic',
    ...(apicVersion ? { apicVersion } : {}),
    ...(vlan !== undefined ? { infraVlan: vlan } : {}),
    ...(nestedVlanPool !== undefined ? { nestedVlanPool } : {}),
    ...(neighbours ? { neighbours } : {}),
  };
}

/**
 * The same object read twice in one round (the AEP and the L3Out, by the
 * prerequisite check and by the look at other clusters) is one request.
 */
function sharingReads(apic: FabricReader): FabricReader {
  const reads = new Map<string, ReturnType<FabricReader['getMo']>>();
  return {
    get: (path, query) => apic.get(path, query),
    getChildren: (dn, classes) => apic.getChildren(dn, classes),
    getClass: (className, o) => apic.getClass(className, o),
    getMo: (dn, o = {}) => {
      const key = `${dn}\u0000${o.subtree ?? ''}\u0000${JSON.stringify(o.query ?? {})}`;
      let p = reads.get(key);
      if (!p) reads.set(key, (p = apic.getMo(dn, o)));
      return p;
    },
  };
}

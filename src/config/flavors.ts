// The configuration flavors this tool supports, family by family
// (data/flavor-families.ts). A flavor belongs to a family (whose builders
// make its outputs), picks the default image release and layers a few
// settings under the user's file; hidden flavors are accepted but not listed.
import { FLAVOR_FAMILIES } from './data/flavor-families.js';
import { RELEASE_VERSIONS } from './data/versions.js';

/** Per-flavor switches of the APIC objects (the Python tool's flavor options). */
export interface FlavorOptions {
  apic?: {
    /** The nodes' physical domain carries the kubeapi VLAN (default true). */
    use_kubeapi_vlan?: boolean;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** The builder sets a flavor's outputs come from (manifest/, provision/desired/). */
export type FlavorFamily =
  'kubernetes' | 'openshift' | 'rke' | 'rke2' | 'calico' | 'docker-ucp' | 'k8s-overlay' | 'k8s-aci-cilium' | (string & {});

export interface FlavorData {
  desc: string;
  /** Release whose image versions apply unless the user pins `registry.version`. */
  default_version: number | string;
  /** Shown in brackets after the description (e.g. "Experimental"). */
  status: string | null;
  hidden: boolean;
  /** Position in `--list-flavors` (ascending). */
  order: number;
  /** Settings under the user's file and above the tool's defaults. */
  config?: Record<string, unknown>;
  options?: FlavorOptions;
  /** Modes beside the full ACI CNI the flavor accepts (the others reject them). */
  modes?: { chained?: true; vmmLite?: true };
  /** The family, when the flavor's table holds several (RKE and RKE2, the misc. families); else the table's. */
  family?: FlavorFamily;
  /** RKE: the generation of RKE's `network:` section this release reads. */
  network?: string;
}

/** A flavor with its name and family. */
export interface Flavor extends FlavorData {
  name: string;
  family: FlavorFamily;
}

export interface FlavorSummary {
  name: string;
  description: string;
  status: string | null;
}

let byName: Map<string, Flavor> | undefined;

function flavorTable(): Map<string, Flavor> {
  if (byName) return byName;
  byName = new Map();
  for (const { family, flavors } of FLAVOR_FAMILIES) {
    for (const name of Object.keys(flavors)) {
      // The data's own object (its profile getter stays lazy), named.
      const data = flavors[name];
      const named: Flavor = Object.assign(Object.create(data) as FlavorData, { name, family: data.family ?? family });
      byName.set(name, named);
    }
  }
  return byName;
}

export function isKnownFlavor(name: string): boolean {
  return flavorTable().has(name);
}

export function getFlavor(name: string): Flavor | undefined {
  return flavorTable().get(name);
}

/** The family of a flavor ('kubernetes', 'openshift', 'rke', ...); 'kubernetes' for an unknown name. */
export function flavorFamily(name: string): FlavorFamily {
  return flavorTable().get(name)?.family ?? 'kubernetes';
}

/** Every accepted flavor name, visible or hidden, in `--list-flavors` order. */
export function allFlavorNames(): string[] {
  return [...flavorTable().values()].sort((a, b) => a.order - b.order).map((f) => f.name);
}

/** The visible flavors in `--list-flavors` order. */
export function visibleFlavors(): FlavorSummary[] {
  return allFlavorNames()
    .map((n) => flavorTable().get(n)!)
    .filter((f) => !f.hidden)
    .map((f) => ({ name: f.name, description: f.desc, status: f.status }));
}

/**
 * What `--list-flavors` prints, line by line, as the Python tool prints it
 * (its lines go to standard error with an `INFO: ` prefix; the caller picks
 * the stream and decides on the prefix).
 */
export function listFlavors(): string[] {
  return [
    'Available configuration flavors:',
    ...visibleFlavors().map((f) => `${f.name}:\t${f.description}${f.status ? ` [${f.status}]` : ''}`),
  ];
}

/** Release numbers are floats in the Python tool: 5.0 is written "5.0". */
export function releaseKey(version: unknown): string | undefined {
  if (typeof version === 'number' && Number.isFinite(version)) {
    return Number.isInteger(version) ? version.toFixed(1) : String(version);
  }
  if (typeof version === 'string' && /^\d+(\.\d+)?$/.test(version)) {
    return version.includes('.') ? version : `${version}.0`;
  }
  return undefined;
}

/** The image versions of an ACI CNI release, or undefined for an unknown release. */
export function releaseVersions(
  version: unknown,
  table: Record<string, Record<string, string>> = RELEASE_VERSIONS,
): Record<string, string> | undefined {
  const key = releaseKey(version);
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

// The configuration flavors this tool supports, one table per family
// (data/flavor-tables.ts). A flavor names its family, picks the default image
// release and layers a few settings under the user's file; hidden flavors are
// accepted but not listed.
import { FLAVOR_TABLES } from './data/flavor-tables.js';
import { RELEASE_VERSIONS } from './data/versions.js';

/** The builder sets a flavor's outputs come from (manifest/, provision/desired/). */
export type FlavorFamily = 'kubernetes' | 'rke' | 'rke2' | 'calico' | 'docker-ucp' | 'k8s-overlay' | 'k8s-aci-cilium' | (string & {});

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
  options?: Record<string, unknown>;
  /** Absent: upstream Kubernetes. */
  family?: FlavorFamily;
  /** RKE: the generation of RKE's `network:` section this release reads. */
  network?: string;
}

let allFlavors: Record<string, FlavorData> | undefined;

function flavorTable(): Record<string, FlavorData> {
  return (allFlavors ??= Object.assign({}, ...FLAVOR_TABLES) as Record<string, FlavorData>);
}


export interface FlavorSummary {
  name: string;
  description: string;
  status: string | null;
}

export function isKnownFlavor(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(flavorTable(), name);
}

export function getFlavor(name: string): FlavorData | undefined {
  return isKnownFlavor(name) ? flavorTable()[name] : undefined;
}

/**
 * The settings a flavor layers under the user's file (a fresh copy): the
 * ports of `aci_config.items` are named after the cluster, as the Python tool
 * names them (`aci-containers-<system_id>-<port>`).
 */
export function flavorLayer(name: string, systemId: unknown): Record<string, unknown> {
  const config = structuredClone(getFlavor(name)?.config ?? {});
  const aci = config.aci_config as { items?: Array<{ name: string }> } | undefined;
  for (const item of aci?.items ?? []) item.name = `aci-containers-${String(systemId)}-${item.name}`;
  return config;
}

/** The family of a flavor name ('kubernetes' for upstream and unknown names). */
export function flavorFamily(name: string): FlavorFamily {
  return getFlavor(name)?.family ?? 'kubernetes';
}

/** Every accepted flavor name, visible or hidden, newest first. */
export function allFlavorNames(): string[] {
  const table = flavorTable();
  return Object.keys(table).sort((a, b) => table[a]!.order - table[b]!.order);
}

/** The visible flavors in `--list-flavors` order. */
export function visibleFlavors(): FlavorSummary[] {
  return allFlavorNames()
    .filter((n) => !flavorTable()[n]!.hidden)
    .map((n) => {
      const f = flavorTable()[n]!;
      return { name: n, description: f.desc, status: f.status };
    });
}

/**
 * What `--list-flavors` prints, line by line, as the Python tool prints it
 * (its lines go to standard error with an `INFO: ` prefix; the caller picks
 * the stream and decides on the prefix).
 */
export function listFlavors(): string[] {
  return [
    'Available configuration flavors:',
    ...visibleFlavors().map(
      (f) => `${f.name}:\t${f.description}${f.status ? ` [${f.status}]` : ''}`,
    ),
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

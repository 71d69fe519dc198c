// The configuration flavors this tool supports: upstream Kubernetes 1.10 to
// 1.35. A flavor picks the default image release and layers a few settings
// under the user's file; hidden flavors are accepted but not listed.
import { KUBERNETES_FLAVORS } from './data/flavors.js';
import { RELEASE_VERSIONS } from './data/versions.js';

export interface FlavorData {
  desc: string;
  /** Release whose image versions apply unless the user pins `registry.version`. */
  default_version: number;
  /** Shown in brackets after the description (e.g. "Experimental"). */
  status: string | null;
  hidden: boolean;
  /** Position in `--list-flavors` (ascending). */
  order: number;
  /** Settings under the user's file and above the tool's defaults. */
  config?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface FlavorSummary {
  name: string;
  description: string;
  status: string | null;
}

export function isKnownFlavor(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(KUBERNETES_FLAVORS, name);
}

export function getFlavor(name: string): FlavorData | undefined {
  return isKnownFlavor(name) ? KUBERNETES_FLAVORS[name] : undefined;
}

/** Every accepted flavor name, visible or hidden, newest first. */
export function allFlavorNames(): string[] {
  return Object.keys(KUBERNETES_FLAVORS).sort(
    (a, b) => KUBERNETES_FLAVORS[a]!.order - KUBERNETES_FLAVORS[b]!.order,
  );
}

/** The visible flavors in `--list-flavors` order. */
export function visibleFlavors(): FlavorSummary[] {
  return allFlavorNames()
    .filter((n) => !KUBERNETES_FLAVORS[n]!.hidden)
    .map((n) => {
      const f = KUBERNETES_FLAVORS[n]!;
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

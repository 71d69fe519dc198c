// What a flavor family adds to or replaces in the shared manifest builders,
// one entry per family (the upstream Kubernetes family adds nothing).
import { flavorFamily } from '../config/flavors.js';
import type { Ctx } from './context.js';
import { OPENSHIFT_MANIFEST } from './openshift/index.js';

/** One file of the operator tarball: its name and content. */
export interface TarEntry {
  name: string;
  content: string;
}

export interface ManifestFamily {
  /** Files the operator tarball carries after the numbered objects. */
  tarExtras?(ctx: Ctx): TarEntry[];
}

const FAMILIES: Readonly<Record<string, ManifestFamily>> = {
  openshift: OPENSHIFT_MANIFEST,
};

export function manifestFamily(flavor: string): ManifestFamily {
  return FAMILIES[flavorFamily(flavor) ?? ''] ?? {};
}

// What a flavor family adds to or replaces in the desired ACI objects, one
// entry per family (the upstream Kubernetes family adds nothing).
import { flavorFamily } from '../../config/flavors.js';
import type { Config } from '../../config/types.js';
import type { TenantNames } from './names.js';
import { OPENSHIFT_DESIRED } from './openshift/index.js';
import type { TenantAdditions } from './tenant.js';

export interface DesiredFamily {
  /** Contracts, filter entries and EPG relations the family adds to the cluster's tenant. */
  tenantAdditions?(config: Config, names: TenantNames): TenantAdditions;
}

const FAMILIES: Readonly<Record<string, DesiredFamily>> = {
  openshift: OPENSHIFT_DESIRED,
};

export function desiredFamily(flavor: string): DesiredFamily {
  return FAMILIES[flavorFamily(flavor) ?? ''] ?? {};
}

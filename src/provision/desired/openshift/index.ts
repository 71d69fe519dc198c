// The OpenShift family's ACI objects: the shared Kubernetes builders with the
// OpenShift VMM domain (the flavor sets its type), plus the contracts the
// flavor lists in the cluster's tenant.
import type { DesiredFamily } from '../families.js';
import { openshiftTenantAdditions } from './tenant.js';

export const OPENSHIFT_DESIRED: DesiredFamily = {
  tenantAdditions: openshiftTenantAdditions,
};

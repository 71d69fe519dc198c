// Config -> the desired ACI objects of a Kubernetes cluster, as one tree;
// a flavor family adds its own objects (families.ts).
// Builders run in the order the Python tool sends its requests, so the dump
// reads the same; each only adds objects to the tree.
import type { Config } from '../../config/types.js';
import { InputError } from '../../errors.js';
import { TreeBuilder, CLUSTER_ANNOTATION } from './tree.js';
import type { DesiredState } from './types.js';
import { addAepBindings, addMulticastPool, addOpflexSettings, addPhysicalDomain, addVlanPools, addVmmDomain } from './fabric-access.js';
import { addNestedPortGroup, addSecondKubeApiPortGroup } from './nested.js';
import { addClusterInfo } from './cluster-info.js';
import { addExternalEpgContracts, addL3outContract } from './l3out.js';
import { addClusterTenant, type TenantExtras } from './tenant.js';
import { flavorFamily } from '../../config/flavors.js';
import { dockerUcpTenantExtras, rancherTenantExtras } from './flavor-items.js';
import { familyDesiredState } from './family-trees.js';
import { addControllerUser } from './user.js';
import { desiredFamily } from './families.js';
import { tenantNames } from './names.js';

export type { DesiredMo, DesiredState, Ownership, Post } from './types.js';
export { CLUSTER_ANNOTATION } from './tree.js';

/**
 * Configurations whose ACI objects this module builds: the upstream
 * Kubernetes and OpenShift families (see families.ts for what a family adds).
 * Calico, chained CNI and VMM lite build other trees.
 */
export function isSupportedFlavor(config: Config): boolean {
  const f = config.flavor;
  const chained = config.chained_cni_config;
  return (
    !f.includes('calico') &&
    !chained.secondary_interface_chaining &&
    !chained.primary_interface_chaining &&
    !config.vmm_lite_config.aaep_monitoring_enabled &&
    (config.aci_config.items === undefined ||
      FAMILY_TENANT_EXTRAS[flavorFamily(f)] !== undefined ||
      desiredFamily(f).tenantAdditions !== undefined)
  );
}

// Families of issue 16 whose tenant gets more than the Kubernetes one.
const FAMILY_TENANT_EXTRAS: Record<string, (config: Config) => TenantExtras> = {
  rke: rancherTenantExtras,
  rke2: rancherTenantExtras,
  'docker-ucp': dockerUcpTenantExtras,
};

export function buildDesiredState(config: Config): DesiredState {
  // Families of issue 16 with no or other APIC objects:
  const own = familyDesiredState(flavorFamily(config.flavor), config);
  if (own) return own;
  if (!isSupportedFlavor(config)) {
    throw new InputError([
      { field: 'flavor', value: config.flavor, rule: 'APIC provisioning is not implemented for chained CNI or VMM lite yet' },
    ]);
  }
  const family = desiredFamily(config.flavor);
  const t = new TreeBuilder();
  addVlanPools(t, config);
  addMulticastPool(t, config);
  addVmmDomain(t, config);
  addNestedPortGroup(t, config);
  addAepBindings(t, config);
  addOpflexSettings(t, config);
  addClusterInfo(t, config);
  addL3outContract(t, config);
  addClusterTenant(
    t,
    config,
    family.tenantAdditions?.(config, tenantNames(config)),
    FAMILY_TENANT_EXTRAS[flavorFamily(config.flavor)]?.(config),
  );
  addSecondKubeApiPortGroup(t, config);
  addPhysicalDomain(t, config);
  addExternalEpgContracts(t, config);
  addControllerUser(t, config);
  return {
    root: t.root,
    annotation: CLUSTER_ANNOTATION,
    controllerUser: config.aci_config.sync_login.username,
    alsoRemoved: t.alsoRemoved,
  };
}

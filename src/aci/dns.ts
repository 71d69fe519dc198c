// The DNs the project names outside a desired tree (relation targets,
// prerequisites, discovery reads), formed through the class table's RN
// formats: one place knows that a tenant is `tn-{name}` under `uni`.
import { childDn, formatRn } from './dn.js';

type Step = readonly [className: string, naming?: Readonly<Record<string, string>>];

/** A DN from its path of classes and naming values, root first. */
export function dnOf(...path: Step[]): string {
  return path.reduce((dn, [cls, naming]) => childDn(dn, formatRn(cls, naming ?? {})), '');
}

const UNI: Step = ['polUni'];
const INFRA: Step = ['infraInfra'];

export const tenantDn = (name: string): string => dnOf(UNI, ['fvTenant', { name }]);
export const vrfDn = (tenant: string, name: string): string => dnOf(UNI, ['fvTenant', { name: tenant }], ['fvCtx', { name }]);
export const l3outDn = (tenant: string, name: string): string => dnOf(UNI, ['fvTenant', { name: tenant }], ['l3extOut', { name }]);
export const extEpgDn = (tenant: string, l3out: string, name: string): string =>
  dnOf(UNI, ['fvTenant', { name: tenant }], ['l3extOut', { name: l3out }], ['l3extInstP', { name }]);
export const epgDn = (tenant: string, ap: string, name: string): string =>
  dnOf(UNI, ['fvTenant', { name: tenant }], ['fvAp', { name: ap }], ['fvAEPg', { name }]);
export const aepDn = (name: string): string => dnOf(UNI, INFRA, ['infraAttEntityP', { name }]);
export const vlanPoolDn = (name: string, allocMode: 'static' | 'dynamic'): string =>
  dnOf(UNI, INFRA, ['fvnsVlanInstP', { name, allocMode }]);
export const mcastPoolDn = (name: string): string => dnOf(UNI, INFRA, ['fvnsMcastAddrInstP', { name }]);
export const physDomainDn = (name: string): string => dnOf(UNI, ['physDomP', { name }]);
export const vmmDomainDn = (vendor: string, name: string): string => dnOf(UNI, ['vmmProvP', { vendor }], ['vmmDomP', { name }]);
export const enhancedLagPolicyDn = (vmwareDomain: string, name: string): string =>
  dnOf(
    UNI,
    ['vmmProvP', { vendor: 'VMware' }],
    ['vmmDomP', { name: vmwareDomain }],
    ['vmmVSwitchPolicyCont'],
    ['lacpEnhancedLagPol', { name }],
  );
export const localUserDn = (name: string): string => dnOf(UNI, ['aaaUserEp'], ['aaaUser', { name }]);

// Object names inside the cluster's tenant. Clusters made with the legacy
// convention use `kube-` names; newer ones prefix with `aci-containers-` and
// the system id, so several clusters can share one tenant.
import type { Config } from '../../config/types.js';

export const ACI_PREFIX = 'aci-containers-';

export interface TenantNames {
  tenant: string;
  appProfile: string;
  epgPrefix: string;
  bdPrefix: string;
  contractPrefix: string;
  apiContractPrefix: string;
  filterPrefix: string;
  apiFilterPrefix: string;
  /** Prefix of the kube-api filter entries. */
  entryPrefix: string;
  subjPrefix: string;
  ndPolicyPrefix: string;
  nodeBd: string;
  podBd: string;
  nodesEpg: string;
}

export function tenantNames(config: Config): TenantNames {
  const a = config.aci_config;
  const legacy = a.use_legacy_kube_naming_convention;
  const cluster = `${ACI_PREFIX}${a.system_id}-`;
  const kube = 'kube-';
  const n = legacy
    ? {
        epgPrefix: kube,
        bdPrefix: kube,
        contractPrefix: '',
        apiContractPrefix: kube,
        filterPrefix: '',
        apiFilterPrefix: kube,
        entryPrefix: kube,
        subjPrefix: kube,
        ndPolicyPrefix: kube,
      }
    : {
        epgPrefix: ACI_PREFIX,
        bdPrefix: cluster,
        contractPrefix: cluster,
        apiContractPrefix: cluster,
        filterPrefix: cluster,
        apiFilterPrefix: cluster,
        entryPrefix: ACI_PREFIX,
        subjPrefix: ACI_PREFIX,
        ndPolicyPrefix: cluster,
      };
  return {
    tenant: a.cluster_tenant,
    appProfile: a.app_profile,
    ...n,
    nodeBd: `${n.bdPrefix}node-bd`,
    podBd: `${n.bdPrefix}pod-bd`,
    nodesEpg: `${n.epgPrefix}nodes`,
  };
}

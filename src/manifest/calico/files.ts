// The Calico flavor's outputs: no ACI CNI manifest and no operator resource;
// its tarball holds the Tigera operator, Calico's resources (with the
// acc-provision input the ACI operator reads) and calicoctl's BGP resources.
import type { Config } from '../../config/types.js';
import { Ctx } from '../context.js';
import type { ManifestFiles } from '../index.js';
import { buildAccProvisionConfig } from '../operator-config.js';
import { renderDocs } from '../render.js';
import { tigeraOperatorManifest } from '../tigera-operator.js';
import { buildCalicoBgp, buildCalicoResources } from './resources.js';

/** Calico takes one subnet of each kind (validation rejects more): its files name it alone. */
function singleSubnets(config: Config): Config {
  const net = { ...config.net_config } as Record<string, unknown>;
  for (const k of ['node_subnet', 'pod_subnet', 'extern_dynamic']) if (Array.isArray(net[k])) net[k] = (net[k] as unknown[])[0];
  return { ...config, net_config: net } as unknown as Config;
}

export function renderCalicoFiles(config: Config): ManifestFiles {
  const ctx = new Ctx(singleSubnets(config));
  return {
    kube: '',
    operatorCr: '',
    absent: ['kube', 'operatorCr'],
    tarFiles: [
      { name: 'tigera_operator.yaml', content: tigeraOperatorManifest() },
      { name: 'custom_resources_aci_calico.yaml', content: renderDocs([...buildCalicoResources(ctx), ...buildAccProvisionConfig(ctx)]) },
      { name: 'custom_resources_calicoctl.yaml', content: renderDocs(buildCalicoBgp(ctx)) },
    ],
  };
}

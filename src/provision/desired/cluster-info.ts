// What the APIC shows about the cluster in its VMM inventory (APIC 5.0 and
// later): the tenant, the provider, the provisioning input and the
// controller's certificate. Not annotated: the controller owns it afterwards.
import { pyyamlRoundTrip } from './pyyaml-dump.js';
import type { Config } from '../../config/types.js';
import { mo, POST_NODE_SELF, TreeBuilder } from './tree.js';
import { atLeast } from './version.js';

export function addClusterInfo(t: TreeBuilder, config: Config): void {
  const a = config.aci_config;
  if (!atLeast(a.apic_version, '5.0')) return;
  const vmm = a.vmm_domain;
  const comp = t.context('', 'compUni');
  const prov = t.context(comp, 'compProv', { name: vmm.type });
  const ctrlr = t.context(prov, 'compCtrlr', { domName: vmm.domain, name: vmm.domain });
  const injcont = t.context(ctrlr, 'vmmInjectedCont');
  t.add(
    injcont,
    mo(
      'vmmInjectedClusterInfo',
      {
        name: vmm.domain,
        accountName: a.cluster_tenant,
        type: vmm.injected_cluster_type,
        provider: vmm.injected_cluster_provider,
      },
      [
        mo(
          'vmmInjectedClusterDetails',
          {
            accProvisionInput: provisioningInput(config.user_input),
            userKey: a.sync_login.key_data ?? '',
            userCert: a.sync_login.cert_data ?? '',
          },
          [],
          { annotate: false },
        ),
      ],
      { annotate: false, owner: 'cluster', post: POST_NODE_SELF },
    ),
  );
}

/** The user's input re-serialized (comments dropped), block style, keys in file order. */
export function provisioningInput(userInput: string): string {
  return pyyamlRoundTrip(userInput);
}

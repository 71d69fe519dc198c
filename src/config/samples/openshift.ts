// The OpenShift flavors' samples: the shared one made valid for the flavor
// (an ESX install names its installer's load balancer address, an agent-based
// one says it is agent-based).
import { getFlavor } from '../flavors.js';
import { CHAINED_SAMPLE, VMM_LITE_SAMPLE } from './cno.js';

const LB_IP = '    # installer_provisioned_lb_ip: 192.168.18.201';

export function openshiftSample(flavor: string, shared: string): string | undefined {
  if (!flavor.startsWith('openshift-')) return undefined;
  if (flavor === 'openshift-sdn-ovn-baremetal') return CHAINED_SAMPLE;
  if (flavor === 'openshift-vmm-lite-baremetal') return VMM_LITE_SAMPLE;
  if (flavor.includes('-agent-based-')) {
    return `${shared}
# Installed with the agent-based installer (no installer-provisioned load balancer).
agent_based_installer:
  enable: true
`;
  }
  const settings = getFlavor(flavor)?.config as
    { aci_config?: { vmm_domain?: { nested_inside?: { duplicate_file_router_default_svc?: boolean } } } } | undefined;
  if (settings?.aci_config?.vmm_domain?.nested_inside?.duplicate_file_router_default_svc) {
    // A key of nested_inside (the commented lines above it sit at its own indentation).
    return shared.replace(LB_IP, `      ${LB_IP.trim().slice(2)}`);
  }
  return shared;
}

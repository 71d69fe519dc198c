// With Cilium chaining, the CNI chain Cilium runs: the ACI CNI's agent, then
// portmap, then Cilium.
import { configMap } from './config-map.js';
import type { KubeObject } from './object.js';

export function buildCiliumCniConfig(): KubeObject {
  const chain = {
    name: 'generic-veth',
    cniVersion: '0.3.1',
    plugins: [
      {
        cniVersion: '0.3.1',
        supportedVersions: ['0.3.0', '0.3.1', '0.4.0'],
        type: 'opflex-agent-cni',
        'wait-for-network': true,
        'wait-for-network-duration': 210,
        ipam: { type: 'opflex-agent-cni-ipam' },
      },
      { type: 'portmap', snat: true, capabilities: { portMappings: true } },
      { type: 'cilium-cni' },
    ],
  };
  return configMap({ name: 'cni-configuration', namespace: 'kube-system' }, { 'cni-config': JSON.stringify(chain, null, 2) });
}

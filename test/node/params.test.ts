// Node networking values out of a Config: VLANs, node subnets, uplink MTU.
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';
import { nodeNetworkParams, uplinkMtu } from '../../src/node/params.js';

function configWith(net: Record<string, unknown>): Config {
  return {
    net_config: {
      infra_vlan: 4093,
      kubeapi_vlan: 4001,
      node_subnet: ['10.1.0.1/16'],
      interface_mtu: null,
      interface_mtu_headroom: null,
      ...net,
    },
  } as unknown as Config;
}

describe('node network parameters', () => {
  it('takes VLANs and the node subnet with its gateway', () => {
    const p = nodeNetworkParams(configWith({}));
    expect(p).toEqual({
      infraVlan: 4093,
      kubeapiVlan: 4001,
      mtu: 1600,
      nodeSubnets: [{ family: 4, gateway: '10.1.0.1', prefix: 16, network: '10.1.0.0/16' }],
      clusterSubnets: [{ field: 'net_config.node_subnet', subnet: { family: 4, gateway: '10.1.0.1', prefix: 16, network: '10.1.0.0/16' } }],
    });
    const all = nodeNetworkParams(
      configWith({ pod_subnet: ['10.2.0.1/16'], node_svc_subnet: '10.5.0.1/24', extern_static: ['10.4.0.1/24'] }),
    ).clusterSubnets;
    expect(all.map((s) => `${s.field} ${s.subnet.network}`)).toEqual([
      'net_config.node_subnet 10.1.0.0/16',
      'net_config.pod_subnet 10.2.0.0/16',
      'net_config.node_svc_subnet 10.5.0.0/24',
      'net_config.extern_static 10.4.0.0/24',
    ]);
  });

  it('accepts node_subnet as a string or a dual-stack list', () => {
    expect(nodeNetworkParams(configWith({ node_subnet: '10.1.0.1/16' })).nodeSubnets).toHaveLength(1);
    const dual = nodeNetworkParams(configWith({ node_subnet: ['10.1.0.1/16', '2:2:1:1::1/64'] })).nodeSubnets;
    expect(dual[1]).toEqual({ family: 6, gateway: '2:2:1:1::1', prefix: 64, network: '2:2:1:1::/64' });
  });

  it('uplink MTU: the pod MTU plus VXLAN headroom, never below 1600', () => {
    expect(uplinkMtu(null, null)).toBe(1600);
    expect(uplinkMtu(1400, null)).toBe(1600);
    expect(uplinkMtu(8900, null)).toBe(9000);
    expect(uplinkMtu(8800, 150)).toBe(8950);
    expect(nodeNetworkParams(configWith({ interface_mtu: 8900 })).mtu).toBe(9000);
    expect(nodeNetworkParams(configWith({}), { mtu: 9000 }).mtu).toBe(9000);
  });

  it("one MTU rule with the main command: --mtu below the pods' MTU plus VXLAN headroom is refused", () => {
    expect(() => nodeNetworkParams(configWith({ interface_mtu: 8900 }), { mtu: 8950 })).toThrow(
      /--mtu = 8950: is below the pods' MTU \(8900\) plus the VXLAN headroom \(100\): at least 9000/,
    );
    expect(() => nodeNetworkParams(configWith({ interface_mtu: 1500, interface_mtu_headroom: 200 }), { mtu: 1650 })).toThrow(
      /at least 1700/,
    );
    expect(nodeNetworkParams(configWith({ interface_mtu: 8900 }), { mtu: 9000 }).mtu).toBe(9000);
    // The same rule and words as the main command's warning (src/config/mtu.ts).
    expect(() => nodeNetworkParams(configWith({ interface_mtu: 8900, interface_mtu_headroom: 400 }))).toThrow(
      /interface_mtu \(8900\) plus interface_mtu_headroom \(400\) is 9300, above the 9216 an ACI port carries/,
    );
  });

  it('reports missing VLANs, equal VLANs, bad subnets and a bad --mtu together', () => {
    try {
      nodeNetworkParams(configWith({ infra_vlan: null, node_subnet: ['10.1.0.1'] }), { mtu: 1500 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems.map((p) => p.field)).toEqual(['net_config.infra_vlan', 'net_config.node_subnet[0]', '--mtu']);
    }
    expect(() => nodeNetworkParams(configWith({ kubeapi_vlan: 4093 }))).toThrow(/must differ from net_config.infra_vlan/);
  });
});

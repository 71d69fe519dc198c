// Calico's fabric reads: the route reflector AS checked against the file, and
// the leaves the cluster L3Out and the user's L3Out already hold.
import { describe, expect, it } from 'vitest';
import { checkCalicoAsn, readCalicoFabricFacts, readFabricAsn } from '../../src/apic/bgp.js';
import type { ApicReader } from '../../src/apic/discovery.js';
import { withQuery, type Query } from '../../src/apic/path.js';
import type { ManagedObject } from '../../src/aci/types.js';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import { CLUSTER_ANNOTATION } from '../../src/provision/desired/tree.js';

function reader(answers: Record<string, ManagedObject[]>): ApicReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: async (path: string, query?: Query) => {
      const full = withQuery(path, query);
      asked.push(full);
      return answers[full] ?? [];
    },
  };
}

const mo = (className: string, attributes: Record<string, string>): ManagedObject => ({ className, attributes, children: [] });
const calico = () => loadConfig(sampleConfig('calico-3.26.3'), 'cfg.yaml', { flavor: 'calico-3.26.3' }).config;

describe('Calico fabric reads', () => {
  it('reads the route reflector AS and checks the file against it', async () => {
    const apic = reader({ '/api/mo/uni/fabric/bgpInstP-default/as.json': [mo('bgpAsP', { asn: '65001' })] });
    expect(await readFabricAsn(apic)).toBe('65001');
    const config = calico();
    const asn = (config.aci_config.cluster_l3out as unknown as { bgp: { peering: { aci_as_number: number } } }).bgp.peering;
    asn.aci_as_number = 65001;
    expect(checkCalicoAsn(config, '65001')).toBeUndefined();
    asn.aci_as_number = 2;
    expect(checkCalicoAsn(config, '65001')).toEqual({
      field: 'aci_config.cluster_l3out.bgp.peering.aci_as_number',
      value: 2,
      rule: "must equal the fabric's BGP route reflector AS 65001",
    });
    expect(checkCalicoAsn(config, undefined)?.rule).toMatch(/no BGP route reflector AS/);
    expect(await readFabricAsn(reader({}))).toBeUndefined();
  });

  it("reads the leaves someone else attached and the router IDs of the user L3Out; the cluster's own attachments are not among them", async () => {
    const config = calico();
    const l3 = config.aci_config.cluster_l3out as unknown as { name: string; svi: { node_profile_name: string } };
    const cluster = `uni/tn-${config.aci_config.vrf.tenant}/out-${l3.name}/lnodep-${l3.svi.node_profile_name}`;
    const user = `uni/tn-${config.aci_config.vrf.tenant}/out-${config.aci_config.l3out.name}`;
    const q = (cls: string) => `?query-target=children&target-subtree-class=${cls}`;
    const apic = reader({
      [`/api/mo/${cluster}.json${q('l3extRsNodeL3OutAtt')}`]: [
        mo('l3extRsNodeL3OutAtt', { tDn: 'topology/pod-1/node-101', rtrId: '1.1.4.101' }),
        // Made by an earlier -a: the tree of every run keeps it, so it is not "already there".
        mo('l3extRsNodeL3OutAtt', { tDn: 'topology/pod-1/node-103', rtrId: '1.1.4.103', annotation: CLUSTER_ANNOTATION }),
      ],
      [`/api/mo/${user}.json${q('l3extLNodeP')}`]: [mo('l3extLNodeP', { name: 'border' })],
      [`/api/mo/${user}/lnodep-border.json${q('l3extRsNodeL3OutAtt')}`]: [
        mo('l3extRsNodeL3OutAtt', { tDn: 'topology/pod-1/node-102', rtrId: '9.9.9.9' }),
      ],
    });
    expect(await readCalicoFabricFacts(apic, config)).toEqual({
      configuredNodes: ['topology/pod-1/node-101'],
      routerIds: [['topology/pod-1/node-102', '9.9.9.9']],
    });
  });
});

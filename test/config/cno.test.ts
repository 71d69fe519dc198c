// Chained CNI and VMM lite: what their configurations need and what is
// derived from them, as the Python tool (checked against it run locally).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fabricVlanPool, nadVlanMapping } from '../../src/config/cno.js';
import { CNO_BASE as BASE, load, problemsOf } from './helpers.js';

const CHAINED_FLAVOR = 'openshift-sdn-ovn-baremetal';
const VMM_LITE_FLAVOR = 'openshift-vmm-lite-baremetal';

const CHAINED = `${BASE}chained_cni_config:
  secondary_interface_chaining: true
  secondary_vlans: [4002, "4003, 4009", 4004-4007]
`;
const VMM_LITE = `${BASE}vmm_lite_config:
  aaep_monitoring_enabled: true
  bridge_name: bridge1
  apic_username: mykube
`;

const drop = (text: string, key: string) =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith(`${key}:`))
    .join('\n');
const fields = (text: string, flavor: string) => problemsOf(text, { flavor }).map((p) => p.field);

describe('chained CNI configuration', () => {
  it('needs neither pod subnets nor service VLANs, but the secondary AEP and the secondary VLANs', () => {
    expect(fields(CHAINED, CHAINED_FLAVOR)).toEqual([]);
    expect(fields(drop(CHAINED, 'secondary_aep'), CHAINED_FLAVOR)).toEqual(['aci_config.secondary_aep']);
    expect(fields(drop(CHAINED, 'secondary_vlans'), CHAINED_FLAVOR)).toEqual(['chained_cni_config.secondary_vlans']);
    expect(fields(drop(CHAINED, 'node_subnet'), CHAINED_FLAVOR)).toEqual(['net_config.node_subnet']);
    expect(fields(drop(CHAINED, 'aep'), CHAINED_FLAVOR)).toEqual(['aci_config.aep']);
    expect(fields(drop(CHAINED, 'system_id'), CHAINED_FLAVOR)).toEqual(['aci_config.system_id']);
  });

  it('without node network provisioning needs no AEP, VRF or node subnet', () => {
    const skip = `${drop(drop(drop(CHAINED, 'aep'), 'vrf'), 'node_subnet')}  skip_node_network_provisioning: true\n`;
    expect(fields(skip, CHAINED_FLAVOR)).toEqual([]);
  });

  it('derives the netop- names, the OVN primary CNI path and the fabric VLAN pool', () => {
    const { config } = load(
      CHAINED.replace('secondary_interface_chaining: true', 'secondary_interface_chaining: true\n  primary_cni_path: /x'),
      {
        flavor: CHAINED_FLAVOR,
      },
    );
    expect(config.aci_config.app_profile).toBe('netop-kube');
    expect(config.aci_config.physical_domain.domain).toBe('kube-physdom');
    expect(config.aci_config.node_bd_dn).toBe('uni/tn-kube/BD-netop-nodes');
    expect(config.kube_config.default_endpoint_group).toEqual({ tenant: 'kube', app_profile: 'netop-kube', group: 'netop-default' });
    // This flavor's primary CNI is OVN-Kubernetes, whatever the file says.
    expect(config.chained_cni_config.primary_cni_path).toBe('/mnt/cni-conf/cni/net.d/10-ovn-kubernetes.conf');
    expect(config.chained_cni_config.secondary_vlans).toEqual(['4002', '4003, 4009', '4004-4007']);
    expect(config.multus.disable).toBe(false);
  });

  it('reads the NAD VLAN map relative to the working directory; a missing one is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cno-'));
    writeFileSync(join(dir, 'map.csv'), 'Network,VLAN ID,Namespace,NAD Prefix\nnet-a,3023.0,ns1,nad\nnet-b,3024.0,,\n');
    const withMap = CHAINED.replace('secondary_vlans:', 'vlans_file: map.csv\n  secondary_vlans:');
    const { config } = load(withMap, { flavor: CHAINED_FLAVOR, baseDir: dir });
    expect(config.chained_cni_config.nad_vlan_mapping).toEqual({
      'ns1/nad': [
        { label: 'net-a', vlans: '3023' },
        { label: 'net-b', vlans: '3024' },
      ],
    });
    expect(config.chained_cni_config.secondary_vlans).toEqual(['3023-3024', '4002', '4003, 4009', '4004-4007']);
    expect(problemsOf(withMap.replace('map.csv', 'none.csv'), { flavor: CHAINED_FLAVOR, baseDir: dir })).toContainEqual(
      expect.objectContaining({ field: 'chained_cni_config.vlans_file', value: 'none.csv', rule: expect.stringMatching(/cannot be read/) }),
    );
    writeFileSync(join(dir, 'empty.csv'), 'Network,VLAN ID,Namespace,NAD Prefix\n');
    expect(fields(withMap.replace('map.csv', 'empty.csv'), CHAINED_FLAVOR).length).toBeGreaterThan(0);
    expect(problemsOf(withMap.replace('map.csv', 'empty.csv'), { flavor: CHAINED_FLAVOR, baseDir: dir })[0]).toMatchObject({
      field: 'chained_cni_config.vlans_file',
      rule: expect.stringMatching(/no VLAN ID/),
    });
  });

  it('builds the fabric VLAN pool: configured blocks, then VLANs of the old and new maps not in them, sorted as text', () => {
    const map = (...vlans: number[]) => `Network,VLAN ID,Namespace,NAD Prefix\n${vlans.map((v) => `n${v},${v}.0,ns,p`).join('\n')}\n`;
    // 4005 lies in a configured range, 4009 in a configured list: not repeated.
    expect(fabricVlanPool([4002, '4003, 4009', '4004-4007'], map(4005, 4009, 100, 101, 103), map(50))).toEqual([
      '100-101',
      '103',
      '4002',
      '4003, 4009',
      '4004-4007',
      '50',
    ]);
  });

  it('groups NAD VLAN map rows under their namespace and NAD prefix, merging a repeated label', () => {
    const csv = 'Network,VLAN ID,Namespace,NAD Prefix\na,10.0,ns,p\n,11.0,,\na,12.0,,\nb,13.0,ns2,q\n';
    // A row without network or namespace continues the one above.
    expect(nadVlanMapping(csv)).toEqual({ 'ns/p': [{ label: 'a', vlans: '10,11,12' }], 'ns2/q': [{ label: 'b', vlans: '13' }] });
  });

  it('is refused with the flavors not made for it', () => {
    expect(problemsOf(CHAINED, { flavor: 'openshift-4.20-baremetal' })).toContainEqual(
      expect.objectContaining({ field: 'chained_cni_config.secondary_interface_chaining', rule: expect.stringMatching(/not supported/) }),
    );
  });
});

describe('VMM lite configuration', () => {
  it('needs the bridge and the APIC user; takes any system id, or none', () => {
    expect(fields(VMM_LITE, VMM_LITE_FLAVOR)).toEqual([]);
    expect(fields(drop(VMM_LITE, 'bridge_name'), VMM_LITE_FLAVOR)).toEqual(['vmm_lite_config.bridge_name']);
    expect(fields(drop(VMM_LITE, 'apic_username'), VMM_LITE_FLAVOR)).toEqual(['vmm_lite_config.apic_username']);
    expect(fields(VMM_LITE.replace('system_id: kube', 'system_id: Kube_1'), VMM_LITE_FLAVOR)).toEqual([]);
    const minimal =
      'aci_config:\n  apic_hosts: [10.30.120.100]\nvmm_lite_config:\n  aaep_monitoring_enabled: true\n  bridge_name: b1\n  apic_username: mykube\n';
    const { config } = load(minimal, { flavor: VMM_LITE_FLAVOR });
    // Without a system id the names read "None", as the Python tool writes them.
    expect(config.aci_config.node_bd_dn).toBe('uni/tn-None/BD-netop-nodes');
    expect(config.aci_config.sync_login).toMatchObject({ username: 'mykube', certfile: 'user-mykube.crt', keyfile: 'user-mykube.key' });
  });

  it("wants the VRF's tenant when the L3Out contract is to be made (the Python tool would name a tenant None)", () => {
    expect(fields(drop(VMM_LITE, 'vrf'), VMM_LITE_FLAVOR)).toEqual(['aci_config.vrf.tenant']);
    expect(fields(drop(drop(VMM_LITE, 'vrf'), 'l3out'), VMM_LITE_FLAVOR)).toEqual([]);
  });

  it('checks the bridge NAD configuration file as the Python tool does, naming the field and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cno-nad-'));
    const problem = (name: string, body: string) => {
      writeFileSync(join(dir, name), body);
      const text = VMM_LITE.replace('apic_username: mykube', `apic_username: mykube\n  bridge_nad_config_file: ${name}`);
      const ps = problemsOf(text, { flavor: VMM_LITE_FLAVOR, baseDir: dir });
      return ps.length === 0 ? undefined : ps[0];
    };
    const good = 'isGateway: true\nipMasq: true\nmtu: 9000\nipam:\n  type: whereabouts\n  range: 192.168.10.0/24\n';
    expect(problem('good.yaml', good)).toBeUndefined();
    const cases: [string, string, RegExp][] = [
      ['gw.yaml', 'isDefaultGateway: true\nipam:\n  type: host-local\n  subnet: 10.1.1.0/24\n', /isDefaultGateway: needs isGateway/],
      ['key.yaml', 'isGateway: true\nbogus: 1\n', /unknown keys bogus/],
      ['host.yaml', 'isGateway: true\nipam:\n  type: host-local\n  subnet: 10.1.1.1/24\n', /host bits/],
      ['mtu.yaml', 'mtu: 100\n', /mtu = 100: must be from 576 to 9216/],
      ['noipam.yaml', 'ipMasq: true\n', /ipam: required/],
      ['type.yaml', 'hairpinMode: "yes"\n', /hairpinMode = "yes": must be a boolean/],
      ['bad.txt', 'isGateway: true\n', /must be a \.yaml or \.yml file/],
    ];
    for (const [name, body, rule] of cases) {
      expect(problem(name, body), name).toMatchObject({
        field: 'vmm_lite_config.bridge_nad_config_file',
        value: name,
        rule: expect.stringMatching(rule),
      });
    }
  });

  it('is refused with the chained-only flavor', () => {
    expect(problemsOf(VMM_LITE, { flavor: CHAINED_FLAVOR })).toContainEqual(
      expect.objectContaining({
        field: 'vmm_lite_config.aaep_monitoring_enabled',
        rule: expect.stringMatching(/not supported with flavor/),
      }),
    );
  });
});

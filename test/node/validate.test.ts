// Inventory rules: every problem is reported, naming the node and the field.
import { describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/errors.js';
import { parseInventory } from '../../src/node/inventory.js';
import { validateInventory } from '../../src/node/validate.js';
import { INVENTORY, nodesOf, params } from './helpers.js';

function problemsOf(text: string, file = 'nodes.yaml'): Problem[] {
  try {
    validateInventory(parseInventory(text, file), params);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

const ok = (over: string) => `nodes:
  - name: a
    uplink: ens192
    infra_mac: 00:50:56:00:00:01
    node_ip: 10.1.0.11
${over}`;

describe('inventory validation', () => {
  it('accepts the sample inventory and normalises MACs', () => {
    const nodes = nodesOf(INVENTORY);
    expect(nodes.map((n) => n.name)).toEqual(['master-1', 'worker-1', 'worker-2']);
    expect(nodes[1].infraMac).toBe('00:50:56:8a:10:02');
    expect(nodes[2].infraMac).toBe('00:50:56:8a:10:03');
    expect(nodes[1].uplink).toBe('bond0');
    expect(nodes[0].addresses).toEqual([{ family: 4, address: '10.1.0.101', prefix: 16, gateway: '10.1.0.1' }]);
  });

  it('node IP outside node_subnet, equal to the gateway, or duplicated', () => {
    const problems = problemsOf(
      ok(`  - name: b
    uplink: ens192
    infra_mac: 00:50:56:00:00:02
    node_ip: 10.2.0.5
  - name: c
    uplink: ens192
    infra_mac: 00:50:56:00:00:03
    node_ip: 10.1.0.1
  - name: d
    uplink: ens192
    infra_mac: 00:50:56:00:00:04
    node_ip: 10.1.0.11
`),
    );
    expect(problems.map((p) => p.field)).toEqual(['nodes[1].node_ip', 'nodes[2].node_ip', 'nodes[3].node_ip']);
    expect(problems[0].rule).toMatch(/^node "b": must be inside node_subnet \(10\.1\.0\.0\/16\)/);
    expect(problems[0].value).toBe('10.2.0.5');
    expect(problems[0].at).toBe('nodes.yaml:9:14');
    expect(problems[1].rule).toMatch(/node "c": is the node_subnet gateway/);
    expect(problems[2].rule).toMatch(/node "d": is already used by nodes\[0\]/);
  });

  it('network and broadcast addresses are not host addresses', () => {
    const problems = problemsOf(ok('').replace('10.1.0.11', '10.1.255.255'));
    expect(problems[0].rule).toMatch(/network or broadcast/);
  });

  it('names and MACs well formed and unique', () => {
    const problems = problemsOf(
      ok(`  - name: a
    uplink: ens192
    infra_mac: 00:50:56:00:00:01
    node_ip: 10.1.0.12
  - name: Bad_Name
    uplink: ens192
    infra_mac: 01:00:5e:00:00:01
    node_ip: 10.1.0.13
  - name: e
    uplink: ens192
    infra_mac: 00:50:56:00:00
    node_ip: 10.1.0.14
`),
    );
    expect(problems.map((p) => `${p.field} ${p.rule}`)).toEqual([
      'nodes[1].name node "a": is already used by nodes[0]',
      expect.stringMatching(/^nodes\[1\]\.infra_mac node "a": is already used by nodes\[0\]/),
      expect.stringMatching(/^nodes\[2\]\.name must be a lower-case DNS name/),
      expect.stringMatching(/^nodes\[2\]\.infra_mac is a multicast MAC/),
      expect.stringMatching(/^nodes\[3\]\.infra_mac node "e": must be a MAC address/),
    ]);
  });

  it('subinterface names within the kernel limit of 15 characters', () => {
    const problems = problemsOf(ok('').replace('uplink: ens192', 'uplink: enp175s0f1np1'));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('nodes[0].uplink');
    expect(problems[0].rule).toMatch(/enp175s0f1np1\.4093 would have 18 characters; Linux allows 15/);
    const bond = problemsOf(ok('').replace('uplink: ens192', 'bond: {name: bond-uplink0, members: [eno1]}'));
    expect(bond[0].field).toBe('nodes[0].bond.name');
  });

  it('uplink or bond, bond fields, unknown keys, mgmt fields', () => {
    const problems = problemsOf(`nodes:
  - name: a
    infra_mac: 00:50:56:00:00:01
    node_ip: 10.1.0.11
    nodeip: 10.1.0.11
  - name: b
    bond: {name: bond0, members: [eno1, eno1], mode: lacp}
    infra_mac: 00:50:56:00:00:02
    node_ip: 10.1.0.12
  - name: c
    uplink: ens192
    infra_mac: 00:50:56:00:00:03
    node_ip: 10.1.0.13
    mgmt: {interface: ens192, address: 192.168.1.5/24, gateway: 192.168.2.1, routes: [0.0.0.0/0]}
`);
    const fields = problems.map((p) => p.field);
    expect(fields).toEqual([
      'nodes[0].nodeip',
      'nodes[0].uplink',
      'nodes[1].bond.members[1]',
      'nodes[1].bond.mode',
      'nodes[2].mgmt.gateway',
      'nodes[2].mgmt.routes[0]',
    ]);
    expect(problems[0].rule).toMatch(/unknown key/);
    expect(problems[5].rule).toMatch(/default route goes through the node VLAN/);
  });

  it('management addresses are unique', () => {
    const mgmt = '    mgmt: {interface: ens160, address: 192.168.1.5/24, gateway: 192.168.1.1}\n';
    const problems = problemsOf(
      ok(mgmt) +
        `  - name: b
    uplink: ens192
    infra_mac: 00:50:56:00:00:02
    node_ip: 10.1.0.12
${mgmt}`,
    );
    expect(problems.map((p) => `${p.field} ${p.rule}`)).toEqual(['nodes[1].mgmt.address node "b": is already used by nodes[0]']);
  });

  it("a management address inside a cluster subnet, or management routes to the cluster's subnets, are refused naming node and field", () => {
    const inNode = problemsOf(ok('    mgmt: {interface: ens160, address: 10.1.200.5/24, gateway: 10.1.200.1}\n'));
    expect(inNode.map((p) => `${p.field} ${p.rule}`)).toEqual([
      'nodes[0].mgmt.address node "a": overlaps net_config.node_subnet (10.1.0.0/16): the management interface would take the cluster\'s traffic off the fabric; use a management network outside the cluster\'s subnets',
    ]);
    const routes = problemsOf(
      ok(
        '    mgmt: {interface: ens160, address: 192.168.1.5/24, gateway: 192.168.1.1, routes: [10.2.3.0/24, 10.0.0.0/8, 10.5.0.0/24, 10.3.0.128/25, 10.4.0.0/24, 198.51.100.0/24]}\n',
      ),
    );
    expect(routes.map((p) => `${p.field} ${p.rule.split(':')[0]}`)).toEqual([
      'nodes[0].mgmt.routes[0] node "a"',
      'nodes[0].mgmt.routes[1] node "a"',
      'nodes[0].mgmt.routes[2] node "a"',
      'nodes[0].mgmt.routes[3] node "a"',
      'nodes[0].mgmt.routes[4] node "a"',
    ]);
    expect(routes.map((p) => /overlaps (\S+)/.exec(p.rule)![1])).toEqual([
      'net_config.pod_subnet',
      'net_config.node_subnet',
      'net_config.node_svc_subnet',
      'net_config.extern_dynamic',
      'net_config.extern_static',
    ]);
    expect(routes[0].rule).toContain('that traffic must stay on the fabric, not go out of the management interface');
  });

  it('mgmt interface must not be the ACI uplink', () => {
    const problems = problemsOf(ok('    mgmt: {interface: ens192, address: 192.168.1.5/24, gateway: 192.168.1.1}\n'));
    expect(problems.map((p) => p.field)).toEqual(['nodes[0].mgmt.interface']);
  });

  it('reads CSV with the same columns and points at its lines', () => {
    const csv = `name,uplink,bond.name,bond.members,bond.mode,infra_mac,node_ip,mgmt.interface,mgmt.address,mgmt.gateway,mgmt.routes
m1,ens192,,,,00:50:56:00:00:01,10.1.0.11,ens160,192.168.66.17/24,192.168.66.1,198.51.100.0/24;172.16.0.0/12
w1,,bond0,eno1 eno2,active-backup,00:50:56:00:00:02,10.1.0.12,,,,
`;
    const nodes = validateInventory(parseInventory(csv, 'nodes.csv'), params);
    expect(nodes[0].mgmt).toEqual({
      interface: 'ens160',
      address: '192.168.66.17/24',
      gateway: '192.168.66.1',
      routes: ['198.51.100.0/24', '172.16.0.0/12'],
    });
    expect(nodes[1].bond).toEqual({ name: 'bond0', members: ['eno1', 'eno2'], mode: 'active-backup' });
    const bad = problemsOf(csv.replace('10.1.0.12', '10.9.0.12'), 'nodes.csv');
    expect(bad).toEqual([expect.objectContaining({ field: 'nodes[1].node_ip', at: 'nodes.csv:3', value: '10.9.0.12' })]);
  });

  it('rejects an inventory without a nodes list', () => {
    expect(problemsOf('hosts: []')[0].rule).toMatch(/`nodes:` list/);
  });
});

// node-check against saved command output of a ready and an unprepared node.
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { runNodeChecks, type CheckResult } from '../../src/node/check/checks.js';
import { factsFromDir, factsFromHost, parsePs } from '../../src/node/check/facts.js';
import { checksFailed, formatChecksJson, formatChecksText } from '../../src/node/check/report.js';
import { findTool, params } from './helpers.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const scratch = mkdtempSync(join(tmpdir(), 'acc-nodecheck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const statusById = (rs: CheckResult[]) => Object.fromEntries(rs.map((r) => [r.id, r.status]));

describe('node-check', () => {
  it('a prepared node passes every check', () => {
    const results = runNodeChecks(factsFromDir(join(fixtures, 'ready-node')), params, {
      apiServer: { given: '10.1.0.101', addresses: ['10.1.0.101'] },
    });
    expect(statusById(results)).toEqual({
      'infra-vlan': 'pass',
      'node-vlan': 'pass',
      'uplink-mtu': 'pass',
      'infra-mtu': 'pass',
      'node-mtu': 'pass',
      'infra-dhcp': 'pass',
      'multicast-route': 'pass',
      'node-address': 'pass',
      'default-route': 'pass',
      openvswitch: 'pass',
      'api-server': 'pass',
    });
    expect(checksFailed(results)).toBe(false);
    expect(results.find((r) => r.id === 'infra-dhcp')!.detail).toBe('ens192.4093 has 10.0.0.30/16 from DHCP');
  });

  it('a bond node finds its uplink through the VLANs', () => {
    const results = runNodeChecks(factsFromDir(join(fixtures, 'bond-node')), { ...params, mtu: 9000 });
    expect(results.every((r) => r.status === 'pass')).toBe(true);
    expect(results.find((r) => r.id === 'uplink-mtu')!.detail).toContain('bond0 has MTU 9000');
  });

  it('an unprepared node fails each broken step and says what to do', () => {
    const results = runNodeChecks(factsFromDir(join(fixtures, 'unprepared-node')), params, {
      apiServer: { given: '192.168.66.18', addresses: ['192.168.66.18'] },
    });
    expect(statusById(results)).toEqual({
      'infra-vlan': 'pass',
      'node-vlan': 'pass',
      'uplink-mtu': 'fail',
      'infra-mtu': 'fail',
      'node-mtu': 'fail',
      'infra-dhcp': 'fail',
      'multicast-route': 'fail',
      'node-address': 'fail',
      'default-route': 'fail',
      openvswitch: 'fail',
      'api-server': 'fail',
    });
    const by = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(by['uplink-mtu'].detail).toContain('ens192 has MTU 1500');
    expect(by['infra-dhcp'].detail).toContain('set statically');
    expect(by['multicast-route'].fix).toContain('ip route replace 224.0.0.0/4 dev ens192.4093');
    expect(by['default-route'].detail).toBe('the default route is via 192.168.66.1 dev ens160');
    expect(by['openvswitch'].detail).toBe('running: ovsdb-server, ovs-vswitchd');
    expect(by['api-server'].detail).toContain('outside 10.1.0.0/16');
    expect(results.filter((r) => r.status === 'fail').every((r) => r.fix)).toBe(true);
  });

  it('finds the uplink by the VLAN name when ip does not name the lower device', () => {
    const facts = factsFromDir(join(fixtures, 'ready-node'));
    for (const l of facts.links) delete l.link;
    facts.links.find((l) => l.ifname === 'ens192')!.mtu = 1500;
    const uplink = runNodeChecks(facts, params).find((r) => r.id === 'uplink-mtu')!;
    expect(uplink).toMatchObject({ status: 'fail', detail: expect.stringContaining('ens192 has MTU 1500') });
  });

  it('missing subinterfaces fail and the checks that need them are skipped', () => {
    const results = runNodeChecks({ links: [], routes: [], processes: [] }, params);
    expect(statusById(results)).toMatchObject({
      'infra-vlan': 'fail',
      'node-vlan': 'fail',
      'infra-dhcp': 'skip',
      'node-mtu': 'skip',
      'default-route': 'fail',
      openvswitch: 'pass',
    });
  });

  it('text and JSON reports', () => {
    const results = runNodeChecks(factsFromDir(join(fixtures, 'unprepared-node')), params);
    const text = formatChecksText(results, params);
    expect(text).toMatch(/^FAIL {2}uplink MTU +ens192 has MTU 1500/m);
    expect(text).toMatch(/^PASS {2}infra VLAN subinterface +ens192\.4093 is VLAN 4093 on ens192/m);
    expect(text).toMatch(/-> set MTU 1600/);
    expect(text.trimEnd().split('\n').pop()).toBe('8 of 10 checks failed');
    const json = JSON.parse(formatChecksJson(results, params));
    expect(json.ok).toBe(false);
    expect(json.checks).toHaveLength(10);
    expect(json.checks[0]).toEqual({
      id: 'infra-vlan',
      title: 'infra VLAN subinterface',
      status: 'pass',
      detail: 'ens192.4093 is VLAN 4093 on ens192',
    });
  });

  it('reports missing or malformed saved output as input errors', () => {
    for (const f of ['ip-route.json', 'ps.txt']) {
      copyFileSync(join(fixtures, 'ready-node', f), join(scratch, f));
    }
    expect(() => factsFromDir(scratch)).toThrow(/has no readable ip-addr\.json; save it on the node with `ip -j -d addr > ip-addr\.json`/);
    writeFileSync(join(scratch, 'ip-addr.json'), '1: lo: <LOOPBACK,UP> mtu 65536');
    expect(() => factsFromDir(scratch)).toThrow(InputError);
    expect(() => factsFromDir(scratch)).toThrow(/ip-addr\.json: is not JSON/);
  });

  it.skipIf(!findTool('ip'))('runs ip and ps on this host (Debian package iproute2)', async () => {
    const facts = await factsFromHost();
    expect(facts.links.map((l) => l.ifname)).toContain('lo');
    expect(facts.processes.length).toBeGreaterThan(0);
    expect(runNodeChecks(facts, params).map((r) => r.id)).toContain('openvswitch');
  });

  it('reads ps -eo comm output', () => {
    expect(parsePs('COMMAND\nsystemd\n  ovs-vswitchd\n\n')).toEqual(['systemd', 'ovs-vswitchd']);
  });
});

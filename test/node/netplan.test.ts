// The generated netplan files, fed to the real `netplan generate`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFiles, writeNodeFiles } from '../../src/node/files.js';
import { renderNetplan } from '../../src/node/netplan.js';
import type { NodeNetworkParams } from '../../src/node/params.js';
import { DUAL_STACK_INVENTORY, dualStackParams, findTool, INVENTORY, nodesOf, params } from './helpers.js';

const netplan = findTool('netplan');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Runs netplan generate on the node's file; returns networkd's files by name. */
function generate(nodeName: string, text: string, p: NodeNetworkParams): Record<string, string> {
  const node = nodesOf(text, p).find((n) => n.name === nodeName)!;
  const out = mkdtempSync(join(tmpdir(), 'acc-netplan-'));
  roots.push(out);
  writeNodeFiles(out, [{ node, files: nodeFiles(node, p, 'netplan') }]);
  const root = join(out, node.name);
  const res = spawnSync(netplan!, ['generate', '--root-dir', root], { encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  // netplan warns (and still succeeds) on loose permissions or deprecated keys.
  expect(res.stderr).not.toMatch(/warning|error|deprecated/i);
  const dir = join(root, 'run/systemd/network');
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('netplan file', () => {
  it('describes uplink, infra VLAN on DHCP with the multicast route, node VLAN with the default route', () => {
    const node = nodesOf(INVENTORY)[0];
    const file = renderNetplan(node, params);
    expect(file.path).toBe('etc/netplan/01-aci.yaml');
    expect(file.mode).toBe(0o600);
    expect(file.content).toContain('ens192.4093:');
    expect(file.content).toContain('macaddress: "00:50:56:8a:10:01"');
  });
});

describe.skipIf(!netplan)('netplan generate accepts the files (Debian package netplan.io)', () => {
  it('plain uplink with management routes', () => {
    const net = generate('master-1', INVENTORY, params);
    expect(net['10-netplan-ens192.4093.netdev']).toMatch(/Kind=vlan[\s\S]*\[VLAN\]\nId=4093/);
    expect(net['10-netplan-ens192.4093.netdev']).toContain('MTUBytes=1600');
    expect(net['10-netplan-ens192.4093.netdev']).toContain('MACAddress=00:50:56:8a:10:01');
    expect(net['10-netplan-ens192.4093.network']).toContain('DHCP=ipv4');
    expect(net['10-netplan-ens192.4093.network']).toContain('ClientIdentifier=mac');
    expect(net['10-netplan-ens192.4093.network']).toMatch(/\[Route\]\nDestination=224\.0\.0\.0\/4\nScope=link/);
    expect(net['10-netplan-ens192.4001.netdev']).toMatch(/\[VLAN\]\nId=4001/);
    expect(net['10-netplan-ens192.4001.netdev']).toContain('MTUBytes=1600');
    expect(net['10-netplan-ens192.4001.network']).toContain('Address=10.1.0.101/16');
    expect(net['10-netplan-ens192.4001.network']).toMatch(/Destination=0\.0\.0\.0\/0\nGateway=10\.1\.0\.1/);
    expect(net['10-netplan-ens192.network']).toContain('MTUBytes=1600');
    expect(net['10-netplan-ens192.network']).toMatch(/VLAN=ens192\.4093[\s\S]*VLAN=ens192\.4001|VLAN=ens192\.4001[\s\S]*VLAN=ens192\.4093/);
    const mgmt = net['10-netplan-ens160.network'];
    expect(mgmt).toContain('Address=192.168.66.17/24');
    expect(mgmt).toMatch(/Destination=198\.51\.100\.0\/24\nGateway=192\.168\.66\.1/);
    expect(mgmt).toMatch(/Destination=172\.16\.0\.0\/12\nGateway=192\.168\.66\.1/);
    expect(mgmt).not.toContain('0.0.0.0/0');
  });

  it('bond with its members', () => {
    const net = generate('worker-1', INVENTORY, params);
    expect(net['10-netplan-bond0.netdev']).toMatch(/Kind=bond[\s\S]*Mode=802\.3ad/);
    expect(net['10-netplan-bond0.netdev']).toContain('MTUBytes=1600');
    expect(net['10-netplan-eno1.network']).toContain('Bond=bond0');
    expect(net['10-netplan-eno2.network']).toContain('Bond=bond0');
    expect(net['10-netplan-bond0.4093.netdev']).toMatch(/Id=4093/);
    expect(net['10-netplan-bond0.4001.network']).toContain('Address=10.1.0.102/16');
  });

  it('dual stack with a large MTU', () => {
    const net = generate('ds-1', DUAL_STACK_INVENTORY, dualStackParams);
    const nodeVlan = net['10-netplan-ens192.4001.network'];
    expect(nodeVlan).toContain('MTUBytes=9000');
    expect(nodeVlan).toContain('Address=10.1.0.201/16');
    expect(nodeVlan).toContain('Address=2:2:1:1::c9/64');
    expect(nodeVlan).toMatch(/Gateway=2:2:1:1::1/);
    expect(net['10-netplan-ens192.4093.netdev']).toContain('MTUBytes=9000');
    expect(net['10-netplan-ens160.network']).toMatch(/Destination=fd00:10::\/48\nGateway=fd00:66::1/);
  });
});

if (!netplan) console.warn('netplan not installed: install the Debian package netplan.io to run the netplan generate tests');

// The generated interfaces.d file, parsed by the real ifquery (ifupdown).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderIfupdown } from '../../src/node/ifupdown.js';
import type { NodeSpec } from '../../src/node/node.js';
import type { NodeNetworkParams } from '../../src/node/params.js';
import { DUAL_STACK_INVENTORY, dualStackParams, findTool, INVENTORY, nodesOf, params } from './helpers.js';

const ifquery = findTool('ifquery');
const dir = mkdtempSync(join(tmpdir(), 'acc-ifupdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function query(node: NodeSpec, p: NodeNetworkParams, args: string[]): string {
  const file = join(dir, `${node.name}.interfaces`);
  writeFileSync(file, renderIfupdown(node, p).content);
  // ifquery keeps its state under /run/network; a private state dir avoids needing it.
  return execFileSync(ifquery!, ['-i', file, '--state-dir', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('ifupdown file', () => {
  it('follows the guide: manual uplink, DHCP infra VLAN with the multicast route, static node VLAN', () => {
    const file = renderIfupdown(nodesOf(INVENTORY)[0], params);
    expect(file.path).toBe('etc/network/interfaces.d/aci');
    expect(file.content).toMatch(/iface ens192\.4093 inet manual\n(\s+.*\n)*\s+up ip route replace 224\.0\.0\.0\/4 dev ens192\.4093/);
    // dhclient runs with the VLAN's own file, the one that sends 01:<MAC>.
    expect(file.content).toContain(
      '    up dhclient -4 -cf /etc/dhcp/dhclient-ens192.4093.conf -pf /run/dhclient.ens192.4093.pid -lf /var/lib/dhcp/dhclient.ens192.4093.leases ens192.4093\n',
    );
    expect(file.content).toContain(
      '    down dhclient -4 -cf /etc/dhcp/dhclient-ens192.4093.conf -pf /run/dhclient.ens192.4093.pid -lf /var/lib/dhcp/dhclient.ens192.4093.leases -r ens192.4093\n',
    );
    expect(file.content).toMatch(/iface ens192\.4001 inet static\n(\s+.*\n)*\s+gateway 10\.1\.0\.1/);
    expect(file.content).not.toMatch(/iface ens160[^#]*gateway/);
  });
});

describe.skipIf(!ifquery)('ifquery parses the files (Debian package ifupdown)', () => {
  it.each(nodesOf(INVENTORY).map((n) => [n.name, n] as const))('%s: lists the uplink and both subinterfaces', (_name, node) => {
    const listed = query(node, params, ['--list', '-a']).split('\n').filter(Boolean);
    expect(listed).toContain(`${node.uplink}.4093`);
    expect(listed).toContain(`${node.uplink}.4001`);
    expect(listed).toContain(node.uplink);
    if (node.mgmt) expect(listed).toContain(node.mgmt.interface);
  });

  it('reads the options back: MTU, raw device, address, gateway, bond settings', () => {
    const [master, worker] = nodesOf(INVENTORY);
    const infra = query(master, params, ['ens192.4093']);
    expect(infra).toContain('mtu: 1600');
    expect(infra).toContain('vlan-raw-device: ens192');
    expect(infra).toContain('up: ip route replace 224.0.0.0/4 dev ens192.4093');
    expect(infra).toContain('hwaddress: 00:50:56:8a:10:01');
    expect(infra).toMatch(/up: dhclient -4 -cf \/etc\/dhcp\/dhclient-ens192\.4093\.conf .* ens192\.4093/);
    const nodeVlan = query(master, params, ['ens192.4001']);
    expect(nodeVlan).toContain('address: 10.1.0.101');
    expect(nodeVlan).toContain('netmask: 255.255.0.0');
    expect(nodeVlan).toContain('gateway: 10.1.0.1');
    expect(query(master, params, ['ens160'])).toContain('up: ip route replace 198.51.100.0/24 via 192.168.66.1 dev ens160');
    const bond = query(worker, params, ['bond0']);
    expect(bond).toContain('bond-slaves: eno1 eno2');
    expect(bond).toContain('bond-mode: 802.3ad');
  });

  it('dual stack: the node VLAN has an inet and an inet6 stanza', () => {
    const node = nodesOf(DUAL_STACK_INVENTORY, dualStackParams)[0];
    const listed = query(node, dualStackParams, ['--list', '-a']);
    expect(listed).toContain('ens192.4001');
    const out = query(node, dualStackParams, ['ens192.4001']);
    expect(out).toContain('address: 10.1.0.201');
    expect(out).toContain('address: 2:2:1:1::c9');
    expect(out).toContain('mtu: 9000');
    expect(query(node, dualStackParams, ['ens160'])).toContain('up: ip route replace fd00:10::/48 via fd00:66::1 dev ens160');
  });
});

if (!ifquery) console.warn('ifquery not installed: install the Debian package ifupdown to run the ifquery tests');

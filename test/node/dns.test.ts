// DNS servers and search domains per node, on the node VLAN, in each format,
// read back by the real tools (netplan, ifquery, nmcli) where installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { writeNodeFiles, nodeFiles } from '../../src/node/files.js';
import { renderIfupdown } from '../../src/node/ifupdown.js';
import { parseInventory } from '../../src/node/inventory.js';
import { renderNetworkManager } from '../../src/node/networkmanager.js';
import { validateInventory } from '../../src/node/validate.js';
import { dualStackParams, findTool, nodesOf, params } from './helpers.js';

const netplan = findTool('netplan');
const ifquery = findTool('ifquery');
const nmcli = findTool('nmcli');
const dir = mkdtempSync(join(tmpdir(), 'acc-dns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INVENTORY = `nodes:
  - name: n1
    uplink: ens192
    infra_mac: 00:50:56:8a:30:01
    node_ip: 10.1.0.31
    dns:
      servers: [10.1.0.2, 10.1.0.3]
      search: [cluster.example.com, example.com]
`;
const DUAL = `nodes:
  - name: n6
    uplink: ens192
    infra_mac: 00:50:56:8a:30:06
    node_ip: [10.1.0.36, "2:2:1:1::36"]
    dns: {servers: [10.1.0.2, "2:2:1:1::2"], search: example.com}
`;

describe('DNS per node', () => {
  it('is written on the node VLAN in every format', () => {
    const node = nodesOf(INVENTORY)[0];
    expect(node.dns).toEqual({ servers: ['10.1.0.2', '10.1.0.3'], search: ['cluster.example.com', 'example.com'] });
    const files = Object.fromEntries(nodeFiles(node, params, 'all').map((f) => [f.path, f.content]));
    expect(files['etc/netplan/01-aci.yaml']).toMatch(
      /ens192\.4001:\n(.*\n)*?\s+nameservers:\n\s+addresses:\n\s+- "10\.1\.0\.2"\n\s+- "10\.1\.0\.3"\n\s+search:\n\s+- "cluster\.example\.com"/,
    );
    expect(files['etc/network/interfaces.d/aci']).toMatch(
      /iface ens192\.4001 inet static\n(.*\n)*?\s+dns-nameservers 10\.1\.0\.2 10\.1\.0\.3\n\s+dns-search cluster\.example\.com example\.com/,
    );
    expect(files['etc/NetworkManager/system-connections/aci-ens192.4001.nmconnection']).toMatch(
      /\[ipv4\]\n(.*\n)*?dns=10\.1\.0\.2;10\.1\.0\.3;\ndns-search=cluster\.example\.com;example\.com;/,
    );
    // The infra VLAN gets none: its address and options come from the APIC's DHCP.
    expect(files['etc/NetworkManager/system-connections/aci-ens192.4093.nmconnection']).not.toContain('dns=');
  });

  it("dual stack: each family's servers in its own section, search domains once", () => {
    const node = nodesOf(DUAL, dualStackParams)[0];
    const nm = renderNetworkManager(node, dualStackParams).find((f) => f.path.endsWith('aci-ens192.4001.nmconnection'))!.content;
    expect(nm).toMatch(/\[ipv4\]\n(.*\n)*?dns=10\.1\.0\.2;\ndns-search=example\.com;/);
    expect(nm).toMatch(/\[ipv6\]\n(.*\n)*?dns=2:2:1:1::2;/);
    expect(nm.match(/dns-search/g)).toHaveLength(1);
  });

  it('bad servers and domains are named with node and field', () => {
    const bad = INVENTORY.replace('[10.1.0.2, 10.1.0.3]', '[10.1.0.2, dns1]').replace('[cluster.example.com, example.com]', '[-bad-.com]');
    try {
      validateInventory(parseInventory(bad, 'nodes.yaml'), params);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems.map((p) => `${p.field} ${p.rule}`)).toEqual([
        'nodes[0].dns.servers[1] node "n1": must be the IP address of a name server',
        'nodes[0].dns.search[0] node "n1": must be a domain name, e.g. cluster.example.com',
      ]);
    }
  });

  it('the CSV inventory has dns.servers and dns.search columns', () => {
    const csv =
      'name,uplink,infra_mac,node_ip,dns.servers,dns.search\nn1,ens192,00:50:56:8a:30:01,10.1.0.31,10.1.0.2;10.1.0.3,example.com\n';
    expect(nodesOf(csv, params, 'nodes.csv')[0].dns).toEqual({ servers: ['10.1.0.2', '10.1.0.3'], search: ['example.com'] });
  });

  it.skipIf(!netplan)('netplan generate turns them into DNS= and Domains= (Debian package netplan.io)', () => {
    const node = nodesOf(INVENTORY)[0];
    const out = join(dir, 'netplan');
    writeNodeFiles(out, [{ node, files: nodeFiles(node, params, 'netplan') }]);
    const res = spawnSync(netplan!, ['generate', '--root-dir', join(out, 'n1')], { encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    const netdir = join(out, 'n1', 'run/systemd/network');
    const network = readdirSync(netdir).find((f) => f.endsWith('ens192.4001.network'))!;
    const text = readFileSync(join(netdir, network), 'utf8');
    expect(text).toContain('DNS=10.1.0.2');
    expect(text).toContain('DNS=10.1.0.3');
    expect(text).toContain('Domains=cluster.example.com example.com');
  });

  it.skipIf(!ifquery)('ifquery reads dns-nameservers and dns-search (Debian package ifupdown)', () => {
    const node = nodesOf(INVENTORY)[0];
    const file = join(dir, 'interfaces');
    writeFileSync(file, renderIfupdown(node, params).content);
    const out = execFileSync(ifquery!, ['-i', file, '--state-dir', dir, 'ens192.4001'], { encoding: 'utf8' });
    expect(out).toContain('dns-nameservers: 10.1.0.2 10.1.0.3');
    expect(out).toContain('dns-search: cluster.example.com example.com');
  });

  it.skipIf(!nmcli)('nmcli --offline understands dns and dns-search (Debian package network-manager)', () => {
    const node = nodesOf(DUAL, dualStackParams)[0];
    const profile = renderNetworkManager(node, dualStackParams).find((f) => f.path.endsWith('aci-ens192.4001.nmconnection'))!;
    const res = spawnSync(nmcli!, ['--offline', 'connection', 'modify'], { input: profile.content, encoding: 'utf8' });
    if (res.status !== 0 && /offline/.test(res.stderr)) return; // nmcli older than 1.42: no --offline
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/\[ipv4\]\n(.*\n)*?dns=10\.1\.0\.2;/);
    expect(res.stdout).toMatch(/dns-search=example\.com;/);
    expect(res.stdout).toMatch(/\[ipv6\]\n(.*\n)*?dns=2:2:1:1::2;/);
  });
});

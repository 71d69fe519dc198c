// Files per format, the dhclient file, and writing DIR/<node>/<host path>.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDhclient } from '../../src/node/dhclient.js';
import { formatForStdout, nodeFiles, writeNodeFiles } from '../../src/node/files.js';
import { INVENTORY, nodesOf, params } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'acc-nodefiles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dhclient file', () => {
  it('starts with the client identifier and requests the options of the integration guide', () => {
    const f = renderDhclient(nodesOf(INVENTORY)[1], params);
    expect(f.path).toBe('etc/dhcp/dhclient-bond0.4093.conf');
    const lines = f.content.split('\n');
    expect(lines[0]).toBe('send dhcp-client-identifier 01:00:50:56:8a:10:02;');
    expect(lines).toContain('request subnet-mask, domain-name, domain-name-servers, host-name;');
    expect(lines).toContain('send host-name = gethostname();');
    for (const opt of ['rfc3442-classless-static-routes', 'ms-classless-static-routes', 'static-routes', 'wpad', 'ntp-servers']) {
      expect(lines).toContain(`also request ${opt};`);
    }
    expect(lines).toContain('option rfc3442-classless-static-routes code 121 = array of unsigned integer 8;');
    expect(lines).toContain('option ms-classless-static-routes code 249 = array of unsigned integer 8;');
    expect(lines).toContain('option wpad code 252 = string;');
  });
});

describe('node files', () => {
  it('chooses files by format', () => {
    const node = nodesOf(INVENTORY)[0];
    expect(nodeFiles(node, params, 'netplan').map((f) => f.path)).toEqual(['etc/netplan/01-aci.yaml']);
    expect(nodeFiles(node, params, 'ifupdown').map((f) => f.path)).toEqual([
      'etc/network/interfaces.d/aci',
      'etc/dhcp/dhclient-ens192.4093.conf',
    ]);
    expect(nodeFiles(node, params, 'nm').filter((f) => f.path.endsWith('.nmconnection'))).toHaveLength(4);
    expect(nodeFiles(node, params, 'all').map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'etc/netplan/01-aci.yaml',
        'etc/network/interfaces.d/aci',
        'etc/dhcp/dhclient-ens192.4093.conf',
        'etc/NetworkManager/system-connections/aci-ens192.4093.nmconnection',
      ]),
    );
  });

  it('writes DIR/<node>/<host path> with private modes for netplan and NetworkManager', () => {
    const rendered = nodesOf(INVENTORY).map((node) => ({ node, files: nodeFiles(node, params, 'all') }));
    const written = writeNodeFiles(out, rendered);
    expect(written).toContain(join(out, 'worker-1/etc/network/interfaces.d/aci'));
    expect(readFileSync(join(out, 'worker-2/etc/dhcp/dhclient-eth1.4093.conf'), 'utf8')).toMatch(
      /^send dhcp-client-identifier 01:00:50:56:8a:10:03;/,
    );
    expect(statSync(join(out, 'master-1/etc/netplan/01-aci.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'master-1/etc/NetworkManager/system-connections/aci-ens192.nmconnection')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'master-1/etc/network/interfaces.d/aci')).mode & 0o777).toBe(0o644);
  });

  it('prints one node with a header per file', () => {
    const node = nodesOf(INVENTORY)[2];
    const text = formatForStdout(node, nodeFiles(node, params, 'ifupdown'));
    expect(text).toMatch(/^==> worker-2: \/etc\/network\/interfaces\.d\/aci <==\n# acc-provision/);
    expect(text).toContain('==> worker-2: /etc/dhcp/dhclient-eth1.4093.conf <==\nsend dhcp-client-identifier');
  });
});

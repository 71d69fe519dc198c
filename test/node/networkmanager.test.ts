// NetworkManager keyfiles: parsed back as INI and checked key by key.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { HostFile } from '../../src/node/host-file.js';
import { profileUuid, renderNetworkManager } from '../../src/node/networkmanager.js';
import { DUAL_STACK_INVENTORY, dualStackParams, findTool, INVENTORY, nodesOf, params } from './helpers.js';

/** nmcli reads a keyfile offline (NetworkManager 1.42+), checks it and prints it normalised. */
const nmcli = findTool('nmcli');
const nmcliOffline =
  !!nmcli &&
  spawnSync(nmcli, ['--offline', 'connection', 'modify'], {
    input: '[connection]\nid=probe\ntype=dummy\ninterface-name=probe0\n',
    encoding: 'utf8',
  }).status === 0;

/** Minimal keyfile reader: [section] and key=value, comments skipped. */
function parseKeyfile(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const head = /^\[(.+)\]$/.exec(line);
    if (head) {
      section = head[1]!;
      out[section] = {};
      continue;
    }
    const eq = line.indexOf('=');
    expect(eq, `line "${line}" is key=value`).toBeGreaterThan(0);
    out[section][line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function byName(files: HostFile[]): Record<string, Record<string, Record<string, string>>> {
  return Object.fromEntries(files.map((f) => [f.path.split('/').pop()!, parseKeyfile(f.content)]));
}

describe('NetworkManager keyfiles', () => {
  it('one private profile per interface: uplink, infra VLAN, node VLAN, management', () => {
    const files = renderNetworkManager(nodesOf(INVENTORY)[0], params);
    expect(files.map((f) => f.path)).toEqual([
      'etc/NetworkManager/system-connections/aci-ens192.nmconnection',
      'etc/NetworkManager/system-connections/aci-ens192.4093.nmconnection',
      'etc/NetworkManager/system-connections/aci-ens192.4001.nmconnection',
      'etc/NetworkManager/system-connections/aci-ens160.nmconnection',
    ]);
    expect(files.every((f) => f.mode === 0o600)).toBe(true);
    expect(files.every((f) => /^# .*\n\[connection\]\n/.test(f.content))).toBe(true);
    const p = byName(files);
    expect(p['aci-ens192.nmconnection'].ethernet.mtu).toBe('1600');
    const infra = p['aci-ens192.4093.nmconnection'];
    expect(infra.connection.type).toBe('vlan');
    expect(infra.vlan).toEqual({ id: '4093', parent: 'ens192' });
    expect(infra.ethernet.mtu).toBe('1600');
    expect(infra.ipv4).toMatchObject({
      method: 'auto',
      'dhcp-client-id': '01:00:50:56:8a:10:01',
      route1: '224.0.0.0/4',
      'never-default': 'true',
    });
    const nodeVlan = p['aci-ens192.4001.nmconnection'];
    expect(nodeVlan.vlan.id).toBe('4001');
    expect(nodeVlan.ipv4).toEqual({ method: 'manual', address1: '10.1.0.101/16,10.1.0.1' });
    const mgmt = p['aci-ens160.nmconnection'];
    expect(mgmt.ipv4).toMatchObject({
      address1: '192.168.66.17/24',
      route1: '198.51.100.0/24,192.168.66.1',
      route2: '172.16.0.0/12,192.168.66.1',
      'never-default': 'true',
    });
    expect(mgmt.ipv4.gateway).toBeUndefined();
  });

  it('bond with its ports', () => {
    const p = byName(renderNetworkManager(nodesOf(INVENTORY)[1], params));
    expect(p['aci-bond0.nmconnection'].bond).toEqual({ mode: '802.3ad', miimon: '100' });
    expect(p['aci-eno1.nmconnection'].connection).toMatchObject({ master: 'bond0', 'slave-type': 'bond', type: 'ethernet' });
    expect(p['aci-bond0.4093.nmconnection'].vlan.parent).toBe('bond0');
  });

  it('dual stack node VLAN and stable UUIDs', () => {
    const node = nodesOf(DUAL_STACK_INVENTORY, dualStackParams)[0];
    const p = byName(renderNetworkManager(node, dualStackParams));
    expect(p['aci-ens192.4001.nmconnection'].ipv6).toEqual({ method: 'manual', address1: '2:2:1:1::c9/64,2:2:1:1::1' });
    expect(p['aci-ens192.4001.nmconnection'].ethernet.mtu).toBe('9000');
    expect(p['aci-ens160.nmconnection'].ipv6).toMatchObject({
      method: 'manual',
      address1: 'fd00:66::11/64',
      route1: 'fd00:10::/48,fd00:66::1',
    });
    expect(p['aci-ens160.nmconnection'].ipv4).toEqual({ method: 'disabled' });
    expect(profileUuid('a', 'eth0')).toBe(profileUuid('a', 'eth0'));
    expect(profileUuid('a', 'eth0')).not.toBe(profileUuid('b', 'eth0'));
    expect(profileUuid('a', 'eth0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe.skipIf(!nmcliOffline)('nmcli --offline accepts every profile (Debian package network-manager, 1.42 or later)', () => {
  const cases = [
    ...nodesOf(INVENTORY).flatMap((n) => renderNetworkManager(n, params)),
    ...nodesOf(DUAL_STACK_INVENTORY, dualStackParams).flatMap((n) => renderNetworkManager(n, dualStackParams)),
  ].map((f) => [f.path.split('/').pop()!, f] as const);

  it.each(cases)('%s', (_name, file) => {
    const res = spawnSync(nmcli!, ['--offline', 'connection', 'modify'], { input: file.content, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toBe('');
    // What NetworkManager understood, compared with what was written.
    const written = parseKeyfile(file.content);
    const understood = parseKeyfile(res.stdout);
    for (const [section, keys] of Object.entries(written)) {
      for (const [key, value] of Object.entries(keys)) {
        if (key === 'autoconnect') continue; // the default, dropped on output
        expect(understood[section]?.[key]?.toLowerCase(), `${section}.${key}`).toBe(value.toLowerCase());
      }
    }
  });
});

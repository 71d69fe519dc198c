// The node-config and node-check subcommands, driven through commander with
// the real configuration loader and the fixture cluster (VLANs 3901/3911).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { register as registerCheck } from '../../src/cli/commands/node-check.js';
import { register as registerConfig } from '../../src/cli/commands/node-config.js';
import { findTool } from './helpers.js';

const netplan = findTool('netplan');
const ifquery = findTool('ifquery');
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (name: string) => join(fixtures, name);
const out = mkdtempSync(join(tmpdir(), 'acc-nodecli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<void> {
  const program = new Command('acc-provision').exitOverride().enablePositionalOptions();
  registerConfig(program);
  registerCheck(program);
  for (const c of program.commands) c.exitOverride();
  await program.parseAsync(args, { from: 'user' });
}

describe('acc-provision node-config', () => {
  it("writes every node under --out, at its host paths (--format all: every system's files)", async () => {
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--out', out, '--format', 'all');
    expect(readFileSync(join(out, 'node-1/etc/network/interfaces.d/aci'), 'utf8')).toContain('iface ens224.3901 inet manual');
    expect(readFileSync(join(out, 'node-2/etc/netplan/01-aci.yaml'), 'utf8')).toContain('bond0.3911:');
    expect(readFileSync(join(out, 'node-2/etc/dhcp/dhclient-bond0.3901.conf'), 'utf8')).toMatch(
      /^send dhcp-client-identifier 01:00:50:56:9c:01:02;\n/,
    );
    expect(existsSync(join(out, 'node-1/etc/NetworkManager/system-connections/aci-ens224.3911.nmconnection'))).toBe(true);
    expect(stderr).toMatch(/wrote \d+ files for 2 node\(s\)/);
  });

  it('by default writes what one host needs: its inventory format:, else netplan, and says which', async () => {
    const { writeFileSync } = await import('node:fs');
    const inv = join(out, 'formats.yaml');
    writeFileSync(
      inv,
      readFileSync(fx('nodes.yaml'), 'utf8').replace('    node_ip: 10.11.0.12\n', '    node_ip: 10.11.0.12\n    format: ifupdown\n'),
    );
    const dir = join(out, 'one-host');
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', inv, '--out', dir);
    const list = (node: string) =>
      execFileSync('find', ['.', '-type', 'f'], { cwd: join(dir, node), encoding: 'utf8' })
        .trim()
        .split('\n')
        .sort();
    expect(list('node-1')).toEqual(['./etc/netplan/01-aci.yaml']);
    expect(list('node-2')).toEqual(['./etc/dhcp/dhclient-bond0.3901.conf', './etc/network/interfaces.d/aci']);
    expect(stderr).toContain(
      "INFO: netplan files for node-1 (the default; --format or a node's format: in the inventory chooses ifupdown or nm)",
    );
    // --format overrides the inventory for every node.
    const nm = join(out, 'nm-hosts');
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', inv, '--out', nm, '--format', 'nm');
    expect(list.call(null, '../nm-hosts/node-2').every((f) => f.includes('NetworkManager') || f.includes('dhclient'))).toBe(true);
  });

  it('a bad format: in the inventory names node and field', async () => {
    const { writeFileSync } = await import('node:fs');
    const inv = join(out, 'badformat.yaml');
    writeFileSync(
      inv,
      readFileSync(fx('nodes.yaml'), 'utf8').replace('    node_ip: 10.11.0.12\n', '    node_ip: 10.11.0.12\n    format: sysconfig\n'),
    );
    const err = await run('node-config', '-c', fx('cluster.yaml'), '--nodes', inv).catch((e: unknown) => e);
    expect((err as InputError).problems).toEqual([
      expect.objectContaining({
        field: 'nodes[1].format',
        value: 'sysconfig',
        rule: expect.stringContaining('node "node-2": must be one of netplan, ifupdown, nm'),
      }),
    ]);
  });

  it("an output it cannot write: a clear message naming the path, and no node's files written", async () => {
    const { chmodSync, mkdirSync, writeFileSync } = await import('node:fs');
    const dir = join(out, 'partial');
    mkdirSync(join(dir, 'node-2', 'etc'), { recursive: true });
    // node-2's netplan folder is a file: its files cannot be written, and node-1's must not be either.
    writeFileSync(join(dir, 'node-2', 'etc', 'netplan'), 'in the way');
    const err = await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--out', dir, '--format', 'all').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `--out = ${JSON.stringify(join(dir, 'node-2', 'etc', 'netplan'))}: cannot write: it is a file, not a directory`,
    );
    expect(existsSync(join(dir, 'node-1'))).toBe(false);
    expect(execFileSync('find', [dir], { encoding: 'utf8' }).trim().split('\n').sort()).toEqual([
      dir,
      join(dir, 'node-2'),
      join(dir, 'node-2', 'etc'),
      join(dir, 'node-2', 'etc', 'netplan'),
    ]);
    // A folder it may not write into: the same, naming it.
    if (process.getuid?.() !== 0) {
      const ro = join(out, 'readonly');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const denied = await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--out', ro).catch((e: unknown) => e);
      expect((denied as InputError).message).toMatch(/--out = ".*readonly\/node-1": cannot create the folder: permission denied/);
      chmodSync(ro, 0o700);
    }
  });

  it.skipIf(!netplan)('netplan generate accepts the netplan file of every node written (Debian package netplan.io)', async () => {
    const dir = join(out, 'netplan');
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--format', 'netplan', '--out', dir);
    for (const name of ['node-1', 'node-2']) {
      const res = spawnSync(netplan!, ['generate', '--root-dir', join(dir, name)], { encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stderr).toBe('');
    }
    expect(readFileSync(join(dir, 'node-2/run/systemd/network/10-netplan-bond0.3901.netdev'), 'utf8')).toMatch(/Id=3901/);
  });

  it.skipIf(!ifquery)('ifquery lists both subinterfaces of every node written (Debian package ifupdown)', async () => {
    const dir = join(out, 'ifupdown');
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--format', 'ifupdown', '--out', dir);
    for (const [name, uplink] of [
      ['node-1', 'ens224'],
      ['node-2', 'bond0'],
    ]) {
      const listed = execFileSync(ifquery!, ['-i', join(dir, name, 'etc/network/interfaces.d/aci'), '--state-dir', dir, '--list', '-a'], {
        encoding: 'utf8',
      });
      expect(listed.split('\n')).toEqual(expect.arrayContaining([`${uplink}.3901`, `${uplink}.3911`]));
    }
  });

  it('prints one node with headers, the first unless --node names one', async () => {
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--format', 'netplan');
    expect(stdout).toMatch(/^==> node-1: \/etc\/netplan\/01-aci\.yaml <==\n/);
    expect(stdout).not.toContain('dhclient');
    expect(stderr).toContain('showing node node-1 (1 of 2)');
    stdout = '';
    await run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--format', 'ifupdown', '--node', 'node-2');
    expect(stdout).toContain('==> node-2: /etc/network/interfaces.d/aci <==');
    expect(stdout).toContain('bond-slaves ens1f0 ens1f1');
    expect(stdout).toContain('==> node-2: /etc/dhcp/dhclient-bond0.3901.conf <==');
  });

  it('--output-format json: the files written, or one node with contents', async () => {
    const dir = join(out, 'json');
    await run(
      'node-config',
      '-c',
      fx('cluster.yaml'),
      '--nodes',
      fx('nodes.yaml'),
      '--format',
      'netplan',
      '--out',
      dir,
      '--output-format',
      'json',
    );
    expect(JSON.parse(stdout)).toEqual({
      out: dir,
      nodes: [
        { name: 'node-1', files: ['etc/netplan/01-aci.yaml'] },
        { name: 'node-2', files: ['etc/netplan/01-aci.yaml'] },
      ],
    });
    stdout = '';
    await run(
      'node-config',
      '-c',
      fx('cluster.yaml'),
      '--nodes',
      fx('nodes.yaml'),
      '--format',
      'ifupdown',
      '--node',
      'node-1',
      '--output-format',
      'json',
    );
    const one = JSON.parse(stdout);
    expect(one.name).toBe('node-1');
    expect(one.files[1]).toMatchObject({
      path: 'etc/dhcp/dhclient-ens224.3901.conf',
      mode: '0644',
      content: expect.stringMatching(/^send dhcp-client-identifier 01:00:50:56:9c:01:01;/),
    });
  });

  it('dual stack with interface_mtu 8900: both addresses, uplink MTU 9000', async () => {
    const inv = join(out, 'ds.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(inv, 'nodes:\n  - {name: ds, uplink: eth1, infra_mac: "00:50:56:9c:02:01", node_ip: [10.11.0.21, "fd11::15"]}\n');
    await run('node-config', '-c', fx('cluster-dualstack.yaml'), '--nodes', inv, '--format', 'ifupdown');
    expect(stdout).toContain('mtu 9000');
    expect(stdout).toContain('iface eth1.3911 inet6 static');
    expect(stdout).toContain('address fd11::15/64');
  });

  it('takes the infra VLAN from --infra-vlan when the file has none', async () => {
    await run(
      'node-config',
      '-c',
      fx('cluster-no-infra-vlan.yaml'),
      '--infra-vlan',
      '3999',
      '--nodes',
      fx('nodes.yaml'),
      '--format',
      'netplan',
    );
    expect(stdout).toContain('ens224.3999:');
  });

  it('bad inventory: an InputError naming node and field, nothing written', async () => {
    const bad = join(out, 'bad');
    const inv = join(out, 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(inv, readFileSync(fx('nodes.yaml'), 'utf8').replace('10.11.0.12', '10.99.0.12'));
    const err = await run('node-config', '-c', fx('cluster.yaml'), '--nodes', inv, '--out', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      expect.objectContaining({
        field: 'nodes[1].node_ip',
        value: '10.99.0.12',
        rule: expect.stringMatching(/^node "node-2": must be inside node_subnet \(10\.11\.0\.0\/16\)/),
      }),
    ]);
    expect(existsSync(bad)).toBe(false);
  });

  it('unknown --node is a usage error; a missing inventory an input error', async () => {
    await expect(run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('nodes.yaml'), '--node', 'node-9')).rejects.toThrow(UsageError);
    await expect(run('node-config', '-c', fx('cluster.yaml'), '--nodes', fx('missing.yaml'))).rejects.toThrow(
      /--nodes = ".*missing\.yaml": no such file/,
    );
  });
});

describe('acc-provision node-check', () => {
  it('a ready node (saved output): every check passes, exit code 0', async () => {
    await run('node-check', '-c', fx('cluster-4093.yaml'), '--from', fx('ready-node'), '--api-server', '10.1.0.101');
    expect(stdout).toMatch(/^node-check: infra VLAN 4093, node VLAN 4001, MTU 1600, node_subnet 10\.1\.0\.0\/16\n/);
    expect(stdout).toContain('PASS  API server address in node_subnet');
    expect(stdout.trimEnd().split('\n').pop()).toBe('all 11 checks passed');
    expect(process.exitCode).toBeUndefined();
  });

  it('an unprepared node: failures with what to do, JSON output, exit code 1', async () => {
    await run('node-check', '-c', fx('cluster-4093.yaml'), '--from', fx('unprepared-node'), '--output-format', 'json');
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c: { id: string }) => c.id === 'openvswitch')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('disable'),
    });
    expect(process.exitCode).toBe(1);
  });

  it('other VLANs in the configuration: the subinterfaces are not found', async () => {
    await run('node-check', '-c', fx('cluster.yaml'), '--from', fx('ready-node'));
    expect(stdout).toContain('FAIL  infra VLAN subinterface');
    expect(stdout).toContain('no interface is VLAN 3901');
    expect(process.exitCode).toBe(1);
  });

  it('--api-server takes a host name, resolved as the node resolves it', async () => {
    await run('node-check', '-c', fx('cluster-4093.yaml'), '--from', fx('ready-node'), '--api-server', 'localhost');
    // localhost resolves to 127.0.0.1 (and ::1): outside the node subnet.
    expect(stdout).toMatch(/FAIL {2}API server address in node_subnet +localhost = (127\.0\.0\.1|::1)/);
    expect(stdout).toContain('and make localhost resolve to it');
    stdout = '';
    process.exitCode = undefined;
    await run('node-check', '-c', fx('cluster-4093.yaml'), '--from', fx('ready-node'), '--api-server', 'no-such-host.invalid');
    expect(stdout).toMatch(/FAIL {2}API server address in node_subnet +no-such-host\.invalid does not resolve on this node/);
    const { resolveApiServer } = await import('../../src/node/check/api-server.js');
    const api = await resolveApiServer('api.cluster.example', async () => ['10.1.0.101']);
    expect(api).toEqual({ given: 'api.cluster.example', addresses: ['10.1.0.101'] });
    const { runNodeChecks, factsFromDir } = await import('../../src/node/index.js');
    const { params } = await import('./helpers.js');
    const ok = runNodeChecks(factsFromDir(fx('ready-node')), params, { apiServer: api }).find((r) => r.id === 'api-server')!;
    expect(ok).toMatchObject({ status: 'pass', detail: 'api.cluster.example = 10.1.0.101 is inside 10.1.0.0/16' });
  });

  it('a --from folder without the saved files is an input error', async () => {
    await expect(run('node-check', '-c', fx('cluster-4093.yaml'), '--from', out)).rejects.toThrow(/ip-addr\.json/);
  });
});

// The Python tool's flags that scripts may pass (--release, -s/--dpu,
// --old-nad-vlan-map-input), usage errors with exit 2 wherever they arise,
// --debug after a subcommand, and --sample -o FILE.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { releaseInfo } from '../../src/cli/version.js';
import { ensureBuilt, repoRoot, runCli, STACK_LINE } from '../support/cli.js';

const FLAVOR = 'kubernetes-1.35';
const dirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'acc-pyflags-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeAll(() => ensureBuilt());

/** The sample with an infra VLAN (no APIC to discover it from) and extra YAML appended. */
function sampleWith(dir: string, extra = ''): string {
  const sample = runCli(['--sample', '-f', FLAVOR]).stdout;
  writeFileSync(join(dir, 'cfg.yaml'), `${sample}${extra}`);
  return 'cfg.yaml';
}

const DPU = [
  'kube_config:',
  '  opflex_mode: dpu',
  'sriov_config:',
  '  enable: true',
  'dpu_config:',
  '  enable: true',
  '  ip: 192.168.200.9',
  '',
].join('\n');

describe('usage errors exit 2 everywhere, naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['-f', FLAVOR, '--output-format', 'yaml'], /--output-format = "yaml": must be text or json/],
    [['-f', FLAVOR, '-w', 'abc'], /--timeout = "abc": must be a whole number/],
    [['-f', FLAVOR, '-a', '-d'], /-a\/--apic: cannot be combined with -d\/--delete/],
    [['plan', '-f', FLAVOR, '--output-format', 'yaml'], /--output-format = "yaml": must be text or json/],
    [['verify', '-c', 'cfg.yaml', '-w', 'abc'], /--timeout = "abc": must be a whole number/],
    [['node-config', '-c', 'cfg.yaml', '--nodes', 'nodes.yaml', '--format', 'xml'], /argument 'xml' is invalid/],
    [['node-config', '-c', 'cfg.yaml', '--nodes', 'nodes.yaml', '--mtu', 'big'], /--mtu = "big": must be a whole number/],
    [['node-check', '-c', 'cfg.yaml', '--infra-vlan', 'x'], /--infra-vlan = "x": must be a whole number/],
  ];
  for (const [args, message] of cases) {
    it(`acc-provision ${args.join(' ')}`, () => {
      const r = runCli(args, { cwd: scratch() });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Usage: acc-provision/);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('node-config --node nosuch', () => {
    const dir = scratch();
    const cfg = sampleWith(dir);
    writeFileSync(
      join(dir, 'nodes.yaml'),
      'nodes:\n- name: n1\n  uplink: ens192\n  infra_mac: "00:50:56:aa:00:01"\n  node_ip: 10.1.0.11\n',
    );
    const r = runCli(['node-config', '-c', cfg, '--infra-vlan', '4093', '--nodes', 'nodes.yaml', '--node', 'nosuch'], { cwd: dir });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('--node nosuch: no such node in nodes.yaml (n1)');
    expect(r.stderr).toContain('Usage: acc-provision node-config');
  });
});

describe('--debug after a subcommand', () => {
  it('is accepted by every subcommand, as before it', () => {
    for (const sub of ['plan', 'verify', 'node-config', 'node-check', 'demo']) {
      const r = runCli([sub, '--debug', '--help']);
      expect(r.status, `${sub}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('--debug');
    }
    // It does its job there: the same result as before the subcommand.
    const dir = scratch();
    const after = runCli(['verify', '-c', 'missing.yaml', '--debug'], { cwd: dir });
    const before = runCli(['--debug', 'verify', '-c', 'missing.yaml'], { cwd: dir });
    expect(after.status).toBe(1);
    expect(after.stderr).toBe(before.stderr);
    expect(after.stderr).toContain('--config = "missing.yaml": no such file');
  });
});

describe('--release', () => {
  it('prints the version and the source revision of the build to standard error, exit 0, before any other check', () => {
    const r = runCli(['--release']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const revision = readFileSync(join(repoRoot, 'dist', 'RELEASE-VERSION'), 'utf8').trim();
    expect(revision).not.toBe('');
    expect(r.stderr.trim()).toMatch(new RegExp(`^acc-provision \\d+\\.\\d+\\.\\d+ \\(${revision}\\)$`));
  });

  it('says when the package has no release information', () => {
    const dir = scratch();
    expect(releaseInfo(new URL(`file://${join(dir, 'RELEASE-VERSION')}`))).toBeUndefined();
    writeFileSync(join(dir, 'RELEASE-VERSION'), 'v1.2.3-4-gabcdef\n');
    expect(releaseInfo(new URL(`file://${join(dir, 'RELEASE-VERSION')}`))).toMatch(/^acc-provision \S+ \(v1\.2\.3-4-gabcdef\)$/);
  });
});

describe('-s/--dpu FILE', () => {
  it('writes the DPU manifest: namespace, account, the init and datapath DaemonSets, the agent configuration', () => {
    const dir = scratch();
    const cfg = sampleWith(dir, DPU);
    const r = runCli(['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'aci.yaml', '-s', 'dpu.yaml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote DPU kubernetes configuration to dpu.yaml');
    interface PodSpec {
      nodeSelector: Record<string, string>;
      containers: { name: string; args?: string[] }[];
    }
    const docs = parseAllDocuments(readFileSync(join(dir, 'dpu.yaml'), 'utf8')).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string }; spec: { template: { spec: PodSpec } }; data?: Record<string, string> },
    );
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Namespace/dpu-system',
      'ServiceAccount/dpu-system-serviceaccount',
      'DaemonSet/dpu-init',
      'DaemonSet/dpu-containers',
      'ConfigMap/opflex-agent-config',
    ]);
    const init = docs[2].spec.template.spec.containers[0];
    // The DPU's address and the infra and node VLANs, as the init container's arguments.
    expect(init.args).toEqual(['192.168.200.9', '4093', '4001']);
    expect(docs[3].spec.template.spec.containers.map((c) => c.name)).toEqual(['dpu-opflex', 'dpu-mcast']);
    expect(docs[3].spec.template.spec.nodeSelector).toEqual({ 'beta.kubernetes.io/arch': 'arm64' });
    expect(JSON.parse(docs[4].data!['opflex-agent-config'])).toEqual({
      log: { level: 'info' },
      opflex: { notif: { enabled: 'false' } },
      prometheus: { enabled: 'false' },
    });
    // The main manifest is unchanged by the flag.
    const plain = runCli(['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'aci2.yaml', '-t', 'x'], { cwd: dir });
    const again = runCli(['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'aci3.yaml', '-t', 'x', '-s', 'dpu2.yaml'], { cwd: dir });
    expect(plain.status).toBe(0);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, 'aci3.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'aci2.yaml'), 'utf8'));
  });

  it('without a DPU in the configuration: exit 1, naming the setting, nothing written', () => {
    const dir = scratch();
    const cfg = sampleWith(dir);
    const r = runCli(['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'aci.yaml', '--dpu', 'dpu.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--dpu: needs dpu_config.enable: true');
    expect(existsSync(join(dir, 'dpu.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'aci.yaml'))).toBe(false);
  });
});

describe('--old-nad-vlan-map-input FILE', () => {
  it('is accepted; with the Kubernetes flavors (no chained mode) it changes nothing and says so', () => {
    const dir = scratch();
    const cfg = sampleWith(dir);
    writeFileSync(join(dir, 'old-map.csv'), 'Namespace,NAD Prefix,VLAN ID\nns1,nad,101\n');
    const plain = runCli(['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'a.yaml', '-t', 'x'], { cwd: dir });
    const withMap = runCli(
      ['-c', cfg, '-f', FLAVOR, '--infra-vlan', '4093', '-o', 'b.yaml', '-t', 'x', '--old-nad-vlan-map-input', 'old-map.csv'],
      { cwd: dir },
    );
    expect(withMap.status, withMap.stderr).toBe(0);
    expect(withMap.stderr).toMatch(/WARN: --old-nad-vlan-map-input old-map\.csv: not used: only chained mode/);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'a.yaml'), 'utf8'));
    expect(plain.status).toBe(0);
  });

  it("in chained mode keeps the previous map's VLANs in the FabricVlanPool (as the Python tool)", () => {
    const dir = scratch();
    const cfg = join(dir, 'chained.yaml');
    writeFileSync(
      cfg,
      [
        'aci_config:',
        '  system_id: kube',
        '  apic_hosts: [10.30.120.100]',
        '  aep: kube-aep',
        '  secondary_aep: kube-aep-2',
        '  vrf: {name: kube, tenant: common}',
        'net_config: {node_subnet: 10.1.0.1/16, kubeapi_vlan: 4001}',
        'chained_cni_config:',
        '  secondary_interface_chaining: true',
        '  vlans_file: map.csv',
        '  secondary_vlans: [4002]',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'map.csv'), 'Network,VLAN ID,Namespace,NAD Prefix\nnew-a,3023.0,ns1,nad\n');
    writeFileSync(join(dir, 'old-map.csv'), 'Network,VLAN ID,Namespace,NAD Prefix\nold-a,101.0,ns1,nad\nold-b,102.0,,\n');
    const flavor = 'openshift-sdn-ovn-baremetal';
    const r = runCli(['-c', cfg, '-f', flavor, '-o', 'aci.yaml', '-t', 'x', '--old-nad-vlan-map-input', 'old-map.csv'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/WARN: --old-nad-vlan-map-input/);
    const docs = parseAllDocuments(readFileSync(join(dir, 'aci.yaml'), 'utf8')).map((d) => d.toJS() as { kind?: string; spec?: unknown });
    expect(docs.find((d) => d.kind === 'FabricVlanPool')?.spec).toEqual({ vlans: ['101-102', '3023', '4002'] });
    // Only the current map becomes the NadVlanMap.
    expect(docs.find((d) => d.kind === 'NadVlanMap')?.spec).toEqual({ nadVlanMapping: { 'ns1/nad': [{ label: 'new-a', vlans: '3023' }] } });
    const missing = runCli(['-c', cfg, '-f', flavor, '-o', 'b.yaml', '--old-nad-vlan-map-input', 'nope.csv'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/--old-nad-vlan-map-input = "nope.csv": cannot be read/);
    expect(existsSync(join(dir, 'b.yaml'))).toBe(false);
  });
});

describe('--sample -o FILE', () => {
  it('writes the sample to FILE, not to standard output', () => {
    const dir = scratch();
    const r = runCli(['--sample', '-f', FLAVOR, '-o', 'cfg.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'cfg.yaml'), 'utf8')).toBe(runCli(['--sample', '-f', FLAVOR]).stdout);
  });
});

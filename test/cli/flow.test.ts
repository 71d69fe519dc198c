// The whole default command through the built CLI: flavors, sample, stdin,
// certificates, rejections, the -a/-d placeholder. Needs the configuration
// (src/config/index.ts: loadConfig, sampleConfig, listFlavors,
// isKnownFlavor), the manifest, the certificate and the APIC dump.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt, runCli, STACK_LINE } from '../support/cli.js';

const FLAVOR = 'kubernetes-1.35';
const scratch = () => mkdtempSync(join(tmpdir(), 'acc-flow-'));

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);

describe('flavors and sample', () => {
  it('--list-flavors lists the Kubernetes flavors', () => {
    const r = runCli(['--list-flavors']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(FLAVOR);
  });

  it('--sample -f FLAVOR prints a YAML configuration', () => {
    const r = runCli(['--sample', '-f', FLAVOR]);
    expect(r.status).toBe(0);
    const doc = parseAllDocuments(r.stdout)[0].toJS() as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['aci_config', 'net_config']));
  });

  it('an unknown flavor exits 1 naming it', () => {
    const r = runCli(['--sample', '-f', 'kubernetes-0.1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--flavor = "kubernetes-0.1": unknown flavor');
  });
});

describe('generate from the sample', () => {
  it('reads standard input, writes the manifest, a new certificate pair (key 0600), then reuses it', () => {
    const dir = scratch();
    const sample = runCli(['--sample', '-f', FLAVOR]).stdout;
    const first = runCli(['-f', FLAVOR, '-o', 'aci.yaml', '--version-token', 'dummy'], { cwd: dir, input: sample });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('INFO: Loading configuration from "STDIN"');
    expect(first.stderr).toContain('INFO: Generating certs for kubernetes controller');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(expect.arrayContaining(['aci.yaml', 'aci.yaml.tar.gz']));
    const key = files.find((f) => f.endsWith('.key'));
    const crt = files.find((f) => f.endsWith('.crt'));
    expect(key && crt).toBeTruthy();
    expect(statSync(join(dir, key!)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, key!), 'utf8')).toContain('PRIVATE KEY');
    expect(first.stdout + first.stderr).not.toContain(readFileSync(join(dir, key!), 'utf8').split('\n')[1]);
    const keyBefore = readFileSync(join(dir, key!), 'utf8');

    const second = runCli(['-f', FLAVOR, '-o', 'aci.yaml', '--version-token', 'dummy'], { cwd: dir, input: sample });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('INFO: Reusing existing certs for kubernetes controller');
    expect(readFileSync(join(dir, key!), 'utf8')).toBe(keyBefore);
  });
});

describe('bad configuration', () => {
  const bad = [
    'aci_config:',
    '  system_id: 9bad',
    '  apic_hosts: [10.1.1.101]',
    'net_config:',
    '  node_subnet: 10.1.0.1/16',
    '  pod_subnet: 10.2.0.1/16',
    '  kubeapi_vlan: 5000',
    '  service_vlan: 4003',
    '  infra_vlan: 4093',
    '',
  ].join('\n');

  it('exits 1, one line per problem naming the field, no stack trace, nothing written or truncated', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'cfg.yaml'), bad);
    writeFileSync(join(dir, 'aci.yaml'), 'previous\n');
    const r = runCli(['-c', 'cfg.yaml', '-f', FLAVOR, '-o', 'aci.yaml', '--apic-dump', 'apic.txt', '--debug'], {
      cwd: dir,
      env: { ACC_PROVISION_PASS: 'pw-from-env-77' },
    });
    expect(r.status).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('ERR:'));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toContain('system_id');
    expect(r.stderr).toContain('kubeapi_vlan');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout + r.stderr).not.toContain('pw-from-env-77');
    expect(readdirSync(dir).sort()).toEqual(['aci.yaml', 'cfg.yaml']);
    expect(readFileSync(join(dir, 'aci.yaml'), 'utf8')).toBe('previous\n');
  });

  it('a missing config file is one problem', () => {
    const r = runCli(['-c', 'no-such-file.yaml', '-f', FLAVOR]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/ERR: {2}--config = "no-such-file.yaml": no such file$/);
  });

  it('YAML that does not parse exits 1 without a stack trace', () => {
    const r = runCli(['-f', FLAVOR], { input: 'aci_config: [unclosed\n' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^ERR: /m);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('-a with an empty configuration', () => {
  it('reports the problems, exits 1, writes nothing and never prints the password', () => {
    const dir = scratch();
    const r = runCli(['-f', FLAVOR, '-a', '-p', 'pw-flag-88', '-o', 'aci.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^ERR: /m);
    expect(r.stdout + r.stderr).not.toContain('pw-flag-88');
    expect(existsSync(join(dir, 'aci.yaml'))).toBe(false);
  });
});

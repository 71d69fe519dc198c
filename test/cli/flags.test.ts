// The command line itself: help, version, usage errors (exit 2), wrong flag
// values (exit 1, one line per problem, no stack trace, nothing written),
// secrets never printed. Needs only the CLI (dist/ built).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ensureBuilt, repoRoot, runCli, STACK_LINE } from '../support/cli.js';

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);

const scratch = () => mkdtempSync(join(tmpdir(), 'acc-cli-'));

describe('help and version', () => {
  it('--help lists every flag of the Python tool and the new ones, exit 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const flag of [
      '-v, --version',
      '--debug',
      '--sample',
      '-c, --config <file>',
      '-o, --output <file>',
      '-z, --output_tar <file>',
      '-r, --aci_operator_cr <file>',
      '-a, --apic',
      '-d, --delete',
      '-u, --username <name>',
      '-p, --password <pass>',
      '-w, --timeout',
      '--list-flavors',
      '-f, --flavor <flavor>',
      '-t, --version-token <token>',
      '--upgrade',
      '--disable-multus <bool>',
      '--apic-oobm-ip <ip>',
      '--skip-app-profile-check',
      '--apic-dump <file>',
      '--infra-vlan <vlan>',
      '--output-format <format>',
      '--no-color',
      '-h, --help',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/^Usage: acc-provision \[options\]/);
  });

  it('-h is --help', () => {
    expect(runCli(['-h']).stdout).toBe(runCli(['--help']).stdout);
  });

  it('-v and --version print the package version', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['-v', '--version']) {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('no arguments at all: help on standard error, exit 1 (as the Python tool)', () => {
    const r = runCli([]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: acc-provision');
  });
});

describe('usage errors exit 2 with the usage line', () => {
  for (const args of [['--bogus'], ['-f', 'kubernetes-1.35', '-x'], ['-c'], ['-f', 'kubernetes-1.35', 'stray-argument']]) {
    it(`acc-provision ${args.join(' ')}`, () => {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: acc-provision [options] [command]');
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }
});

describe('wrong flag values are usage errors: exit 2, one line per problem', () => {
  it('reports every wrong value at once, naming flag, value and rule', () => {
    const r = runCli([
      '-f',
      'kubernetes-1.35',
      '--timeout',
      'soon',
      '--infra-vlan',
      '5000',
      '--disable-multus',
      'maybe',
      '--operator-mode',
      'yes',
    ]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'ERR:  --timeout = "soon": must be a whole number of seconds (0 or more)',
      'ERR:  --infra-vlan = "5000": must be a VLAN id from 1 to 4094',
      'ERR:  --disable-multus = "maybe": must be true or false',
      'ERR:  --operator-mode = "yes": must be true or false',
    ]);
  });

  it('--apic-oobm-ip must be an address without prefix length', () => {
    const r = runCli(['-f', 'kubernetes-1.35', '--apic-oobm-ip', '10.30.120.101/24']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--apic-oobm-ip = "10.30.120.101/24"');
  });

  it('--skip-app-profile-check needs -d', () => {
    const r = runCli(['-f', 'kubernetes-1.35', '--skip-app-profile-check']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--skip-app-profile-check: only applies to -d/--delete');
  });

  it('a missing flavor is named', () => {
    const r = runCli(['-c', 'whatever.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--flavor: is required');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('--output-format json prints each problem as one JSON object', () => {
    const r = runCli(['-f', 'kubernetes-1.35', '--output-format', 'json', '--infra-vlan', '0', '--disable-multus', 'x']);
    expect(r.status).toBe(2);
    const records = r.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toEqual([
      expect.objectContaining({ level: 'error', field: '--infra-vlan', value: '0', rule: 'must be a VLAN id from 1 to 4094' }),
      expect.objectContaining({ level: 'error', field: '--disable-multus', value: 'x', rule: 'must be true or false' }),
    ]);
  });

  it('creates no output file and leaves an existing one untouched', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'existing.yaml'), 'keep me\n');
    const r = runCli(
      [
        '-f',
        'kubernetes-1.35',
        '-o',
        'existing.yaml',
        '-r',
        'cr.yaml',
        '-z',
        'op.tar.gz',
        '--apic-dump',
        'apic.txt',
        '--infra-vlan',
        '9999',
      ],
      { cwd: dir },
    );
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['existing.yaml']);
    expect(readFileSync(join(dir, 'existing.yaml'), 'utf8')).toBe('keep me\n');
  });
});

describe('secrets', () => {
  it('a password given with -p is never printed, even where it shows up in a value', () => {
    const r = runCli(['-f', 'kubernetes-1.35', '-p', 'hunter2pw', '--infra-vlan', 'hunter2pw', '--debug']);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('hunter2pw');
    expect(r.stderr).toContain('--infra-vlan = "***"');
  });

  it('the password of ACC_PROVISION_PASS is never printed', () => {
    const r = runCli(['-f', 'kubernetes-1.35', '--timeout', 'envpass42'], { env: { ACC_PROVISION_PASS: 'envpass42' } });
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('envpass42');
  });

  it('--password=VALUE and -pVALUE spellings are masked too', () => {
    for (const spelling of [['--password=zz9secret'], ['-pzz9secret']]) {
      const r = runCli(['-f', 'kubernetes-1.35', ...spelling, '--infra-vlan', 'zz9secret']);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain('zz9secret');
    }
  });
});

describe('subcommands', () => {
  it('are listed in --help', () => {
    const r = runCli(['--help']);
    expect(r.stdout).toMatch(/Commands:[\s\S]*node-config/);
  });

  it("a subcommand's usage error exits 2 with that subcommand's usage line", () => {
    const r = runCli(['node-config', '--no-such-flag', '-c', 'x', '--nodes', 'y']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: acc-provision node-config [options]');
  });
});

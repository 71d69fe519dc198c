// Checking the top-level flags (src/cli/root-options.ts) and printing
// messages (src/cli/output/reporter.ts).
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkRootOptions, isIpAddress, type RawRootOptions } from '../../src/cli/root-options.js';
import { Reporter } from '../../src/cli/output/reporter.js';

const base: RawRootOptions = { config: '-', output: '-', disableMultus: 'true', operatorMode: 'false', outputFormat: 'text', color: true };

describe('checkRootOptions', () => {
  it('keeps the Python defaults', () => {
    const o = checkRootOptions(base, {});
    expect(o).toMatchObject({
      config: '-',
      output: '-',
      disableMultus: true,
      operatorMode: false,
      apic: false,
      delete: false,
      upgrade: false,
      outputFormat: 'text',
    });
    expect(o.outputTar).toBeUndefined();
    expect(o.password).toBeUndefined();
  });

  it('takes the password from ACC_PROVISION_PASS unless -p is given', () => {
    expect(checkRootOptions(base, { ACC_PROVISION_PASS: 'fromenv' }).password).toBe('fromenv');
    expect(checkRootOptions({ ...base, password: 'flag' }, { ACC_PROVISION_PASS: 'fromenv' }).password).toBe('flag');
  });

  it('accepts the dashed aliases of --output_tar and --aci_operator_cr', () => {
    const o = checkRootOptions({ ...base, outputTar: 'op.tar.gz', aciOperatorCr: 'cr.yaml' }, {});
    expect(o.outputTar).toBe('op.tar.gz');
    expect(o.operatorCr).toBe('cr.yaml');
  });

  it('parses true/false in any case and numbers', () => {
    const o = checkRootOptions({ ...base, disableMultus: 'False', operatorMode: 'TRUE', timeout: '30', infraVlan: '4093' }, {});
    expect(o).toMatchObject({ disableMultus: false, operatorMode: true, timeout: 30, infraVlan: 4093 });
  });

  it('refuses two outputs in one file', () => {
    expect(() => checkRootOptions({ ...base, output: 'a.yaml', aci_operator_cr: 'a.yaml' }, {})).toThrow(
      '--aci_operator_cr = "a.yaml": is also the --output file',
    );
    expect(() => checkRootOptions({ ...base, apicDump: '-' }, {})).not.toThrow();
  });

  it('lists every problem at once, as a usage error (exit 2)', () => {
    let err: UsageError | undefined;
    try {
      checkRootOptions(
        { ...base, output_tar: 'a', outputTar: 'b', apic: true, delete: true, outputFormat: 'xml', apicOobmIp: 'apic1' },
        {},
      );
    } catch (e) {
      err = e as UsageError;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect(err?.problems.map((p) => p.field)).toEqual(['--output-format', '--apic-oobm-ip', '-a/--apic', '--output-tar']);
  });
});

describe('Reporter', () => {
  const capture = (format: 'text' | 'json', color = false) => {
    const lines: string[] = [];
    return { lines, r: new Reporter({ format, color, write: (l) => lines.push(l) }) };
  };

  it('prints text with the Python prefixes and masks registered secrets', () => {
    const { lines, r } = capture('text');
    r.addSecret('s3cr3t');
    r.info('login with s3cr3t');
    r.warn('w');
    r.problems([
      { field: 'aci_config.apic_login.password', value: 'other', rule: 'too short' },
      { field: 'net_config.x', value: 5, rule: 'r', at: 'c.yaml:2:3' },
    ]);
    expect(lines).toEqual([
      'INFO: login with ***\n',
      'WARN: w\n',
      'ERR:  aci_config.apic_login.password = "***": too short\n',
      'ERR:  c.yaml:2:3: net_config.x = 5: r\n',
    ]);
  });

  it('masks a short secret (-p x) only where it stands alone: messages stay readable and do not show it by the gaps', () => {
    const { lines, r } = capture('text');
    r.addSecret('x');
    r.addSecret('pw-1');
    r.info('--context = "foo": needs --kubeconfig; login x failed');
    r.info('https://admin:pw-1@apic, pw-12 is another');
    expect(lines).toEqual([
      'INFO: --context = "foo": needs --kubeconfig; login *** failed\n',
      'INFO: https://admin:***@apic, pw-12 is another\n',
    ]);
  });

  it('prints JSON lines with field, value, rule and position', () => {
    const { lines, r } = capture('json');
    r.problems([{ field: 'f', value: 1, rule: 'r', at: 'c.yaml:1:1' }]);
    expect(JSON.parse(lines[0])).toEqual({
      level: 'error',
      message: 'c.yaml:1:1: f = 1: r',
      field: 'f',
      value: 1,
      rule: 'r',
      at: 'c.yaml:1:1',
    });
  });

  it('colours only when asked', () => {
    const { lines, r } = capture('text', true);
    r.error('x');
    expect(lines[0]).toBe('\u001b[31mERR:  \u001b[0mx\n');
  });
});

describe('isIpAddress', () => {
  it.each(['10.30.120.101', '0.0.0.0', '255.255.255.255', '2001:db8::1', '::1', '::ffff:10.0.0.1'])('%s is an address', (a) => {
    expect(isIpAddress(a)).toBe(true);
  });
  it.each(['10.30.120.101/24', '256.1.1.1', '10.1.1', '01.2.3.4', 'apic1', '2001:db8::1/64', '2001:db8:::1', ''])('%s is not', (a) => {
    expect(isIpAddress(a)).toBe(false);
  });
});

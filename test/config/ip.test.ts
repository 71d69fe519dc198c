import { describe, expect, it } from 'vitest';
import { formatIp, normalizeCidr, overlaps, parseCidr, parseIp, splitSubnet } from '../../src/config/ip.js';

describe('ip', () => {
  it('parses addresses as strictly as Python ipaddress', () => {
    expect(parseIp('10.1.0.1')).toEqual({ version: 4, value: 0x0a010001n });
    for (const bad of ['10.0.1', '010.1.1.1', '256.1.1.1', '1.2.3.4.5', '1:2:3:4:5:6:7::8', ':::', 'fe80::1%eth0', '']) {
      expect(parseIp(bad)).toBeUndefined();
    }
    expect(parseIp('::ffff:1.2.3.4')?.version).toBe(6);
  });

  it('prints IPv6 compressed like Python (longest zero run, single zero group kept)', () => {
    const v6 = (s: string) => formatIp(6, parseIp(s)!.value);
    expect(v6('1:2:1:1:0:0:0:2')).toBe('1:2:1:1::2');
    expect(v6('1:0:1:1:1:1:1:1')).toBe('1:0:1:1:1:1:1:1');
    expect(v6('0:0:1:0:0:0:1:0')).toBe('0:0:1::1:0');
    expect(v6('::')).toBe('::');
  });

  it('derives pools and gateways as the manifest needs them', () => {
    expect(splitSubnet('10.2.0.1/16')).toEqual({
      first: '10.2.0.2',
      last: '10.2.255.254',
      firstHost: '10.2.0.1',
      network: '10.2.0.0',
      prefixText: '16',
      address: '10.2.0.1',
    });
    expect(splitSubnet('1:3:1:1::1/96').last).toBe('1:3:1:1::ffff:fffe');
    expect(normalizeCidr('10.1.0.1/16')).toBe('10.1.0.0/16');
  });

  it('detects overlaps only within one address family', () => {
    expect(overlaps(parseCidr('10.1.0.1/16')!, parseCidr('10.1.200.1/24')!)).toBe(true);
    expect(overlaps(parseCidr('10.1.0.1/16')!, parseCidr('10.2.0.1/16')!)).toBe(false);
    expect(overlaps(parseCidr('10.1.0.1/16')!, parseCidr('::1/0')!)).toBe(false);
    expect(parseCidr('10.1.0.1/33')).toBeUndefined();
    expect(parseCidr('10.1.0.1')).toBeUndefined();
  });
});

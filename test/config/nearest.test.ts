import { describe, expect, it } from 'vitest';
import { editDistance, nearestKey } from '../../src/config/nearest.js';

describe('nearestKey', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests the closest key only when it is a plausible typo', () => {
    const keys = ['apic_hosts', 'apic_login', 'aep', 'vrf'];
    expect(nearestKey('apic_host', keys)).toBe('apic_hosts');
    expect(nearestKey('apic-hosts', keys)).toBe('apic_hosts');
    expect(nearestKey('completely_different', keys)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { allFlavorNames, isKnownFlavor, listFlavors, releaseKey, releaseVersions } from '../../src/config/flavors.js';

describe('flavors', () => {
  it('lists the visible flavors as the Python tool prints them', () => {
    expect(listFlavors()).toEqual([
      'Available configuration flavors:',
      'kubernetes-1.35:\tKubernetes 1.35',
      'kubernetes-1.34:\tKubernetes 1.34',
      'kubernetes-1.33:\tKubernetes 1.33',
    ]);
  });

  it('accepts every Kubernetes flavor from 1.10 to 1.35, hidden ones included', () => {
    const names = allFlavorNames();
    expect(names).toHaveLength(26);
    expect(names[0]).toBe('kubernetes-1.35');
    expect(names.at(-1)).toBe('kubernetes-1.10');
    for (let minor = 10; minor <= 35; minor++) expect(isKnownFlavor(`kubernetes-1.${minor}`)).toBe(true);
    expect(isKnownFlavor('kubernetes-1.9')).toBe(false);
    expect(isKnownFlavor('openshift-4.18-esx')).toBe(false);
    expect(isKnownFlavor('toString')).toBe(false);
  });

  it('keys releases the way the Python tool prints its floats', () => {
    expect(releaseKey(6.1)).toBe('6.1');
    expect(releaseKey(5)).toBe('5.0');
    expect(releaseKey('5')).toBe('5.0');
    expect(releaseKey('latest')).toBeUndefined();
    expect(releaseVersions(6.1)?.aci_containers_host_version).toBe('6.1.2.1.81c2369');
    expect(releaseVersions(1.9)?.opflex_agent_version).toBe('1.9r80');
    expect(releaseVersions(7.7)).toBeUndefined();
  });
});

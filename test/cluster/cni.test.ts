// The names the ACI CNI controller gives its objects (aci-containers
// pkg/util AciNameForKey): plain while under 64 characters, else hashed.
import { describe, expect, it } from 'vitest';
import { aciNameForKey } from '../../src/cluster/cni.js';

describe('aciNameForKey', () => {
  it('joins prefix, type and key, slashes made underscores', () => {
    expect(aciNameForKey('mykube', 'svc', 'global')).toBe('mykube_svc_global');
    expect(aciNameForKey('mykube', 'svc', 'default/lb-1')).toBe('mykube_svc_default_lb-1');
  });

  it('hashes the key of a name of 64 characters or more, keeping prefix and type', () => {
    const name = aciNameForKey('mykube', 'svc', `default/${'x'.repeat(70)}`);
    expect(name).toBe('mykube_svc_1f91e86529fa132baec12942de3d56df');
  });

  it('is only the hash when the prefix alone is longer than 31 characters', () => {
    expect(aciNameForKey('p'.repeat(40), 'svc', `default/${'y'.repeat(30)}`)).toBe('5e16e5679d16c857a87fdd769a762ebc');
  });
});

// The run's shared reads (src/apic/read-cache.ts): one request per object,
// objects of a class read whole answered from it, objects below a subtree read
// whole answered from that subtree, each at the depth asked for.
import { describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../src/aci/types.js';
import { sharedReads, type CachedReader } from '../../src/apic/read-cache.js';

const mo = (className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject => ({
  className,
  attributes,
  children,
});

// uni/tn-k with a bridge domain (and its subnet) and an application profile; no dn below the root, as in an APIC subtree.
const TENANT = mo('fvTenant', { dn: 'uni/tn-k', name: 'k' }, [
  mo('fvBD', { name: 'bd' }, [mo('fvSubnet', { ip: '10.0.0.1/24' })]),
  mo('fvAp', { name: 'ap' }),
]);

function fakeApic(): { apic: CachedReader; asked: string[] } {
  const asked: string[] = [];
  const apic = {
    getMo: async (dn: string, o: { subtree?: string; query?: Record<string, string> } = {}) => {
      asked.push(`${dn} ${o.subtree ?? 'no'}${o.query ? ' query' : ''}`);
      return dn === 'uni/tn-k' ? TENANT : undefined;
    },
    getClass: async () => [],
    getChildren: async () => [],
    get: async () => ({}),
  } as unknown as CachedReader;
  return { apic, asked };
}

describe('sharedReads', () => {
  it('answers an object below a whole-subtree read from it, at the depth asked for, with its DN', async () => {
    const { apic, asked } = fakeApic();
    const reads = sharedReads(apic);
    const tenant = reads.getMo('uni/tn-k', { subtree: 'full' });
    const [bd, bdAlone, subnet, missing, self] = await Promise.all([
      reads.getMo('uni/tn-k/BD-bd', { subtree: 'children' }),
      reads.getMo('uni/tn-k/BD-bd'),
      reads.getMo('uni/tn-k/BD-bd/subnet-[10.0.0.1/24]', { subtree: 'full' }),
      reads.getMo('uni/tn-k/ap-other', { subtree: 'children' }),
      reads.getMo('uni/tn-k', { subtree: 'children' }),
    ]);
    expect(await tenant).toBe(TENANT);
    expect(asked).toEqual(['uni/tn-k full']);
    expect(bd).toEqual(mo('fvBD', { name: 'bd', dn: 'uni/tn-k/BD-bd' }, [mo('fvSubnet', { ip: '10.0.0.1/24' })]));
    expect(bdAlone?.children).toEqual([]);
    expect(subnet?.attributes).toEqual({ ip: '10.0.0.1/24', dn: 'uni/tn-k/BD-bd/subnet-[10.0.0.1/24]' });
    expect(missing).toBeUndefined();
    expect(self?.children.map((c) => c.children)).toEqual([[], []]);
  });

  it('asks the APIC for what no whole-subtree read holds: other objects, filtered reads, reads made before it', async () => {
    const { apic, asked } = fakeApic();
    const reads = sharedReads(apic);
    await reads.getMo('uni/tn-k/BD-bd', { subtree: 'children' });
    await reads.getMo('uni/tn-k', { subtree: 'full' });
    await reads.getMo('uni/tn-k/ap-ap', { subtree: 'children', query: { 'rsp-subtree-class': 'fvAEPg' } });
    await reads.getMo('uni/tn-other/BD-bd', { subtree: 'children' });
    await reads.getMo('uni/tn-k/BD-bd', { subtree: 'children' }); // the first answer, kept
    expect(asked).toEqual(['uni/tn-k/BD-bd children', 'uni/tn-k full', 'uni/tn-k/ap-ap children query', 'uni/tn-other/BD-bd children']);
  });
});

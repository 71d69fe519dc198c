import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { applySeed, defaultSeed, parseSeed } from '../../src/sim/seed.js';
import type { RunningSim } from '../../src/sim/server.js';
import { MoStore } from '../../src/sim/store.js';
import { dns, only, simWithClient } from './helpers.js';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const SEED = `
version: 6.0(2h)
infra_vlan: 3901
aeps: [fab-aep]
vrfs: [{tenant: shared, name: prod}]
l3outs: [{tenant: shared, name: out1, vrf: prod, external_networks: [ext-a, ext-b]}]
vmware_domains: [{name: myvmware}]
physical_domains: [pdom]
`;

describe('apic-sim seed', () => {
  it('creates the user prerequisites and answers the discovery queries with the seeded values', async () => {
    const r = await simWithClient({ seed: parseSeed(SEED, 'seed.yaml') });
    sim = r.sim;
    const c = r.client;
    expect(only(await c.get('/api/node/class/firmwareCtrlrRunning.json')).version).toBe('6.0(2h)');
    expect(
      only(await c.get('/api/node/mo/uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default].json')).encap,
    ).toBe('vlan-3901');
    expect(only(await c.get('/api/mo/uni/infra/attentp-fab-aep.json')).name).toBe('fab-aep');
    expect(only(await c.get('/api/mo/uni/tn-shared/out-out1/rsectx.json?query-target=self'))).toMatchObject({
      tDn: 'uni/tn-shared/ctx-prod',
      state: 'formed',
    });
    expect(dns(await c.get('/api/mo/uni/tn-shared/out-out1.json?query-target=children&target-subtree-class=l3extInstP'))).toEqual([
      'uni/tn-shared/out-out1/instP-ext-a',
      'uni/tn-shared/out-out1/instP-ext-b',
    ]);
    const pool = await c.get('/api/node/mo/uni/vmmp-VMware/dom-myvmware.json?query-target=children&target-subtree-class=infraRsVlanNs');
    expect(only(pool)).toMatchObject({ tDn: 'uni/infra/vlanns-[myvmware-pool]-dynamic', state: 'formed' });
    expect(only(await c.get('/api/mo/uni/phys-pdom.json')).name).toBe('pdom');
    // The sample's prerequisites are not there when a seed replaces them.
    expect((await c.get('/api/mo/uni/infra/attentp-kube-cluster.json')).body.totalCount).toBe('0');
    // The fabric itself is.
    expect(dns(await c.get('/api/class/vmmProvP.json'))).toEqual(['uni/vmmp-Kubernetes', 'uni/vmmp-OpenShift', 'uni/vmmp-VMware']);
    expect(dns(await c.get('/api/class/fvTenant.json'))).toEqual(['uni/tn-common', 'uni/tn-infra', 'uni/tn-mgmt', 'uni/tn-shared']);
  });

  it('re-seeding keeps user objects and applies a new version and infra VLAN', () => {
    const store = new MoStore(':memory:');
    applySeed(store, defaultSeed(), new Date());
    store.put({ dn: 'uni/tn-mine', className: 'fvTenant', parent: 'uni', attrs: { dn: 'uni/tn-mine', name: 'mine' } });
    const before = store.count();
    applySeed(store, parseSeed('version: 5.3(1a)\ninfra_vlan: 10\n', 's.yaml'), new Date());
    expect(store.get('uni/tn-mine')).toBeDefined();
    expect(store.get('topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning')!.attrs.version).toBe('5.3(1a)');
    expect(store.get('uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]')!.attrs.encap).toBe('vlan-10');
    expect(store.count()).toBe(before);
    store.close();
  });

  it('refuses a bad seed with field, value and rule', () => {
    let err: unknown;
    try {
      parseSeed('infra_vlan: 5000\nvrfs: [{tenant: common}]\nextra: 1\n', 'seed.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.find((p) => p.field === 'infra_vlan')).toMatchObject({ value: 5000, at: 'seed.yaml' });
    expect(problems.some((p) => p.field === 'vrfs.0.name')).toBe(true);
    expect(problems.some((p) => /extra/.test(p.rule))).toBe(true);
    expect(() => parseSeed('a: [', 'broken.yaml')).toThrow(InputError);
  });
});

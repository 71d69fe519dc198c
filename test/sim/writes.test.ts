import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { Client, dns, errorOf, only, simWithClient } from './helpers.js';

let sim: RunningSim;
let c: Client;
beforeAll(async () => {
  ({ sim, client: c } = await simWithClient());
});
afterAll(async () => {
  await sim.close();
});

const tenant = (name: string, children: unknown[] = [], extra: Record<string, string> = {}) => ({
  fvTenant: { attributes: { name, ...extra }, children },
});

describe('apic-sim writes', () => {
  it('creates a nested tree, deriving child DNs from the class table', async () => {
    const body = tenant('w1', [
      { fvCtx: { attributes: { name: 'vrf' } } },
      {
        fvBD: {
          attributes: { name: 'bd', arpFlood: 'yes' },
          children: [
            { fvRsCtx: { attributes: { tnFvCtxName: 'vrf' } } },
            { fvSubnet: { attributes: { ip: '10.2.0.1/16', scope: 'public' } } },
          ],
        },
      },
      {
        fvAp: {
          attributes: { name: 'ap' },
          children: [{ fvAEPg: { attributes: { name: 'epg' }, children: [{ fvRsBd: { attributes: { tnFvBDName: 'bd' } } }] } }],
        },
      },
    ]);
    const a = await c.post('/api/mo/uni/tn-w1.json', body);
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ totalCount: '0', imdata: [] });
    const sub = await c.get(
      '/api/mo/uni/tn-w1.json?query-target=subtree&target-subtree-class=fvTenant,fvCtx,fvBD,fvRsCtx,fvSubnet,fvAp,fvAEPg,fvRsBd',
    );
    expect(dns(sub).sort()).toEqual([
      'uni/tn-w1',
      'uni/tn-w1/BD-bd',
      'uni/tn-w1/BD-bd/rsctx',
      'uni/tn-w1/BD-bd/subnet-[10.2.0.1/16]',
      'uni/tn-w1/ap-ap',
      'uni/tn-w1/ap-ap/epg-epg',
      'uni/tn-w1/ap-ap/epg-epg/rsbd',
      'uni/tn-w1/ctx-vrf',
    ]);
    const subnet = only(await c.get('/api/mo/uni/tn-w1/BD-bd/subnet-[10.2.0.1/16].json'));
    expect(subnet).toMatchObject({ ip: '10.2.0.1/16', scope: 'public', status: '', childAction: '', lcOwn: 'local' });
    expect(subnet.modTs).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
  });

  it('accepts /api/node/mo, a body without naming properties (from the URL) and fills them in', async () => {
    expect((await c.post('/api/node/mo/uni/tn-w2.json', { fvTenant: { attributes: { descr: 'from url' } } })).status).toBe(200);
    expect(only(await c.get('/api/node/mo/uni/tn-w2.json'))).toMatchObject({ dn: 'uni/tn-w2', name: 'w2', descr: 'from url' });
    // Brackets and a placeholder after them: vlanns-[pool]-static.
    const pool = await c.post('/api/mo/uni/infra/vlanns-[w2-pool]-static.json', {
      fvnsVlanInstP: {
        attributes: { name: 'w2-pool', allocMode: 'static' },
        children: [{ fvnsEncapBlk: { attributes: { from: 'vlan-4001', to: 'vlan-4001' } } }],
      },
    });
    expect(pool.status).toBe(200);
    expect(dns(await c.get('/api/mo/uni/infra/vlanns-[w2-pool]-static.json?query-target=children'))).toEqual([
      'uni/infra/vlanns-[w2-pool]-static/from-[vlan-4001]-to-[vlan-4001]',
    ]);
  });

  it('accepts a child posted to its parent URL, as acc-provision does (uni/infra.json with an AEP inside)', async () => {
    const a = await c.post('/api/mo/uni/infra.json', { infraAttEntityP: { attributes: { name: 'via-parent' } } });
    expect(a.status).toBe(200);
    expect(only(await c.get('/api/mo/uni/infra/attentp-via-parent.json')).name).toBe('via-parent');
    const rel = await c.post('/api/mo/uni/tn-common/out-mykube_l3out/instP-mykube_extepg.json', {
      fvRsProv: { attributes: { tnVzBrCPName: 'c1' } },
    });
    expect(rel.status).toBe(200);
    expect(only(await c.get('/api/mo/uni/tn-common/out-mykube_l3out/instP-mykube_extepg/rsprov-c1.json'))).toMatchObject({
      state: 'missing-target',
    });
    // A fixed-RN class goes under the URL object too.
    expect((await c.post('/api/mo/uni/infra.json', { infraSetPol: { attributes: { opflexpUseSsl: 'no' } } })).status).toBe(200);
    expect(only(await c.get('/api/mo/uni/infra/settings.json')).opflexpUseSsl).toBe('no');
  });

  it('makes what an APIC makes on its own: tenant children, VMM controller inventory', async () => {
    await c.post('/api/mo/uni/tn-w6.json', tenant('w6'));
    expect(dns(await c.get('/api/mo/uni/tn-w6.json?query-target=children'))).toEqual([
      'uni/tn-w6/eptags',
      'uni/tn-w6/rsTenantMonPol',
      'uni/tn-w6/svcCont',
    ]);
    const dom = await c.post('/api/mo/uni/vmmp-Kubernetes/dom-w6.json', {
      vmmDomP: {
        attributes: { name: 'w6', mode: 'k8s' },
        children: [{ vmmCtrlrP: { attributes: { name: 'w6', mode: 'k8s', hostOrIp: '10.0.0.1' } } }],
      },
    });
    expect(dom.status).toBe(200);
    expect(only(await c.get('/api/mo/comp/prov-Kubernetes/ctrlr-[w6]-w6.json'))).toMatchObject({ domName: 'w6', hostOrIp: '10.0.0.1' });
    const info = await c.post('/api/node/mo/comp/prov-Kubernetes/ctrlr-[w6]-w6/injcont/info.json', {
      vmmInjectedClusterInfo: { attributes: { name: 'w6' } },
    });
    expect(info.status).toBe(200);
    await c.del('/api/mo/uni/vmmp-Kubernetes/dom-w6.json');
    expect((await c.get('/api/mo/comp/prov-Kubernetes/ctrlr-[w6]-w6/injcont/info.json')).body.totalCount).toBe('0');
  });

  it('accepts a whole polUni tree posted to /api/mo/uni.json (the Cobra SDK way)', async () => {
    const a = await c.post('/api/mo/uni.json', {
      polUni: { attributes: { dn: 'uni', status: 'modified' }, children: [tenant('cobra', [{ fvCtx: { attributes: { name: 'v' } } }])] },
    });
    expect(a.status).toBe(200);
    expect(only(await c.get('/api/mo/uni/tn-cobra/ctx-v.json')).name).toBe('v');
  });

  it('modifies in place (created,modified), honours created / modified / deleted', async () => {
    await c.post('/api/mo/uni/tn-w3.json', tenant('w3', [], { descr: 'one' }));
    await c.post('/api/mo/uni/tn-w3.json', tenant('w3', [], { descr: 'two', status: 'created,modified' }));
    expect(only(await c.get('/api/mo/uni/tn-w3.json')).descr).toBe('two');
    const dup = await c.post('/api/mo/uni/tn-w3.json', tenant('w3', [], { status: 'created' }));
    expect(dup.status).toBe(400);
    expect(errorOf(dup).code).toBe('103');
    const missing = await c.post('/api/mo/uni/tn-w3-none.json', tenant('w3-none', [], { status: 'modified' }));
    expect(missing.status).toBe(400);
    expect(errorOf(missing).code).toBe('102');
    await c.post('/api/mo/uni/tn-w3.json', tenant('w3', [{ fvCtx: { attributes: { name: 'gone' } } }]));
    await c.post('/api/mo/uni/tn-w3.json', tenant('w3', [{ fvCtx: { attributes: { name: 'gone', status: 'deleted' } } }]));
    expect((await c.get('/api/mo/uni/tn-w3/ctx-gone.json')).body.totalCount).toBe('0');
    // status deleted on an object whose parent is gone too: nothing to do, no error.
    expect((await c.post('/api/mo/uni/tn-nothere/ap-x.json', { fvAp: { attributes: { name: 'x', status: 'deleted' } } })).status).toBe(200);
  });

  it('DELETE removes the whole subtree; deleting what is absent is not an error', async () => {
    await c.post(
      '/api/mo/uni/tn-w4.json',
      tenant('w4', [{ fvAp: { attributes: { name: 'ap' }, children: [{ fvAEPg: { attributes: { name: 'e' } } }] } }]),
    );
    expect((await c.del('/api/mo/uni/tn-w4.json')).status).toBe(200);
    expect((await c.get('/api/mo/uni/tn-w4/ap-ap/epg-e.json')).body.totalCount).toBe('0');
    expect((await c.get('/api/class/fvAp.json?query-target-filter=wcard(fvAp.dn,"tn-w4/")')).body.totalCount).toBe('0');
    expect((await c.del('/api/mo/uni/tn-w4.json')).status).toBe(200);
  });

  it.each([
    [
      'an unknown class',
      '/api/mo/uni/tn-e1.json',
      { fvNoSuchClass: { attributes: { name: 'e1' } } },
      '122',
      'unknown managed object class fvNoSuchClass',
    ],
    ['an unknown property', '/api/mo/uni/tn-e1.json', tenant('e1', [], { colour: 'red' }), '121', 'unknown property colour'],
    [
      'a read-only property',
      '/api/mo/uni/tn-e1.json',
      tenant('e1', [{ fvCtx: { attributes: { name: 'v', pcTag: '5' } } }]),
      '121',
      'read-only',
    ],
    ['a DN that does not match the URL', '/api/mo/uni/tn-e1.json', tenant('e2'), '107', 'does not match the DN uni/tn-e1'],
    [
      'a dn attribute that does not match the URL',
      '/api/mo/uni/tn-e1.json',
      { fvTenant: { attributes: { dn: 'uni/tn-zz' } } },
      '107',
      'uni/tn-zz',
    ],
    [
      'a child the parent cannot hold',
      '/api/mo/uni/tn-e1.json',
      tenant('e1', [{ fvAEPg: { attributes: { name: 'x' } } }]),
      '105',
      'cannot be a child of class fvTenant',
    ],
    ['a parent that does not exist', '/api/mo/uni/tn-nope/ap-x.json', { fvAp: { attributes: { name: 'x' } } }, '105', 'does not exist'],
    [
      'an invalid name',
      '/api/mo/uni/tn-e1.json',
      tenant('e1', [{ fvCtx: { attributes: { name: 'bad name!' } } }]),
      '120',
      'must be 1 to 64',
    ],
    [
      'an invalid VLAN',
      '/api/mo/uni/infra/attentp-e1.json',
      {
        infraAttEntityP: {
          attributes: { name: 'e1' },
          children: [
            {
              infraGeneric: {
                attributes: { name: 'default' },
                children: [{ infraRsFuncToEpg: { attributes: { tDn: 'uni/tn-x/ap-y/epg-z', encap: 'vlan-5000' } } }],
              },
            },
          ],
        },
      },
      '120',
      'VLAN from 1 to 4094',
    ],
    ['an invalid status', '/api/mo/uni/tn-e1.json', tenant('e1', [], { status: 'renamed' }), '120', 'invalid status'],
    ['a body that is not one object', '/api/mo/uni/tn-e1.json', { a: {}, b: {} }, '400', 'exactly one key'],
  ])('refuses %s with 400 and the APIC error body, changing nothing', async (_what, path, body, code, text) => {
    const a = await c.post(path, body);
    expect(a.status).toBe(400);
    expect(a.body.totalCount).toBe('1');
    expect(errorOf(a).code).toBe(code);
    expect(errorOf(a).text).toContain(text);
    expect((await c.get('/api/mo/uni/tn-e1.json')).body.totalCount).toBe('0');
  });

  it('refuses a body that is not JSON', async () => {
    const a = await c.post('/api/mo/uni/tn-e3.json', '{"fvTenant": ');
    expect(a.status).toBe(400);
    expect(errorOf(a).text).toContain('not valid JSON');
  });

  it('is all or nothing: a bad grandchild leaves no trace of its valid siblings or parents', async () => {
    const body = tenant('atomic', [
      { fvCtx: { attributes: { name: 'ok' } } },
      { fvBD: { attributes: { name: 'bd' }, children: [{ fvSubnet: { attributes: { ip: '10.0.0.1/24', bogus: '1' } } }] } },
    ]);
    const a = await c.post('/api/mo/uni/tn-atomic.json', body);
    expect(a.status).toBe(400);
    expect((await c.get('/api/mo/uni/tn-atomic.json')).body.totalCount).toBe('0');
    expect((await c.get('/api/class/fvCtx.json?query-target-filter=eq(fvCtx.dn,"uni/tn-atomic/ctx-ok")')).body.totalCount).toBe('0');
    // The same for a modification of existing objects.
    await c.post('/api/mo/uni/tn-w5.json', tenant('w5', [], { descr: 'before' }));
    await c.post('/api/mo/uni/tn-w5.json', tenant('w5', [{ fvCtx: { attributes: { name: 'v', nope: 'x' } } }], { descr: 'after' }));
    expect(only(await c.get('/api/mo/uni/tn-w5.json')).descr).toBe('before');
  });

  it('shows relations with their resolution: formed or missing-target', async () => {
    await c.post(
      '/api/mo/uni/tn-r1.json',
      tenant('r1', [
        { fvCtx: { attributes: { name: 'mine' } } },
        { fvBD: { attributes: { name: 'local' }, children: [{ fvRsCtx: { attributes: { tnFvCtxName: 'mine' } } }] } },
        { fvBD: { attributes: { name: 'shared' }, children: [{ fvRsCtx: { attributes: { tnFvCtxName: 'mykube-vrf' } } }] } },
        { fvBD: { attributes: { name: 'broken' }, children: [{ fvRsCtx: { attributes: { tnFvCtxName: 'nowhere' } } }] } },
      ]),
    );
    expect(only(await c.get('/api/mo/uni/tn-r1/BD-local/rsctx.json'))).toMatchObject({
      tDn: 'uni/tn-r1/ctx-mine',
      state: 'formed',
      tCl: 'fvCtx',
    });
    expect(only(await c.get('/api/mo/uni/tn-r1/BD-shared/rsctx.json'))).toMatchObject({
      tDn: 'uni/tn-common/ctx-mykube-vrf',
      state: 'formed',
    });
    expect(only(await c.get('/api/mo/uni/tn-r1/BD-broken/rsctx.json'))).toMatchObject({
      state: 'missing-target',
      tDn: 'uni/tn-r1/ctx-nowhere',
    });
    await c.post('/api/mo/uni/infra/attentp-kube-cluster.json', {
      infraAttEntityP: { attributes: { name: 'kube-cluster' }, children: [{ infraRsDomP: { attributes: { tDn: 'uni/phys-absent' } } }] },
    });
    expect(only(await c.get('/api/mo/uni/infra/attentp-kube-cluster/rsdomP-[uni/phys-absent].json'))).toMatchObject({
      state: 'missing-target',
      tDn: 'uni/phys-absent',
    });
    await c.post('/api/mo/uni/phys-absent.json', { physDomP: { attributes: { name: 'absent' } } });
    expect(only(await c.get('/api/mo/uni/infra/attentp-kube-cluster/rsdomP-[uni/phys-absent].json'))).toMatchObject({
      state: 'formed',
      tCl: 'physDomP',
    });
  });
});

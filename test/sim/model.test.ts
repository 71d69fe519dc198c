// The simulator answers by the ACI object model (src/aci/data): classes
// common clients write, value validation, write answers with what changed,
// class-aware filters, reads of known classes with no instance.
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

type Wire = Record<string, { attributes: Record<string, string>; children?: Wire[] }>;
/** Every [class, dn, status] of a nested answer. */
function statuses(imdata: Wire[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  const walk = (w: Wire) => {
    for (const [cls, body] of Object.entries(w)) {
      out.push([cls, body.attributes.dn ?? '', body.attributes.status ?? '']);
      for (const ch of body.children ?? []) walk(ch);
    }
  };
  imdata.forEach(walk);
  return out;
}

describe('write answers (rsp-subtree=modified|full)', () => {
  it('reports created, then nothing, then modified, then deleted objects', async () => {
    const body = { fvTenant: { attributes: { name: 'm1' }, children: [{ fvBD: { attributes: { name: 'bd', arpFlood: 'yes' } } }] } };
    const created = await c.post('/api/mo/uni/tn-m1.json?rsp-subtree=modified', body);
    expect(created.status).toBe(200);
    const s = statuses(created.body.imdata);
    expect(s).toContainEqual(['fvTenant', 'uni/tn-m1', 'created']);
    expect(s).toContainEqual(['fvBD', 'uni/tn-m1/BD-bd', 'created']);
    expect(created.body.imdata).toHaveLength(1);

    const again = await c.post('/api/mo/uni/tn-m1.json?rsp-subtree=modified', body);
    expect(again.body).toEqual({ totalCount: '0', imdata: [] });

    const changed = await c.post('/api/mo/uni/tn-m1/BD-bd.json?rsp-subtree=modified', { fvBD: { attributes: { arpFlood: 'no' } } });
    expect(changed.body.imdata).toEqual([
      { fvBD: { attributes: expect.objectContaining({ dn: 'uni/tn-m1/BD-bd', arpFlood: 'no', status: 'modified' }) } },
    ]);

    // A change below the URL's object comes nested in it.
    const nested = await c.post('/api/mo/uni/tn-m1.json?rsp-subtree=modified', {
      fvTenant: { attributes: { name: 'm1' }, children: [{ fvBD: { attributes: { name: 'bd', arpFlood: 'yes' } } }] },
    });
    expect(statuses(nested.body.imdata)).toEqual([
      ['fvTenant', 'uni/tn-m1', ''],
      ['fvBD', 'uni/tn-m1/BD-bd', 'modified'],
    ]);

    const deleted = await c.request('DELETE', '/api/mo/uni/tn-m1.json?rsp-subtree=modified');
    expect(statuses(deleted.body.imdata)).toEqual([['fvTenant', 'uni/tn-m1', 'deleted']]);
  });

  it('answers the whole object after the write with rsp-subtree=full, nothing by default', async () => {
    const body = { fvTenant: { attributes: { name: 'm2', descr: 'x' }, children: [{ fvCtx: { attributes: { name: 'v' } } }] } };
    expect((await c.post('/api/mo/uni/tn-m2.json', body)).body).toEqual({ totalCount: '0', imdata: [] });
    const full = await c.post('/api/mo/uni/tn-m2.json?rsp-subtree=full', { fvTenant: { attributes: { descr: 'y' } } });
    expect(full.body.imdata[0].fvTenant.attributes).toMatchObject({ dn: 'uni/tn-m2', descr: 'y' });
    expect(statuses(full.body.imdata)).toContainEqual(['fvCtx', 'uni/tn-m2/ctx-v', '']);
  });
});

describe('classes of the object model', () => {
  it('writes classes broad clients use (access policies, L3Out nodes, BGP peers, taboos, ESGs, AAA)', async () => {
    const posts: [string, unknown][] = [
      ['/api/mo/uni/infra/nprof-leafs.json', { infraNodeP: { attributes: { name: 'leafs' } } }],
      ['/api/mo/uni/infra/accportprof-ports.json', { infraAccPortP: { attributes: { name: 'ports' } } }],
      ['/api/mo/uni/infra/lacplagp-lacp.json', { lacpLagPol: { attributes: { name: 'lacp', mode: 'active' } } }],
      ['/api/mo/uni/infra/funcprof/accportgrp-pg.json', { infraAccPortGrp: { attributes: { name: 'pg' } } }],
      ['/api/mo/uni/userext/domain-sd1.json', { aaaDomain: { attributes: { name: 'sd1' } } }],
      ['/api/mo/uni/tn-common/taboo-t.json', { vzTaboo: { attributes: { name: 't' } } }],
      [
        '/api/mo/uni/tn-common/ap-esgs.json',
        { fvAp: { attributes: { name: 'esgs' }, children: [{ fvESg: { attributes: { name: 'e1' } } }] } },
      ],
      [
        '/api/mo/uni/tn-common/out-mykube_l3out.json',
        {
          l3extOut: {
            attributes: { name: 'mykube_l3out' },
            children: [
              {
                l3extLNodeP: {
                  attributes: { name: 'np' },
                  children: [
                    { l3extRsNodeL3OutAtt: { attributes: { tDn: 'topology/pod-1/node-101', rtrId: '1.1.1.1' } } },
                    { bgpPeerP: { attributes: { addr: '10.0.0.9', ctrl: 'send-com,nh-self' } } },
                  ],
                },
              },
            ],
          },
        },
      ],
    ];
    for (const [path, body] of posts) {
      const a = await c.post(path, body);
      expect(a.status, `${path}: ${JSON.stringify(a.body)}`).toBe(200);
    }
    expect(only(await c.get('/api/mo/uni/tn-common/out-mykube_l3out/lnodep-np/peerP-[10.0.0.9].json'))).toMatchObject({
      addr: '10.0.0.9',
      ctrl: 'send-com,nh-self',
    });
    expect(dns(await c.get('/api/class/fvESg.json'))).toEqual(['uni/tn-common/ap-esgs/esg-e1']);
  });

  it('answers reads of known classes with no instance with 200 and nothing; unknown classes with 400', async () => {
    for (const cls of ['faultInst', 'fvCEp', 'healthInst', 'eventRecord', 'aaaModLR', 'vzTaboo']) {
      const a = await c.get(`/api/class/${cls}.json?query-target-filter=eq(${cls}.dn,"none")`);
      expect(a.status, cls).toBe(200);
      expect(a.body).toEqual({ totalCount: '0', imdata: [] });
    }
    const bad = await c.get('/api/class/fvNoSuchClass.json');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).text).toContain('unresolved class for fvNoSuchClass');
  });

  it('refuses writes of classes only the APIC makes, and unknown classes', async () => {
    const fault = await c.post('/api/mo/uni/tn-common.json', { faultInst: { attributes: { code: 'F0001' } } });
    expect(fault.status).toBe(400);
    expect(errorOf(fault)).toMatchObject({ code: '122' });
    const unknown = await c.post('/api/mo/uni/tn-common.json', { fvBogus: { attributes: { name: 'x' } } });
    expect(errorOf(unknown)).toEqual({ code: '122', text: 'unknown managed object class fvBogus' });
  });

  it('takes a bracketed naming value for an unbracketed one, and stores one spelling', async () => {
    await c.post('/api/mo/uni/tn-common.json', {
      fvTenant: {
        attributes: { name: 'common' },
        children: [{ l3extOut: { attributes: { name: 'o2' }, children: [{ l3extLNodeP: { attributes: { name: 'np' } } }] } }],
      },
    });
    const a = await c.post('/api/mo/uni/tn-common/out-o2/lnodep-np/lifp-[ip1].json', {
      l3extLIfP: { attributes: { dn: 'uni/tn-common/out-o2/lnodep-np/lifp-ip1', name: 'ip1' } },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(dns(await c.get('/api/mo/uni/tn-common/out-o2/lnodep-np/lifp-[ip1].json'))).toEqual(['uni/tn-common/out-o2/lnodep-np/lifp-ip1']);
    expect(dns(await c.get('/api/class/l3extLIfP.json'))).toEqual(['uni/tn-common/out-o2/lnodep-np/lifp-ip1']);
  });

  it('accepts the bracket-free RN some modules send for bracketed naming values', async () => {
    const a = await c.post('/api/mo/uni/tn-common/annotationKey-owner.json', {
      tagAnnotation: { attributes: { key: 'owner', value: 'team-a' } },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(only(await c.get('/api/mo/uni/tn-common/annotationKey-owner.json'))).toMatchObject({ key: 'owner', value: 'team-a' });
    expect(only(await c.get('/api/mo/uni/tn-common/annotationKey-[owner].json')).dn).toBe('uni/tn-common/annotationKey-[owner]');
  });
});

describe('value validation', () => {
  const refused = async (path: string, body: unknown, words: string[]) => {
    const a = await c.post(path, body);
    expect(a.status, JSON.stringify(body)).toBe(400);
    const e = errorOf(a);
    expect(e.code).toBe('120');
    for (const w of words) expect(e.text).toContain(w);
  };
  it('refuses values outside a property type, naming the property, the object and the rule', async () => {
    await c.post('/api/mo/uni/tn-v.json', {
      fvTenant: { attributes: { name: 'v' }, children: [{ fvBD: { attributes: { name: 'bd' } } }] },
    });
    await refused('/api/mo/uni/tn-v/BD-bd.json', { fvBD: { attributes: { arpFlood: 'maybe' } } }, [
      'arpFlood',
      'uni/tn-v/BD-bd',
      '"maybe"',
      'no, yes',
    ]);
    await refused('/api/mo/uni/tn-v/BD-bd.json', { fvBD: { attributes: { mtu: 'abc' } } }, ['mtu', 'inherit or a number from 576 to 9216']);
    await refused(
      '/api/mo/uni/tn-v/BD-bd.json',
      { fvBD: { attributes: { name: 'bd' }, children: [{ fvSubnet: { attributes: { ip: 'not-an-ip' } } }] } },
      ['ip', 'IPv4 or IPv6'],
    );
    await refused(
      '/api/mo/uni/tn-v/BD-bd.json',
      { fvBD: { attributes: { name: 'bd' }, children: [{ fvSubnet: { attributes: { ip: '10.0.0.1/24', scope: 'public,bogus' } } }] } },
      ['scope', 'subset'],
    );
    await refused('/api/mo/uni/infra.json', { fvnsVlanInstP: { attributes: { name: 'p', allocMode: 'bogus' } } }, [
      'allocMode',
      'dynamic, static',
    ]);
    const pool = { name: 'p', allocMode: 'static' };
    await refused(
      '/api/mo/uni/infra.json',
      { fvnsVlanInstP: { attributes: pool, children: [{ fvnsEncapBlk: { attributes: { from: 'vlan-5000', to: 'vlan-5001' } } }] } },
      ['from', 'vlan-N (1-4094)'],
    );
    const range = await c.post('/api/mo/uni/infra.json', {
      fvnsVlanInstP: { attributes: pool, children: [{ fvnsEncapBlk: { attributes: { from: 'vlan-20', to: 'vlan-10' } } }] },
    });
    expect(range.status).toBe(400);
    expect(errorOf(range).text).toContain('from vlan-20 must not be greater than to vlan-10');
    // Nothing of a refused request stays.
    expect((await c.get('/api/mo/uni/infra/vlanns-[p]-static.json')).body.imdata).toEqual([]);
    const bd = only(await c.get('/api/mo/uni/tn-v/BD-bd.json'));
    expect(bd.arpFlood).toBeUndefined();
  });

  it('takes good values, including aaaUser pwdLifeTime and pwdUpdateRequired', async () => {
    const ok = await c.post('/api/mo/uni/tn-v/BD-bd.json', {
      fvBD: { attributes: { arpFlood: 'yes', mtu: '9000', mac: '00:22:BD:F8:19:FE' } },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const user = await c.post('/api/mo/uni/userext/user-u1.json', {
      aaaUser: { attributes: { name: 'u1', pwd: 'Pw-123456!', pwdLifeTime: '90', pwdUpdateRequired: 'no' } },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(200);
    expect(only(await c.get('/api/mo/uni/userext/user-u1.json'))).toMatchObject({ pwdLifeTime: '90', pwdUpdateRequired: 'no' });
    await refused('/api/mo/uni/userext/user-u1.json', { aaaUser: { attributes: { pwdLifeTime: '9999' } } }, ['pwdLifeTime', '0 to 3650']);
  });
});

describe('filters by class', () => {
  it('applies a class.property term to objects of that class only', async () => {
    await c.post('/api/mo/uni/tn-f.json', {
      fvTenant: {
        attributes: { name: 'f' },
        children: [{ fvAp: { attributes: { name: 'ap1' }, children: [{ fvAEPg: { attributes: { name: 'ap1' } } }] } }],
      },
    });
    const a = await c.get('/api/mo/uni/tn-f.json?query-target=subtree&query-target-filter=eq(fvAEPg.name,"ap1")');
    expect(dns(a)).toEqual(['uni/tn-f/ap-ap1/epg-ap1']);
    const b = await c.get('/api/mo/uni/tn-f.json?query-target=subtree&query-target-filter=or(eq(fvAp.name,"ap1"),eq(fvAEPg.name,"none"))');
    expect(dns(b)).toEqual(['uni/tn-f/ap-ap1']);
  });
  it('refuses unknown properties in filters and order-by, and unknown classes in filters', async () => {
    const f = await c.get('/api/class/fvBD.json?query-target-filter=eq(fvBD.bogus,"x")');
    expect(f.status).toBe(400);
    expect(errorOf(f).text).toContain('unknown property bogus of class fvBD');
    const o = await c.get('/api/class/fvBD.json?order-by=fvBD.bogus|desc');
    expect(o.status).toBe(400);
    const u = await c.get('/api/class/fvBD.json?query-target-filter=eq(fvNope.name,"x")');
    expect(errorOf(u).text).toContain('unresolved class for fvNope');
    expect((await c.get('/api/class/fvBD.json?order-by=fvBD.name|desc')).status).toBe(200);
  });
  it('answers rsp-subtree-include=health, faults and count', async () => {
    const h = await c.get('/api/mo/uni/tn-f.json?rsp-subtree-include=health');
    expect(h.body.imdata[0].fvTenant.children).toEqual([
      { healthInst: { attributes: expect.objectContaining({ dn: 'uni/tn-f/health', cur: '100' }) } },
    ]);
    const f = await c.get('/api/mo/uni/tn-f.json?rsp-subtree-include=faults');
    expect(f.status).toBe(200);
    expect(dns(f)).toEqual(['uni/tn-f']);
    const n = await c.get('/api/class/fvAEPg.json?rsp-subtree-include=count&query-target-filter=eq(fvAEPg.name,"ap1")');
    expect(n.body.imdata[0].moCount.attributes.count).toBe('1');
    expect((await c.get('/api/class/fvBD.json?rsp-subtree-include=bogus')).status).toBe(400);
  });
});

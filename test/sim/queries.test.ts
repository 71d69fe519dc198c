import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { Client, dns, errorOf, only, simWithClient } from './helpers.js';

let sim: RunningSim;
let c: Client;
beforeAll(async () => {
  ({ sim, client: c } = await simWithClient());
  // tn-q with 5 BDs (mtu 1000..5000) and an AP.
  const bds = [1, 2, 3, 4, 5].map((i) => ({
    fvBD: {
      attributes: { name: `bd${i}`, mtu: String(i * 1000), arpFlood: i % 2 ? 'yes' : 'no' },
      children: [{ fvRsCtx: { attributes: { tnFvCtxName: 'v' } } }],
    },
  }));
  const r = await c.post('/api/mo/uni/tn-q.json', {
    fvTenant: {
      attributes: { name: 'q' },
      children: [{ fvCtx: { attributes: { name: 'v' } } }, ...bds, { fvAp: { attributes: { name: 'ap' } } }],
    },
  });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await sim.close();
});

const bdNames = (a: { body: { imdata: { fvBD: { attributes: { name: string } } }[] } }) => a.body.imdata.map((w) => w.fvBD.attributes.name);

describe('apic-sim reads', () => {
  it('answers the exact queries acc-provision sends: infra VLAN and APIC version', async () => {
    const infra = await c.get('/api/node/mo/uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default].json');
    expect(infra.body.imdata[0].infraRsFuncToEpg.attributes.encap).toBe('vlan-4093');
    const fw = await c.get('/api/node/class/firmwareCtrlrRunning.json');
    expect(fw.body.totalCount).toBe('1');
    expect(fw.body.imdata[0].firmwareCtrlrRunning.attributes.version).toBe('5.2(7f)');
    // Prerequisites of the sample configuration.
    expect(only(await c.get('/api/mo/uni/infra/attentp-kube-cluster.json')).name).toBe('kube-cluster');
    expect(only(await c.get('/api/mo/uni/tn-common/ctx-mykube-vrf.json')).name).toBe('mykube-vrf');
    expect(only(await c.get('/api/mo/uni/tn-common/out-mykube_l3out/rsectx.json?query-target=self'))).toMatchObject({
      tnFvCtxName: 'mykube-vrf',
      state: 'formed',
    });
    expect(dns(await c.get('/api/mo/uni/tn-common/out-mykube_l3out.json?query-target=children&target-subtree-class=l3extInstP'))).toEqual([
      'uni/tn-common/out-mykube_l3out/instP-mykube_extepg',
    ]);
    expect(only(await c.get('/api/node/mo/uni/fabric/bgpInstP-default/as.json')).asn).toBe('65000');
    expect((await c.get('/api/class/topSystem.json')).body.totalCount).toBe('4');
  });

  it('query-target self, children and subtree with target-subtree-class', async () => {
    expect(dns(await c.get('/api/mo/uni/tn-q.json'))).toEqual(['uni/tn-q']);
    const kids = dns(await c.get('/api/mo/uni/tn-q.json?query-target=children'));
    // 7 posted + the 3 every tenant has (eptags, rsTenantMonPol, svcCont).
    expect(kids).toHaveLength(10);
    expect(kids).toContain('uni/tn-q/eptags');
    expect(kids).not.toContain('uni/tn-q/BD-bd1/rsctx');
    const sub = await c.get('/api/mo/uni/tn-q.json?query-target=subtree&target-subtree-class=fvRsCtx,fvCtx');
    expect(sub.body.totalCount).toBe('6');
    expect(dns(sub)).toContain('uni/tn-q/BD-bd3/rsctx');
    expect((await c.get('/api/mo/uni/tn-q.json?query-target=subtree')).body.totalCount).toBe('16');
  });

  it('query-target-filter on class and mo queries', async () => {
    expect(bdNames(await c.get('/api/class/fvBD.json?query-target-filter=and(wcard(fvBD.dn,"tn-q/"),gt(fvBD.mtu,"3000"))')).sort()).toEqual(
      ['bd4', 'bd5'],
    );
    expect(
      bdNames(
        await c.get(
          '/api/mo/uni/tn-q.json?query-target=children&target-subtree-class=fvBD&query-target-filter=or(eq(fvBD.name,"bd1"),bw(fvBD.mtu,"2500","3500"))',
        ),
      ),
    ).toEqual(['bd1', 'bd3']);
    expect(
      bdNames(
        await c.get(
          '/api/mo/uni/tn-q.json?query-target=children&target-subtree-class=fvBD&query-target-filter=not(eq(fvBD.arpFlood,"yes"))',
        ),
      ),
    ).toEqual(['bd2', 'bd4']);
    const bad = await c.get('/api/class/fvBD.json?query-target-filter=eq(fvBD.name');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).text).toContain('query-target-filter');
  });

  it('class filters give the same answers whether SQLite or the matcher decides (eq, literal and regex wcard, or)', async () => {
    const names = async (f: string) => bdNames(await c.get(`/api/class/fvBD.json?query-target-filter=${encodeURIComponent(f)}`)).sort();
    expect(await names('and(eq(fvBD.name,"bd2"),wcard(fvBD.dn,"tn-q/"))')).toEqual(['bd2']);
    expect(await names('and(wcard(fvBD.dn,"tn-q/"),or(eq(fvBD.name,"bd1"),eq(fvBD.name,"bd5")))')).toEqual(['bd1', 'bd5']);
    expect(await names('and(wcard(fvBD.dn,"^uni/tn-q/BD-bd[34]$"),ne(fvBD.arpFlood,"no"))')).toEqual(['bd3']);
    expect(await names('and(eq(fvBD.dn,"uni/tn-q/BD-bd4"),eq(fvBD.mtu,"4000"))')).toEqual(['bd4']);
    expect(await names('and(eq(fvBD.dn,"uni/tn-q/BD-bd4"),eq(fvBD.mtu,"4000.0"))')).toEqual([]);
  });

  it('GET /api/tag/TAG.json lists the tagged objects', async () => {
    await c.post('/api/mo/uni/tn-q/BD-bd1.json', {
      fvBD: { attributes: { name: 'bd1' }, children: [{ tagInst: { attributes: { name: 'mykube-0123' } } }] },
    });
    await c.post('/api/mo/uni/tn-q/ap-ap.json', {
      fvAp: { attributes: { name: 'ap' }, children: [{ tagInst: { attributes: { name: 'mykube-0123' } } }] },
    });
    expect(dns(await c.get('/api/tag/mykube-0123.json')).sort()).toEqual(['uni/tn-q/BD-bd1', 'uni/tn-q/ap-ap']);
    expect((await c.get('/api/tag/none.json')).body).toEqual({ totalCount: '0', imdata: [] });
  });

  it('rsp-subtree children and full, with rsp-subtree-class', async () => {
    const children = await c.get('/api/mo/uni/tn-q.json?rsp-subtree=children');
    expect(children.body.imdata[0].fvTenant.children).toHaveLength(10);
    expect(children.body.imdata[0].fvTenant.children.find((k: Record<string, unknown>) => k.fvBD).fvBD.children).toBeUndefined();
    const full = await c.get('/api/mo/uni/tn-q.json?rsp-subtree=full');
    const bd = full.body.imdata[0].fvTenant.children.find(
      (k: { fvBD?: { attributes: { name: string } } }) => k.fvBD?.attributes.name === 'bd2',
    );
    expect(bd.fvBD.children[0].fvRsCtx.attributes).toMatchObject({ tnFvCtxName: 'v', state: 'formed' });
    // Only relations, still hung under their BDs.
    const rels = await c.get('/api/mo/uni/tn-q.json?rsp-subtree=full&rsp-subtree-class=fvRsCtx');
    const top = rels.body.imdata[0].fvTenant.children;
    expect(top).toHaveLength(5);
    expect(top.every((k: Record<string, { children: unknown[] }>) => k.fvBD && k.fvBD.children.length === 1)).toBe(true);
  });

  it('rsp-subtree-include=count counts the matches', async () => {
    const a = await c.get('/api/class/fvBD.json?query-target-filter=wcard(fvBD.dn,"uni/tn-q/")&rsp-subtree-include=count');
    expect(a.body).toEqual({ totalCount: '1', imdata: [{ moCount: { attributes: { childAction: '', count: '5', dn: '', status: '' } } }] });
  });

  it('rsp-prop-include naming-only and config-only', async () => {
    expect(only(await c.get('/api/mo/uni/tn-q/BD-bd1.json?rsp-prop-include=naming-only'))).toEqual({ dn: 'uni/tn-q/BD-bd1', name: 'bd1' });
    const cfg = only(await c.get('/api/mo/uni/tn-q/BD-bd1.json?rsp-prop-include=config-only'));
    expect(cfg).toMatchObject({ name: 'bd1', mtu: '1000' });
    expect(cfg.modTs).toBeUndefined();
    expect(cfg.lcOwn).toBeUndefined();
    const all = only(await c.get('/api/mo/uni/tn-q/BD-bd1.json?rsp-prop-include=all'));
    expect(all.modTs).toBeDefined();
  });

  it('order-by, page and page-size, with totalCount before paging', async () => {
    const base = '/api/mo/uni/tn-q.json?query-target=children&target-subtree-class=fvBD';
    expect(bdNames(await c.get(`${base}&order-by=fvBD.mtu|desc`))).toEqual(['bd5', 'bd4', 'bd3', 'bd2', 'bd1']);
    const p1 = await c.get(`${base}&order-by=fvBD.name&page-size=2&page=1`);
    expect(bdNames(p1)).toEqual(['bd3', 'bd4']);
    expect(p1.body.totalCount).toBe('5');
    expect(bdNames(await c.get(`${base}&order-by=fvBD.name&page-size=2&page=2`))).toEqual(['bd5']);
    expect((await c.get(`${base}&page-size=0`)).status).toBe(400);
  });

  it('answers an absent DN with no objects, an unknown class with 400', async () => {
    expect((await c.get('/api/mo/uni/tn-absent.json')).body).toEqual({ totalCount: '0', imdata: [] });
    const bad = await c.get('/api/class/fvNoSuch.json');
    expect(bad.status).toBe(400);
    expect(errorOf(bad).text).toContain('unresolved class for fvNoSuch');
    expect((await c.get('/api/class/fvBD.json?query-target=sideways')).status).toBe(400);
  });
});

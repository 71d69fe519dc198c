// Paging and counting answered from the class index, and large class reads
// answered slice by slice: the same answers as reading everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { Client, dns, simWithClient } from './helpers.js';

let sim: RunningSim;
let c: Client;
const N = 2500;
const bdDn = (i: number) => `uni/tn-p/BD-bd${String(i).padStart(5, '0')}`;
beforeAll(async () => {
  ({ sim, client: c } = await simWithClient());
  await c.post('/api/mo/uni/tn-p.json', { fvTenant: { attributes: { name: 'p' } } });
  sim.store.transaction(() => {
    for (let i = 0; i < N; i++) {
      const dn = bdDn(i);
      sim.store.put({
        dn,
        className: 'fvBD',
        parent: 'uni/tn-p',
        attrs: { dn, name: `bd${String(i).padStart(5, '0')}`, arpFlood: i % 2 ? 'yes' : 'no' },
      });
    }
  });
});
afterAll(async () => {
  await sim.close();
});

const bds = (a: { body: { imdata: unknown[] } }) => dns(a as never).filter((d: string) => d.startsWith('uni/tn-p/'));

describe('paging and counting by index', () => {
  it('pages in DN order with the total of the class', async () => {
    const all = await c.get('/api/class/fvBD.json');
    const total = Number(all.body.totalCount);
    expect(total).toBeGreaterThanOrEqual(N);
    const page = await c.get('/api/class/fvBD.json?page-size=100&page=3');
    expect(page.body.totalCount).toBe(String(total));
    expect(dns(page)).toEqual(dns(all).slice(300, 400));
    const last = await c.get(`/api/class/fvBD.json?page-size=100&page=${Math.floor(total / 100)}`);
    expect(dns(last)).toEqual(dns(all).slice(Math.floor(total / 100) * 100));
  });
  it('pages and counts a filtered class exactly', async () => {
    const f = 'query-target-filter=and(eq(fvBD.arpFlood,"yes"),wcard(fvBD.dn,"tn-p/"))';
    const n = await c.get(`/api/class/fvBD.json?rsp-subtree-include=count&${f}`);
    expect(n.body.imdata[0].moCount.attributes.count).toBe(String(N / 2));
    const page = await c.get(`/api/class/fvBD.json?page-size=10&page=2&${f}`);
    expect(page.body.totalCount).toBe(String(N / 2));
    expect(dns(page)).toEqual(Array.from({ length: 10 }, (_, k) => bdDn(2 * (20 + k) + 1)));
    // A term about another class matches nothing, counted or paged.
    const other = await c.get('/api/class/fvBD.json?rsp-subtree-include=count&query-target-filter=eq(fvCtx.name,"bd00001")');
    expect(other.body.imdata[0].moCount.attributes.count).toBe('0');
  });
  it('keeps class counts through creations and deletions', async () => {
    const count = async () =>
      Number((await c.get('/api/class/fvBD.json?rsp-subtree-include=count')).body.imdata[0].moCount.attributes.count);
    const before = await count();
    await c.post('/api/mo/uni/tn-q.json', {
      fvTenant: { attributes: { name: 'q' }, children: [{ fvBD: { attributes: { name: 'a' } } }, { fvBD: { attributes: { name: 'b' } } }] },
    });
    expect(await count()).toBe(before + 2);
    await c.del('/api/mo/uni/tn-q.json');
    expect(await count()).toBe(before);
    expect(Number((await c.get('/api/class/fvBD.json?page-size=1')).body.totalCount)).toBe(before);
  });

  it('answers a large class read in full, in DN order, with its children when asked', async () => {
    const all = await c.get('/api/class/fvBD.json');
    const got = bds(all);
    expect(got).toEqual(Array.from({ length: N }, (_, i) => bdDn(i)));
    expect(all.body.imdata).toHaveLength(Number(all.body.totalCount));
    const yes = await c.get('/api/class/fvBD.json?query-target-filter=eq(fvBD.arpFlood,"yes")&rsp-prop-include=naming-only');
    expect(yes.body.totalCount).toBe(String(yes.body.imdata.length));
    expect(yes.body.imdata[0].fvBD.attributes).toEqual({ dn: bdDn(1), name: 'bd00001' });
  });
});

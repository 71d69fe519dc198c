import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningSim } from '../../src/sim/server.js';
import { errorOf, simWithClient } from './helpers.js';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Opens /socket<TOKEN> and collects the pushed messages. */
async function openSocket(url: string, token: string): Promise<{ ws: WebSocket; messages: any[]; next: (n: number) => Promise<any[]> }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket${token}`, { rejectUnauthorized: false });
  const messages: any[] = [];
  const waiters: { n: number; resolve: (m: any[]) => void }[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(String(d)));
    for (const w of [...waiters]) if (messages.length >= w.n) w.resolve(messages.slice(0, w.n));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next = (n: number) =>
    new Promise<any[]>((resolve) => (messages.length >= n ? resolve(messages.slice(0, n)) : waiters.push({ n, resolve })));
  return { ws, messages, next };
}

describe('apic-sim subscriptions', () => {
  it('pushes created, modified and deleted events for a subtree subscription', async () => {
    const r = await simWithClient();
    sim = r.sim;
    const c = r.client;
    const sock = await openSocket(sim.url, c.token!);
    const sub = await c.get('/api/mo/uni/tn-common.json?query-target=subtree&target-subtree-class=fvBD&subscription=yes');
    expect(sub.status).toBe(200);
    const id = sub.body.subscriptionId;
    expect(id).toMatch(/^\d+$/);
    expect(sub.body.totalCount).toBe('1'); // BD-default
    await c.post('/api/mo/uni/tn-common/BD-s1.json', { fvBD: { attributes: { name: 's1' } } });
    await c.post('/api/mo/uni/tn-other.json', {
      fvTenant: { attributes: { name: 'other' }, children: [{ fvBD: { attributes: { name: 'x' } } }] },
    }); // outside the subscription
    await c.post('/api/mo/uni/tn-common/BD-s1.json', { fvBD: { attributes: { name: 's1', arpFlood: 'yes' } } });
    await c.del('/api/mo/uni/tn-common/BD-s1.json');
    const [created, modified, deleted] = await sock.next(3);
    expect(created.subscriptionId).toEqual([id]);
    expect(created.imdata[0].fvBD.attributes).toMatchObject({ dn: 'uni/tn-common/BD-s1', name: 's1', status: 'created' });
    expect(modified.imdata[0].fvBD.attributes).toMatchObject({ dn: 'uni/tn-common/BD-s1', arpFlood: 'yes', status: 'modified' });
    expect(modified.imdata[0].fvBD.attributes.name).toBeUndefined();
    expect(deleted.imdata[0].fvBD.attributes).toMatchObject({ dn: 'uni/tn-common/BD-s1', status: 'deleted' });
    expect(sock.messages).toHaveLength(3);
    sock.ws.close();
  });

  it('class subscriptions with a filter; subscriptionRefresh keeps them, expiry ends them', async () => {
    let now = Date.now();
    const r = await simWithClient({ clock: () => now, refreshTimeoutSeconds: 100_000 });
    sim = r.sim;
    const c = r.client;
    const sock = await openSocket(sim.url, c.token!);
    const sub = await c.get('/api/class/fvTenant.json?query-target-filter=wcard(fvTenant.name,"^k8s")&subscription=yes&refresh-timeout=60');
    const id = sub.body.subscriptionId;
    await c.post('/api/mo/uni/tn-plain.json', { fvTenant: { attributes: { name: 'plain' } } });
    await c.post('/api/mo/uni/tn-k8s-a.json', { fvTenant: { attributes: { name: 'k8s-a' } } });
    const [first] = await sock.next(1);
    expect(first.imdata[0].fvTenant.attributes.name).toBe('k8s-a');
    now += 50_000;
    expect((await c.get(`/api/subscriptionRefresh.json?id=${id}`)).status).toBe(200);
    now += 50_000;
    await c.post('/api/mo/uni/tn-k8s-b.json', { fvTenant: { attributes: { name: 'k8s-b' } } });
    const [, second] = await sock.next(2);
    expect(second.imdata[0].fvTenant.attributes.name).toBe('k8s-b');
    now += 61_000;
    const late = await c.get(`/api/subscriptionRefresh.json?id=${id}`);
    expect(late.status).toBe(400);
    expect(errorOf(late).text).toContain('expired');
    sock.ws.close();
  });

  it('refuses a websocket without a live session token', async () => {
    const r = await simWithClient();
    sim = r.sim;
    await expect(openSocket(sim.url, 'bogus')).rejects.toThrow(/403/);
  });
});

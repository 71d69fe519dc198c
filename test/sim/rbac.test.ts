// Roles and security domains decide what a user may read and write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { Client, dns, errorOf, simWithClient } from './helpers.js';

let sim: RunningSim;
let admin: Client;
beforeAll(async () => {
  ({ sim, client: admin } = await simWithClient());
  const user = (name: string, domains: [string, string, 'readPriv' | 'writePriv'][]) => ({
    aaaUser: {
      attributes: { name, pwd: `${name}-Pw-1!` },
      children: domains.map(([domain, role, privType]) => ({
        aaaUserDomain: { attributes: { name: domain }, children: [{ aaaUserRole: { attributes: { name: role, privType } } }] },
      })),
    },
  });
  for (const body of [
    user('reader', [['all', 'read-all', 'readPriv']]),
    user('nobody', []),
    user('tadmin', [['sd1', 'tenant-admin', 'writePriv']]),
    user('aaa', [['all', 'aaa', 'writePriv']]),
  ]) {
    const a = await admin.post(`/api/mo/uni/userext/user-${body.aaaUser.attributes.name}.json`, body);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
  }
  expect((await admin.post('/api/mo/uni/userext/domain-sd1.json', { aaaDomain: { attributes: { name: 'sd1' } } })).status).toBe(200);
  expect(
    (
      await admin.post('/api/mo/uni/tn-t1.json', {
        fvTenant: { attributes: { name: 't1' }, children: [{ aaaDomainRef: { attributes: { name: 'sd1' } } }] },
      })
    ).status,
  ).toBe(200);
  expect((await admin.post('/api/mo/uni/tn-t2.json', { fvTenant: { attributes: { name: 't2' } } })).status).toBe(200);
});
afterAll(async () => {
  await sim.close();
});

async function as(name: string): Promise<Client> {
  const c = new Client(sim.url);
  const a = await c.login(name, `${name}-Pw-1!`);
  expect(a.status).toBe(200);
  return c;
}

describe('roles and security domains', () => {
  it('lets a read-only user read everything and write nothing, nor touch admin', async () => {
    const c = await as('reader');
    expect(dns(await c.get('/api/class/fvTenant.json'))).toEqual(expect.arrayContaining(['uni/tn-t1', 'uni/tn-t2', 'uni/tn-common']));
    const w = await c.post('/api/mo/uni/tn-t1.json', { fvTenant: { attributes: { descr: 'x' } } });
    expect(w.status).toBe(403);
    expect(errorOf(w).text).toContain('reader');
    expect((await c.post('/api/mo/uni/userext/user-admin.json', { aaaUser: { attributes: { pwd: 'Stolen-1!' } } })).status).toBe(403);
    expect((await c.del('/api/mo/uni/userext/user-admin.json')).status).toBe(403);
    expect((await new Client(sim.url).login('admin', 'Stolen-1!')).status).toBe(401);
  });

  it('shows a user with no role nothing and lets it write nothing', async () => {
    const c = await as('nobody');
    expect((await c.get('/api/class/fvTenant.json')).body).toEqual({ totalCount: '0', imdata: [] });
    expect((await c.get('/api/mo/uni/tn-t1.json')).body.imdata).toEqual([]);
    expect((await c.post('/api/mo/uni/tn-t3.json', { fvTenant: { attributes: { name: 't3' } } })).status).toBe(403);
    expect((await c.post('/sim/faults', { rules: [] })).status).toBe(403);
  });

  it('scopes a tenant administrator to the tenants of its security domain', async () => {
    const c = await as('tadmin');
    expect(dns(await c.get('/api/class/fvTenant.json'))).toEqual(['uni/tn-t1']);
    expect((await c.post('/api/mo/uni/tn-t1/BD-bd.json', { fvBD: { attributes: { name: 'bd' } } })).status).toBe(200);
    expect((await c.post('/api/mo/uni/tn-t2/BD-bd.json', { fvBD: { attributes: { name: 'bd' } } })).status).toBe(403);
    expect((await c.post('/api/mo/uni/infra/attentp-x.json', { infraAttEntityP: { attributes: { name: 'x' } } })).status).toBe(403);
    expect((await c.post('/api/mo/uni/userext/user-tadmin.json', { aaaUser: { attributes: { email: 'a@b.c' } } })).status).toBe(403);
    const login = await new Client(sim.url).login('tadmin', 'tadmin-Pw-1!');
    expect(login.body.imdata[0].aaaLogin.children).toEqual([
      { aaaUserDomain: { attributes: { name: 'sd1', rolesR: '', rolesW: 'tenant-admin' } } },
    ]);
  });

  it('lets an AAA administrator manage users, but nobody delete admin', async () => {
    const c = await as('aaa');
    expect((await c.post('/api/mo/uni/userext/user-reader.json', { aaaUser: { attributes: { email: 'r@example.com' } } })).status).toBe(
      200,
    );
    expect((await c.post('/api/mo/uni/tn-t1.json', { fvTenant: { attributes: { descr: 'x' } } })).status).toBe(403);
    for (const who of [c, admin]) {
      const d = await who.del('/api/mo/uni/userext/user-admin.json');
      expect(d.status).toBe(400);
      expect(errorOf(d).text).toContain('admin cannot be deleted');
      const s = await who.post('/api/mo/uni/userext.json', {
        aaaUserEp: { attributes: {}, children: [{ aaaUser: { attributes: { name: 'admin', status: 'deleted' } } }] },
      });
      expect(s.status).toBe(400);
    }
    expect((await admin.get('/api/mo/uni/userext/user-admin.json')).body.totalCount).toBe('1');
  });
});

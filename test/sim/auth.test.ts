import { createSign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { selfSignedCertificate } from '../../src/sim/tls.js';
import { Client, errorOf, PASSWORD, simWithClient } from './helpers.js';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('apic-sim login', () => {
  it('logs in over HTTPS, sets the APIC-cookie, and answers with the token', async () => {
    const r = await simWithClient();
    sim = r.sim;
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const c = new Client(sim.url);
    const a = await c.login();
    expect(a.status).toBe(200);
    const login = a.body.imdata[0].aaaLogin.attributes;
    expect(login.userName).toBe('admin');
    expect(login.refreshTimeoutSeconds).toBe('600');
    expect(a.headers.get('set-cookie')).toContain(`APIC-cookie=${login.token}`);
    // The cookie name is matched case-insensitively (the Python tool sends APIC-Cookie).
    const q = await c.request('GET', '/api/mo/uni/tn-common.json', undefined, { cookie: `APIC-Cookie=${login.token}` });
    expect(q.status).toBe(200);
    expect(q.body.totalCount).toBe('1');
  });

  it('refuses a wrong password with 401 and no token', async () => {
    ({ sim } = await simWithClient());
    const c = new Client(sim.url);
    const a = await c.login('admin', 'wrong');
    expect(a.status).toBe(401);
    expect(errorOf(a).code).toBe('401');
    expect(JSON.stringify(a.body)).not.toContain('wrong');
    expect((await c.login('nobody', PASSWORD)).status).toBe(401);
  });

  it('answers 403 with the APIC error body without a token or with a bad one', async () => {
    ({ sim } = await simWithClient());
    const c = new Client(sim.url);
    const none = await c.get('/api/class/fvTenant.json');
    expect(none.status).toBe(403);
    expect(none.body).toEqual({
      totalCount: '1',
      imdata: [{ error: { attributes: { code: '403', text: expect.stringContaining('APIC-Cookie') } } }],
    });
    c.token = 'not-a-token';
    const bad = await c.post('/api/mo/uni/tn-x.json', { fvTenant: { attributes: { name: 'x' } } });
    expect(bad.status).toBe(403);
    expect(errorOf(bad).text).toContain('Token was invalid');
  });

  it('expires an idle token, and aaaRefresh keeps it alive', async () => {
    let now = Date.now();
    const r = await simWithClient({ clock: () => now, refreshTimeoutSeconds: 60 });
    sim = r.sim;
    const c = r.client;
    now += 50_000;
    const refreshed = await c.get('/api/aaaRefresh.json');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.imdata[0].aaaLogin.attributes.token).toBe(c.token);
    now += 50_000; // 100 s after login, 50 s after the refresh
    expect((await c.get('/api/mo/uni.json')).status).toBe(200);
    now += 61_000;
    const expired = await c.get('/api/mo/uni.json');
    expect(expired.status).toBe(403);
    expect(errorOf(expired).text).toContain('Token timeout');
  });

  it('aaaLogout ends the session', async () => {
    const r = await simWithClient();
    sim = r.sim;
    expect((await r.client.post('/api/aaaLogout.json', { aaaUser: { attributes: { name: 'admin' } } })).status).toBe(200);
    expect((await r.client.get('/api/mo/uni.json')).status).toBe(403);
  });

  it('binds a session to its APIC-challenge when the login asked for one', async () => {
    ({ sim } = await simWithClient());
    const c = new Client(sim.url);
    const a = await c.login('admin', PASSWORD, '?gui-token-request=yes');
    const challenge = a.body.imdata[0].aaaLogin.attributes.urlToken;
    expect(challenge).toMatch(/^[0-9a-f]{48}$/);
    expect((await c.get('/api/mo/uni.json')).status).toBe(403);
    c.challenge = challenge;
    expect((await c.get('/api/mo/uni.json')).status).toBe(200);
  });

  it('logs one line per request, without bodies, cookies or query strings', async () => {
    const lines: string[] = [];
    const r = await simWithClient({ log: (l) => lines.push(l) });
    sim = r.sim;
    await r.client.get('/api/class/fvTenant.json?query-target-filter=eq(fvTenant.name,"secretish")');
    // The line is written when the response closes, which may be just after the client has read it.
    for (let i = 0; i < 200 && lines.length < 2; i++) await new Promise((res) => setTimeout(res, 10));
    expect(lines[0]).toMatch(/^POST \/api\/aaaLogin\.json 200 \d+ms$/);
    expect(lines[1]).toMatch(/^GET \/api\/class\/fvTenant\.json 200 \d+ms$/);
    expect(lines.join('\n')).not.toContain(PASSWORD);
    expect(lines.join('\n')).not.toContain(r.client.token!);
  });

  it('uses the stored admin password across restarts, and a random one when none is given', async () => {
    const fresh = await (await import('../../src/sim/server.js')).startSim({ listen: '127.0.0.1:0', http: true });
    sim = fresh;
    expect(fresh.url).toMatch(/^http:\/\//);
    expect(fresh.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const c = new Client(fresh.url);
    expect((await c.login('admin', fresh.generatedPassword)).status).toBe(200);
  });
});

describe('apic-sim certificate signatures', () => {
  async function signedSetup() {
    const r = await simWithClient();
    sim = r.sim;
    const pair = await selfSignedCertificate(['kube']);
    const created = await r.client.post('/api/node/mo/uni/userext/user-kube.json', {
      aaaUser: {
        attributes: { name: 'kube', accountStatus: 'active', pwd: 'Kube-pw-1!' },
        children: [
          { aaaUserCert: { attributes: { name: 'kube.crt', data: pair.cert } } },
          // The rights acc-provision gives the controller's user.
          {
            aaaUserDomain: {
              attributes: { name: 'all' },
              children: [{ aaaUserRole: { attributes: { name: 'admin', privType: 'writePriv' } } }],
            },
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    return { ...r, pair };
  }

  function signedCookies(key: string, method: string, path: string, body: string, certDn = 'uni/userext/user-kube/usercert-kube.crt') {
    const sig = createSign('RSA-SHA256')
      .update(method + path + body)
      .sign(key, 'base64');
    return `APIC-Request-Signature=${sig}; APIC-Certificate-Algorithm=v1.0; APIC-Certificate-Fingerprint=fingerprint; APIC-Certificate-DN=${certDn}`;
  }

  it('accepts a request signed with the key of the user certificate', async () => {
    const { pair } = await signedSetup();
    const c = new Client(sim!.url);
    const body = JSON.stringify({ fvTenant: { attributes: { name: 'signed' } } });
    const post = await c.request('POST', '/api/mo/uni/tn-signed.json', body, {
      cookie: signedCookies(pair.key, 'POST', '/api/mo/uni/tn-signed.json', body),
    });
    expect(post.status).toBe(200);
    const path = '/api/mo/uni/tn-signed.json?query-target=self';
    const get = await c.request('GET', path, undefined, { cookie: signedCookies(pair.key, 'GET', path, '') });
    expect(get.status).toBe(200);
    expect(get.body.imdata[0].fvTenant.attributes.name).toBe('signed');
  });

  it('refuses a signature over another request, by another key, or naming no certificate', async () => {
    const { pair } = await signedSetup();
    const other = await selfSignedCertificate(['other']);
    const c = new Client(sim!.url);
    const body = JSON.stringify({ fvTenant: { attributes: { name: 'evil' } } });
    const path = '/api/mo/uni/tn-evil.json';
    const tampered = await c.request('POST', path, body, { cookie: signedCookies(pair.key, 'POST', path, '{}') });
    expect(tampered.status).toBe(403);
    expect(errorOf(tampered).text).toContain('Signature verification failed');
    expect((await c.request('POST', path, body, { cookie: signedCookies(other.key, 'POST', path, body) })).status).toBe(403);
    const noCert = await c.request('POST', path, body, {
      cookie: signedCookies(pair.key, 'POST', path, body, 'uni/userext/user-kube/usercert-none'),
    });
    expect(noCert.status).toBe(403);
    const check = new Client(sim!.url);
    await check.login();
    expect((await check.get('/api/mo/uni/tn-evil.json')).body.totalCount).toBe('0');
  });

  it('never shows a password, and the new user can log in with it', async () => {
    const { client } = await signedSetup();
    const user = await client.get('/api/mo/uni/userext/user-kube.json?rsp-subtree=full');
    expect(JSON.stringify(user.body)).not.toContain('Kube-pw-1!');
    expect(user.body.imdata[0].aaaUser.attributes.pwd).toBeUndefined();
    const cert = await client.get('/api/mo/uni/userext/user-kube/usercert-kube.crt.json');
    expect(cert.body.imdata[0].aaaUserCert.attributes.fingerprint).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    expect((await new Client(sim!.url).login('kube', 'Kube-pw-1!')).status).toBe(200);
  });
});

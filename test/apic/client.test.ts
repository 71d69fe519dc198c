import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApicClient, retryMessage, type ApicClientOptions, type ApicRetryEvent } from '../../src/apic/client.js';
import { parseApicHost } from '../../src/apic/hosts.js';
import { normalizeApicVersion } from '../../src/apic/discovery.js';
import { ApicError, InputError } from '../../src/errors.js';
import { makeSelfSignedCert, type TestCert } from './support/cert.js';
import { apicError, FakeApic } from './support/fake-apic.js';

const PASSWORD = 'S3cr3t-Pa55-xyzzy';
let cert: TestCert;
let otherCert: TestCert;
let dir: string;
const servers: FakeApic[] = [];
const clients: ApicClient[] = [];

beforeAll(async () => {
  cert = await makeSelfSignedCert();
  otherCert = await makeSelfSignedCert();
  dir = mkdtempSync(join(tmpdir(), 'apic-client-'));
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

afterAll(() => undefined);

async function fake(opts: ConstructorParameters<typeof FakeApic>[1] = {}): Promise<FakeApic> {
  const s = await new FakeApic(cert, { password: PASSWORD, ...opts }).start();
  servers.push(s);
  return s;
}

function client(hosts: string[], opts: Partial<ApicClientOptions> = {}): ApicClient {
  const c = new ApicClient({ hosts, username: 'admin', password: PASSWORD, retryBaseDelayMs: 1, ...opts });
  clients.push(c);
  return c;
}

/** A port nothing listens on: bind one, note it, close it. */
async function deadPort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function expectNoPassword(e: unknown): void {
  expect(String((e as Error).message)).not.toContain(PASSWORD);
  expect(JSON.stringify(e)).not.toContain(PASSWORD);
  expect(String((e as Error).stack)).not.toContain(PASSWORD);
}

describe('APIC hosts', () => {
  it('defaults to https on 443 and accepts host:port and URLs', () => {
    expect(parseApicHost('apic1.example.com').origin).toBe('https://apic1.example.com:443');
    expect(parseApicHost('10.0.0.1:8443').origin).toBe('https://10.0.0.1:8443');
    expect(parseApicHost('[2001:db8::1]:444').origin).toBe('https://[2001:db8::1]:444');
    expect(parseApicHost('https://127.0.0.1:1234').origin).toBe('https://127.0.0.1:1234');
  });
  it('rejects an address with a path as an InputError naming the field', () => {
    expect(() => parseApicHost('https://apic/api', 'aci_config.apic_hosts[0]')).toThrow(InputError);
    try {
      parseApicHost('https://apic/api', 'aci_config.apic_hosts[0]');
    } catch (e) {
      expect((e as InputError).problems[0].field).toBe('aci_config.apic_hosts[0]');
    }
  });
});

describe('ApicClient login and session', () => {
  it('logs in once and sends the token as the APIC-cookie on later requests', async () => {
    const apic = await fake();
    apic.answers.set('/api/mo/uni/tn-common.json', {
      totalCount: '1',
      imdata: [{ fvTenant: { attributes: { dn: 'uni/tn-common', name: 'common' } } }],
    });
    const c = client([apic.url]);
    const mo = await c.getMo('uni/tn-common');
    expect(mo).toEqual({ className: 'fvTenant', attributes: { dn: 'uni/tn-common', name: 'common' }, children: [] });
    await c.getMo('uni/tn-common');
    const logins = apic.seen.filter((r) => r.path === '/api/aaaLogin.json');
    expect(logins).toHaveLength(1);
    expect(JSON.parse(logins[0].body)).toEqual({ aaaUser: { attributes: { name: 'admin', pwd: PASSWORD } } });
    const gets = apic.seen.filter((r) => r.path.startsWith('/api/mo/'));
    expect(gets.map((g) => g.cookie)).toEqual(['APIC-cookie=tok1', 'APIC-cookie=tok1']);
    expect(c.stats.logins).toBe(1);
  });

  it('answers missing objects with undefined', async () => {
    const apic = await fake();
    expect(await client([apic.url]).getMo('uni/tn-nothere')).toBeUndefined();
  });

  it('refreshes the token before it expires', async () => {
    const apic = await fake({ refreshTimeoutSeconds: 600 });
    let now = 1_000_000;
    const c = client([apic.url], { now: () => now });
    await c.get('/api/class/fvTenant.json');
    now += 590_000; // within the last minute of the token's life
    await c.get('/api/class/fvTenant.json');
    const paths = apic.seen.map((r) => `${r.method} ${r.path} ${r.cookie ?? ''}`.trim());
    expect(paths).toEqual([
      'POST /api/aaaLogin.json',
      'GET /api/class/fvTenant.json APIC-cookie=tok1',
      'GET /api/aaaRefresh.json APIC-cookie=tok1',
      'GET /api/class/fvTenant.json APIC-cookie=tok2',
    ]);
    expect(c.stats.refreshes).toBe(1);
  });

  it('logs in again when the APIC says the token is no longer valid', async () => {
    const apic = await fake();
    const c = client([apic.url]);
    await c.get('/api/class/fvTenant.json');
    apic.expireTokens();
    await c.get('/api/class/fvTenant.json');
    expect(apic.seen.filter((r) => r.path === '/api/aaaLogin.json')).toHaveLength(2);
    expect(apic.seen.at(-1)!.cookie).toBe('APIC-cookie=tok2');
  });

  it('fails a bad login with an ApicError that never shows the password', async () => {
    const apic = await fake({ password: 'the-right-one' });
    const c = client([apic.url]);
    const err = await c.get('/api/class/fvTenant.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect((err as ApicError).status).toBe(401);
    expect((err as ApicError).code).toBe('401');
    expect((err as Error).message).toMatch(/login .* failed: HTTP 401: APIC error 401: Username or password is incorrect/);
    expectNoPassword(err);
    // No retry on a refused login: it would only lock the account.
    expect(apic.seen.filter((r) => r.path === '/api/aaaLogin.json')).toHaveLength(1);
  });
});

describe('ApicClient errors, retries and fail-over', () => {
  it('parses the APIC error body into status, code and text, without retrying a 400', async () => {
    const apic = await fake();
    apic.inject('/api/mo/uni/tn-bad.json', { status: 400, body: apicError('103', "Property 'foo' of fvTenant failed validation") });
    const c = client([apic.url]);
    const err = (await c
      .post('uni/tn-bad', { className: 'fvTenant', attributes: { name: 'bad', foo: 'x' }, children: [] })
      .catch((e: unknown) => e)) as ApicError & { apicText?: string };
    expect(err).toBeInstanceOf(ApicError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('103');
    expect(err.apicText).toBe("Property 'foo' of fvTenant failed validation");
    expect(err.message).toContain("APIC error 103: Property 'foo' of fvTenant failed validation");
    expect(apic.seen.filter((r) => r.path === '/api/mo/uni/tn-bad.json')).toHaveLength(1);
    expectNoPassword(err);
  });

  it('retries a 503 with backoff and then succeeds', async () => {
    const apic = await fake();
    apic.inject('/api/mo/uni/tn-a.json', { status: 503 }, 2);
    const delays: number[] = [];
    const c = client([apic.url], { retryBaseDelayMs: 10, sleep: async (ms) => void delays.push(ms) });
    await c.post('uni/tn-a', { className: 'fvTenant', attributes: { name: 'a' }, children: [] });
    expect(apic.seen.filter((r) => r.path === '/api/mo/uni/tn-a.json')).toHaveLength(3);
    expect(delays).toEqual([10, 20]);
    expect(c.stats.retries).toBe(2);
  });

  it('gives up after maxRetries and says why', async () => {
    const apic = await fake();
    apic.inject('/api/mo/uni/tn-a.json', { status: 500 }, 10);
    const c = client([apic.url], { maxRetries: 2 });
    const err = await c.delete('uni/tn-a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect((err as Error).message).toMatch(/giving up after 3 attempts/);
    expect(apic.seen.filter((r) => r.path === '/api/mo/uni/tn-a.json')).toHaveLength(3);
    expectNoPassword(err);
  });

  it('fails over to the second APIC when the first refuses connections', async () => {
    const apic = await fake();
    const dead = await deadPort();
    const c = client([`127.0.0.1:${dead}`, apic.url]);
    expect(await c.get('/api/class/fvTenant.json')).toEqual([]);
    expect(c.currentHost).toBe(apic.url);
    expect(apic.seen.map((r) => r.path)).toEqual(['/api/aaaLogin.json', '/api/class/fvTenant.json']);
    // It stays on the APIC that answers.
    await c.get('/api/class/fvTenant.json');
    expect(c.stats.retries).toBe(1);
  });

  it('says what it retries as it goes, and gives up on refused connections within 20 s by default, naming every address tried', async () => {
    const [a, b] = [await deadPort(), await deadPort()];
    let clock = 0;
    const events: ApicRetryEvent[] = [];
    // Default backoff (1 s, doubling) and retries (5); a clock that sleeping moves.
    const c = client([`127.0.0.1:${a}`, `127.0.0.1:${b}`], {
      retryBaseDelayMs: undefined,
      maxRetries: 10,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      onRetry: (e) => events.push(e),
    });
    const err = await c.login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    // 1 + 2 + 4 + 8 s of waiting; the next wait (16 s) would pass 20 s.
    expect(events.map((e) => e.delayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(clock).toBeLessThanOrEqual(20_000);
    expect(events.map((e) => [e.host, e.nextHost])).toEqual([
      [`127.0.0.1:${a}`, `127.0.0.1:${b}`],
      [`127.0.0.1:${b}`, `127.0.0.1:${a}`],
      [`127.0.0.1:${a}`, `127.0.0.1:${b}`],
      [`127.0.0.1:${b}`, `127.0.0.1:${a}`],
    ]);
    expect(retryMessage(events[0])).toBe(
      `APIC 127.0.0.1:${a}: connection refused (ECONNREFUSED); trying 127.0.0.1:${b} in 1 s (attempt 2 of 11)`,
    );
    expect((err as Error).message).toBe(
      `POST /api/aaaLogin.json: giving up after 5 attempts in 15 s; tried 127.0.0.1:${a} (connection refused (ECONNREFUSED), 3 attempts), 127.0.0.1:${b} (connection refused (ECONNREFUSED), 2 attempts)`,
    );
    expectNoPassword(err);
  });

  it('the 20 s limit on refused connections is a setting, and does not cut 5xx retries short', async () => {
    const dead = await deadPort();
    let clock = 0;
    const c = client([`127.0.0.1:${dead}`], {
      retryBaseDelayMs: 1000,
      connectBudgetMs: 2500,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    });
    expect(String(await c.login().catch((e: unknown) => e))).toMatch(/giving up after 2 attempts/);
    const apic = await fake();
    apic.inject('/api/mo/uni/tn-a.json', { status: 503 }, 4);
    let clock2 = 0;
    const d = client([apic.url], { retryBaseDelayMs: 10_000, now: () => clock2, sleep: async (ms) => void (clock2 += ms) });
    await d.post('uni/tn-a', { className: 'fvTenant', attributes: { name: 'a' }, children: [] });
    expect(d.stats.retries).toBe(4);
  });

  it('moves parallel requests failing on one APIC to the next one only once', async () => {
    const apic = await fake();
    const dead = await deadPort();
    const c = client([`127.0.0.1:${dead}`, apic.url]);
    await Promise.all([1, 2, 3, 4].map(() => c.get('/api/class/fvTenant.json')));
    expect(c.currentHost).toBe(apic.url);
    expect(apic.seen.filter((r) => r.path === '/api/class/fvTenant.json')).toHaveLength(4);
    // Each request failed once, on the dead APIC, and none went back to it.
    expect(c.stats.retries).toBe(4);
  });

  it('times out a request that gets no answer, and retries it', async () => {
    const apic = await fake();
    apic.inject('/api/class/fvCtx.json', { hang: true }, 1);
    const events: string[] = [];
    const c = client([apic.url], { timeoutMs: 300, onRequest: (e) => events.push(e.failure ?? String(e.status)) });
    await c.get('/api/class/fvCtx.json');
    expect(apic.seen.filter((r) => r.path === '/api/class/fvCtx.json')).toHaveLength(2);
    expect(events.some((e) => e.includes('timed out') || e.includes('no answer'))).toBe(true);
  });

  it('times out with an ApicError when no retry is left', async () => {
    const apic = await fake();
    apic.inject('/api/class/fvCtx.json', { hang: true }, 5);
    const c = client([apic.url], { timeoutMs: 200, maxRetries: 0 });
    const err = await c.get('/api/class/fvCtx.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect((err as Error).message).toMatch(/timed out after 200 ms/);
  });

  it('treats an APIC error inside a 200 answer as an error', async () => {
    const apic = await fake();
    apic.answers.set('/api/class/fvAp.json', JSON.parse(apicError('122', 'unknown class')));
    const err = await client([apic.url])
      .get('/api/class/fvAp.json')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect((err as ApicError).code).toBe('122');
  });
});

describe('ApicClient TLS', () => {
  it('warns once when the certificate is not verified', async () => {
    const apic = await fake();
    const warnings: string[] = [];
    const c = client([apic.url], { onWarning: (w) => warnings.push(w) });
    await c.get('/api/class/fvTenant.json');
    await c.get('/api/class/fvTenant.json');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/not verified/);
  });

  it('verifies the APIC against the CA file and succeeds when it matches', async () => {
    const apic = await fake();
    const caFile = join(dir, 'apic-ca.pem');
    writeFileSync(caFile, cert.cert);
    const warnings: string[] = [];
    const c = client([apic.url], { caFile, onWarning: (w) => warnings.push(w) });
    expect(await c.get('/api/class/fvTenant.json')).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('refuses an APIC whose certificate the CA file does not vouch for, without retrying', async () => {
    const apic = await fake();
    const caFile = join(dir, 'other-ca.pem');
    writeFileSync(caFile, otherCert.cert);
    const c = client([apic.url], { caFile });
    const err = await c.get('/api/class/fvTenant.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect((err as Error).message).toMatch(/could not be verified against .*other-ca\.pem/);
    expect(c.stats.retries).toBe(0);
    expect(apic.seen).toHaveLength(0);
    expectNoPassword(err);
  });

  it('rejects an unreadable CA file as bad input', () => {
    expect(() => client(['127.0.0.1:1'], { caFile: join(dir, 'missing.pem') })).toThrow(InputError);
  });
});

describe('discovery', () => {
  it('reads the APIC version and the infra VLAN where the Python tool does', async () => {
    const apic = await fake();
    apic.answers.set('/api/node/class/firmwareCtrlrRunning.json', {
      totalCount: '1',
      imdata: [
        { firmwareCtrlrRunning: { attributes: { dn: 'topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning', version: '5.2(3e)' } } },
      ],
    });
    apic.answers.set('/api/node/mo/uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default].json', {
      totalCount: '1',
      imdata: [{ infraRsFuncToEpg: { attributes: { encap: 'vlan-3301', tDn: 'uni/tn-infra/ap-access/epg-default' } } }],
    });
    const c = client([apic.url]);
    expect(await c.apicVersion()).toEqual({ raw: '5.2(3e)', normalized: '5.2.3' });
    expect(await c.infraVlan()).toBe(3301);
  });

  it('says undefined when the fabric does not tell', async () => {
    const apic = await fake();
    const c = client([apic.url]);
    expect(await c.apicVersion()).toBeUndefined();
    expect(await c.infraVlan()).toBeUndefined();
  });

  it('normalizes versions as the Python tool compares them', () => {
    expect(normalizeApicVersion('6.1(2.115a)')).toBe('6.1.2115');
    expect(normalizeApicVersion('4.2(7f)')).toBe('4.2.7');
  });
});

describe('ApicClient proxy', () => {
  it('reaches the APIC through the forward proxy', async () => {
    const { ConnectProxy } = await import('./support/connect-proxy.js');
    const proxy = await new ConnectProxy().start();
    try {
      const apic = await fake();
      const c = client([apic.url], { proxy: proxy.url });
      expect(await c.get('/api/class/fvTenant.json')).toEqual([]);
      expect(proxy.targets[0]).toBe(`127.0.0.1:${apic.port}`);
      await c.close();
    } finally {
      await proxy.stop();
    }
  });
});

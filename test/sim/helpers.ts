// Test client: talks to an in-process apic-sim over HTTPS as ACI clients do
// (self-signed certificate accepted, token in the APIC-cookie cookie).
import { Agent, fetch } from 'undici';
import { startSim, type RunningSim, type SimOptions } from '../../src/sim/server.js';
import { selfSignedCertificate, type TlsMaterial } from '../../src/sim/tls.js';

export const PASSWORD = 'sim-test-pw-1';

export const insecure = new Agent({ connect: { rejectUnauthorized: false } });

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export class Client {
  token?: string;
  challenge?: string;
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const h: Record<string, string> = { ...headers };
    if (this.token && !h.cookie) h.cookie = `APIC-cookie=${this.token}`;
    if (this.challenge) h['APIC-challenge'] = this.challenge;
    const res = await fetch(this.url + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      dispatcher: insecure,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers as unknown as Headers };
  }

  async login(name = 'admin', pwd = PASSWORD, query = ''): Promise<Answer> {
    const a = await this.request('POST', `/api/aaaLogin.json${query}`, { aaaUser: { attributes: { name, pwd } } });
    if (a.status === 200) this.token = a.body.imdata[0].aaaLogin.attributes.token;
    return a;
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body: unknown) {
    return this.request('POST', path, body);
  }
  del(path: string) {
    return this.request('DELETE', path);
  }
}

let shared: Promise<TlsMaterial> | undefined;
/** One server certificate per test file: RSA key generation is the slow part of a start. */
export function testTls(): Promise<TlsMaterial> {
  return (shared ??= selfSignedCertificate(['localhost', '127.0.0.1']));
}

/** A fresh in-memory simulator on an ephemeral port, with a logged-in admin client. */
export async function simWithClient(opts: SimOptions = {}): Promise<{ sim: RunningSim; client: Client }> {
  const sim = await startSim({
    listen: '127.0.0.1:0',
    data: ':memory:',
    adminPassword: PASSWORD,
    tls: opts.http ? undefined : await testTls(),
    ...opts,
  });
  const client = new Client(sim.url);
  const a = await client.login();
  if (a.status !== 200) throw new Error(`login failed: ${JSON.stringify(a.body)}`);
  return { sim, client };
}

/** The attributes of the single object an answer holds. */
export function only(a: Answer): Record<string, string> {
  if (a.body.imdata.length !== 1) throw new Error(`expected one object, got ${JSON.stringify(a.body)}`);
  return Object.values(a.body.imdata[0] as Record<string, { attributes: Record<string, string> }>)[0].attributes;
}

export function dns(a: Answer): string[] {
  return a.body.imdata.map((w: Record<string, { attributes: { dn: string } }>) => Object.values(w)[0].attributes.dn);
}

export function errorOf(a: Answer): { code: string; text: string } {
  return a.body.imdata[0].error.attributes;
}

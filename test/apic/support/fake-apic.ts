// A tiny HTTPS server that answers like an APIC for the client's tests:
// canned answers per path, login/refresh with tokens, and injectable faults
// (status codes, hangs) for the next N requests to a path.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestCert } from './cert.js';

export interface SeenRequest {
  method: string;
  path: string;
  cookie?: string;
  body: string;
}

type Fault = { status: number; body?: string } | { hang: true };

export interface FakeApicOptions {
  username?: string;
  password?: string;
  refreshTimeoutSeconds?: number;
}

export function apicError(code: string, text: string): string {
  return JSON.stringify({ totalCount: '1', imdata: [{ error: { attributes: { code, text } } }] });
}

export class FakeApic {
  readonly seen: SeenRequest[] = [];
  /** GET answers by path (query included, as sent). */
  readonly answers = new Map<string, unknown>();
  private readonly faults: Array<{ match: (r: SeenRequest) => boolean; fault: Fault; left: number }> = [];
  private server!: Server;
  private tokens = new Set<string>();
  private counter = 0;
  url = '';
  port = 0;

  constructor(
    private readonly cert: TestCert,
    private readonly opts: FakeApicOptions = {},
  ) {}

  async start(): Promise<this> {
    this.server = createServer({ key: this.cert.key, cert: this.cert.cert }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `https://127.0.0.1:${this.port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests whose path starts with `prefix` get this fault. */
  inject(prefix: string, fault: Fault, times = 1, method?: string): void {
    this.faults.push({ match: (r) => r.path.startsWith(prefix) && (!method || r.method === method), fault, left: times });
  }

  /** Forgets every token, as an APIC does when sessions expire. */
  expireTokens(): void {
    this.tokens.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      cookie: req.headers.cookie,
      body: Buffer.concat(chunks).toString(),
    };
    this.seen.push(seen);
    const f = this.faults.find((x) => x.left > 0 && x.match(seen));
    if (f) {
      f.left--;
      if ('hang' in f.fault) return; // never answer
      return this.send(res, f.fault.status, f.fault.body ?? apicError(String(f.fault.status), 'injected failure'));
    }
    if (seen.path === '/api/aaaLogin.json' && seen.method === 'POST') return this.login(seen, res);
    const token = /APIC-cookie=([^;]+)/.exec(seen.cookie ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return this.send(res, 403, apicError('403', 'Token was invalid (Error: Token timeout)'));
    if (seen.path === '/api/aaaRefresh.json') {
      this.tokens.delete(token);
      return this.send(res, 200, this.loginAnswer());
    }
    if (seen.method === 'POST' || seen.method === 'DELETE') return this.send(res, 200, JSON.stringify({ totalCount: '0', imdata: [] }));
    const answer = this.answers.get(seen.path);
    if (answer === undefined) return this.send(res, 200, JSON.stringify({ totalCount: '0', imdata: [] }));
    return this.send(res, 200, JSON.stringify(answer));
  }

  private login(seen: SeenRequest, res: ServerResponse): void {
    const user = (JSON.parse(seen.body) as { aaaUser: { attributes: { name: string; pwd: string } } }).aaaUser.attributes;
    if (user.name !== (this.opts.username ?? 'admin') || user.pwd !== (this.opts.password ?? 'secret')) {
      // A careless APIC echo of what it was sent: the client must still never show the password.
      return this.send(res, 401, apicError('401', `Username or password is incorrect - FAILED local authentication (${seen.body})`));
    }
    this.send(res, 200, this.loginAnswer());
  }

  private loginAnswer(): string {
    const token = `tok${++this.counter}`;
    this.tokens.add(token);
    return JSON.stringify({
      totalCount: '1',
      imdata: [{ aaaLogin: { attributes: { token, refreshTimeoutSeconds: String(this.opts.refreshTimeoutSeconds ?? 600) } } }],
    });
  }

  private send(res: ServerResponse, status: number, body: string): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  }
}

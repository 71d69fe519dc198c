// The one APIC REST client. Everything that talks to an APIC (provision,
// unprovision, plan, verify, discovery) goes through it, so login, token
// refresh, retries, fail-over between the cluster's APICs, timeouts and TLS
// trust are decided in one place.
//
// Secrets: the password is only ever put in the login request body; every
// message that leaves this file is scrubbed of it.
import { createSign, type KeyObject } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { request } from './undici.js';
import type { ManagedObject } from '../aci/types.js';
import { fromImData, toWire } from '../aci/json.js';
import { ApicError } from '../errors.js';
import { makeDispatcher } from './dispatcher.js';
import { ApicRequestError, classifyFailure, failureWords, httpError, parseApicErrorBody, scrub, type FailureKind } from './failure.js';
import { parseApicHosts, type ApicEndpoint } from './hosts.js';
import { classPath, moPath, withQuery, type Query } from './path.js';
import { readApicVersion, readInfraVlan, type ApicVersion } from './discovery.js';

export interface ApicClientOptions {
  /** `aci_config.apic_hosts`: `host`, `host:port` (443 by default) or `https://host:port`. */
  hosts: readonly string[];
  username: string;
  /** Unused (may be empty) with `signer`. */
  password: string;
  /**
   * Sign every request with a user certificate's private key instead of
   * logging in, as the ACI CNI controller does: the APIC checks the
   * signature against the certificate stored at `certDn`.
   */
  signer?: RequestSigner;
  /** Whole-request timeout (`-w`), ms. Default 90 s, as the Python tool's read timeout. */
  timeoutMs?: number;
  /** TCP/TLS connect timeout, ms. Default 15 s. */
  connectTimeoutMs?: number;
  /** Retries after the first attempt on refused connections, timeouts and 5xx (`provision.max_retries`). Default 5. */
  maxRetries?: number;
  /** First backoff delay, ms; doubled on each retry. Default 1000. */
  retryBaseDelayMs?: number;
  /** `aci_config.apic_tls_cert`: verify the APIC's certificate against this PEM file. */
  caFile?: string;
  /** PEM text instead of a file. */
  ca?: string;
  /** Forward proxy URL (`--apic-proxy`). */
  proxy?: string;
  /** Told once, e.g. that the certificate is not verified. */
  onWarning?: (message: string) => void;
  /** Told after each HTTP exchange (logins and retries included); for debug output. Never holds a body. */
  onRequest?: (event: ApicRequestEvent) => void;
  /** Told before each retry: what failed, where the next attempt goes and when. */
  onRetry?: (event: ApicRetryEvent) => void;
  /** Connections that cannot be made (refused, unreachable, unknown host) are
   * retried only while the request is younger than this, ms. Default 20 s. */
  connectBudgetMs?: number;
  /** Clock, for token refresh; tests move it. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApicRequestEvent {
  method: string;
  path: string;
  host: string;
  attempt: number;
  status?: number;
  failure?: string;
}

export interface ApicRetryEvent {
  method: string;
  path: string;
  /** The APIC that failed, and why (no secret). */
  host: string;
  reason: string;
  /** The attempt that failed (1 = the first) and how many may be made in all. */
  attempt: number;
  maxAttempts: number;
  /** Where the next attempt goes, and after how long. */
  nextHost: string;
  delayMs: number;
}

export interface ApicClientStats {
  /** HTTP exchanges attempted, logins and refreshes included. */
  requests: number;
  gets: number;
  posts: number;
  deletes: number;
  logins: number;
  refreshes: number;
  retries: number;
}

export interface RequestSigner {
  /** `uni/userext/user-NAME/usercert-NAME.crt`. */
  certDn: string;
  key: KeyObject;
}

export type SubtreeDepth = 'no' | 'children' | 'full';

interface Session {
  token: string;
  /** When to refresh the token (clock ms). */
  refreshAt: number;
}

/** A failed exchange, before it is decided whether to retry. */
class AttemptFailure extends Error {
  constructor(
    readonly kind: FailureKind | 'http5xx' | 'final',
    message: string,
    readonly final?: ApicError,
  ) {
    super(message);
  }
}

const NO_TOKEN = '';

export class ApicClient {
  readonly stats: ApicClientStats = { requests: 0, gets: 0, posts: 0, deletes: 0, logins: 0, refreshes: 0, retries: 0 };
  private readonly endpoints: ApicEndpoint[];
  private readonly dispatcher: Dispatcher;
  private readonly verified: boolean;
  private readonly sessions = new Map<string, Promise<Session>>();
  private active = 0;
  private warned = false;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly baseDelay: number;
  private readonly connectBudget: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: ApicClientOptions) {
    this.endpoints = parseApicHosts(opts.hosts);
    this.timeoutMs = opts.timeoutMs ?? 90_000;
    this.maxRetries = Math.max(0, opts.maxRetries ?? 5);
    this.baseDelay = opts.retryBaseDelayMs ?? 1000;
    this.connectBudget = opts.connectBudgetMs ?? 20_000;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const d = makeDispatcher({
      caFile: opts.caFile,
      ca: opts.ca,
      proxy: opts.proxy,
      connectTimeoutMs: Math.min(opts.connectTimeoutMs ?? 15_000, this.timeoutMs),
    });
    this.dispatcher = d.dispatcher;
    this.verified = d.verified;
  }

  /** The APIC requests currently go to (it changes on fail-over). */
  get currentHost(): string {
    return this.endpoints[this.active].label;
  }

  /** Logs in now (otherwise the first request does). */
  async login(): Promise<void> {
    await this.send('POST', '/api/aaaLogin.json', undefined, { loginOnly: true });
  }

  /** GET an API path (`/api/mo/...json`, `/api/class/...json`); returns the `imdata` objects. */
  async get(path: string, query?: Query): Promise<ManagedObject[]> {
    this.stats.gets++;
    const text = await this.send('GET', withQuery(path, query));
    return parseAnswer(text, `GET ${path}`);
  }

  /** One object by DN, with its subtree to the depth asked; undefined when it does not exist. */
  async getMo(dn: string, opts: { subtree?: SubtreeDepth; query?: Query } = {}): Promise<ManagedObject | undefined> {
    const q: Query = { ...(opts.query ?? {}) };
    if (opts.subtree && opts.subtree !== 'no') q['rsp-subtree'] = opts.subtree;
    const mos = await this.get(moPath(dn), q);
    return mos[0];
  }

  /** The direct children of a DN, optionally only of some classes. */
  async getChildren(dn: string, classes?: readonly string[]): Promise<ManagedObject[]> {
    return this.get(moPath(dn), {
      'query-target': 'children',
      'target-subtree-class': classes && classes.length > 0 ? classes.join(',') : undefined,
    });
  }

  /** Every object of a class, optionally filtered (`eq(fvTenant.name,"kube")`): discovery of other clusters, leftovers. */
  async getClass(className: string, opts: { filter?: string; subtree?: SubtreeDepth; query?: Query } = {}): Promise<ManagedObject[]> {
    const q: Query = { ...(opts.query ?? {}) };
    if (opts.filter) q['query-target-filter'] = opts.filter;
    if (opts.subtree && opts.subtree !== 'no') q['rsp-subtree'] = opts.subtree;
    return this.get(classPath(className), q);
  }

  /** Creates or modifies `mo` (with its children) at `dn`: the APIC's POST is create-or-update. */
  async post(dn: string, mo: ManagedObject): Promise<void> {
    this.stats.posts++;
    const text = await this.send('POST', moPath(dn), JSON.stringify(toWire(mo)));
    parseAnswer(text, `POST ${dn}`);
  }

  /** Deletes the object at `dn` and its subtree; deleting what is absent succeeds, as on an APIC. */
  async delete(dn: string): Promise<void> {
    this.stats.deletes++;
    const text = await this.send('DELETE', moPath(dn));
    parseAnswer(text, `DELETE ${dn}`);
  }

  /** The running controller firmware version (discovery), or undefined when the APIC does not say. */
  apicVersion(): Promise<ApicVersion | undefined> {
    return readApicVersion(this);
  }

  /** The fabric's infra VLAN (discovery), or undefined when the default AEP does not carry it. */
  infraVlan(): Promise<number | undefined> {
    return readInfraVlan(this);
  }

  /** Closes the connections; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.dispatcher.close();
  }

  /** One logical request: retried with backoff, failing over between APICs, re-logging in once on 403. */
  private async send(method: string, path: string, body?: string, flags: { loginOnly?: boolean } = {}): Promise<string> {
    this.warnUnverifiedOnce();
    let retry = 0;
    let relogged = false;
    const started = this.now();
    // Each APIC tried, with its attempts and last failure, for the final message.
    const tried = new Map<string, { attempts: number; reason: string }>();
    for (;;) {
      const host = this.endpoints[this.active];
      try {
        const session = await this.session(host);
        if (flags.loginOnly) return '';
        const res = await this.exchange(host, method, path, body, session.token, retry + 1);
        if ((res.status === 401 || res.status === 403) && !relogged && !this.opts.signer) {
          // Token expired or revoked under us: one fresh login, then the same request.
          relogged = true;
          this.sessions.delete(host.origin);
          continue;
        }
        if (res.status >= 500) {
          throw new AttemptFailure(
            'http5xx',
            httpError(`${method} ${path} on ${host.label}`, res.status, res.text, this.opts.password).message,
          );
        }
        if (res.status >= 400) {
          throw new AttemptFailure('final', '', httpError(`${method} ${path} on ${host.label}`, res.status, res.text, this.opts.password));
        }
        return res.text;
      } catch (e) {
        if (!(e instanceof AttemptFailure)) throw e;
        if (e.final) throw e.final;
        if (e.kind === 'final' || e.kind === 'tls') throw new ApicRequestError(e.message);
        const reason = e.message.startsWith(`${host.label}: `) ? e.message.slice(host.label.length + 2) : e.message;
        const seen = tried.get(host.label) ?? { attempts: 0, reason };
        tried.set(host.label, { attempts: seen.attempts + 1, reason });
        const delay = this.baseDelay * 2 ** retry;
        // A connection that cannot be made is not retried for long: the address is likely wrong.
        const outOfTime = e.kind === 'network' && this.now() - started + delay > this.connectBudget;
        if (retry >= this.maxRetries || outOfTime) {
          const seconds = Math.round((this.now() - started) / 100) / 10;
          const list = [...tried]
            .map(([label, t]) => `${label} (${t.reason}${t.attempts > 1 ? `, ${t.attempts} attempts` : ''})`)
            .join(', ');
          throw new ApicRequestError(this.clean(`${method} ${path}: giving up after ${retry + 1} attempts in ${seconds} s; tried ${list}`));
        }
        retry++;
        this.stats.retries++;
        // Fail over: the next attempt goes to the next APIC of the cluster. Only the first of
        // several parallel requests failing on the same APIC moves on, so they do not skip one.
        if (this.endpoints[this.active] === host) this.active = (this.active + 1) % this.endpoints.length;
        this.opts.onRetry?.({
          method,
          path,
          host: host.label,
          reason: this.clean(reason),
          attempt: retry,
          maxAttempts: this.maxRetries + 1,
          nextHost: this.endpoints[this.active].label,
          delayMs: delay,
        });
        await this.sleep(delay);
      }
    }
  }

  /** The session for an APIC: logs in, or refreshes the token when it is about to expire. */
  private async session(host: ApicEndpoint): Promise<Session> {
    // Signed requests carry their own proof: there is no session to open.
    if (this.opts.signer) return { token: NO_TOKEN, refreshAt: Infinity };
    let pending = this.sessions.get(host.origin);
    if (!pending) {
      pending = this.loginTo(host);
      this.sessions.set(host.origin, pending);
    }
    let s: Session;
    try {
      s = await pending;
    } catch (e) {
      if (this.sessions.get(host.origin) === pending) this.sessions.delete(host.origin);
      throw e;
    }
    if (this.now() >= s.refreshAt) {
      if (this.sessions.get(host.origin) === pending) {
        this.sessions.set(host.origin, this.refresh(host, s));
      }
      return this.session(host);
    }
    return s;
  }

  private async loginTo(host: ApicEndpoint): Promise<Session> {
    this.stats.logins++;
    const body = JSON.stringify({ aaaUser: { attributes: { name: this.opts.username, pwd: this.opts.password } } });
    const res = await this.exchange(host, 'POST', '/api/aaaLogin.json', body, NO_TOKEN, 1);
    if (res.status >= 500) {
      throw new AttemptFailure('http5xx', httpError(`login to ${host.label}`, res.status, res.text, this.opts.password).message);
    }
    if (res.status >= 400) {
      throw new AttemptFailure(
        'final',
        '',
        httpError(`login to ${host.label} as ${JSON.stringify(this.opts.username)} failed`, res.status, res.text, this.opts.password),
      );
    }
    return this.sessionFrom(res.text, `login to ${host.label}`);
  }

  private async refresh(host: ApicEndpoint, old: Session): Promise<Session> {
    this.stats.refreshes++;
    const res = await this.exchange(host, 'GET', '/api/aaaRefresh.json', undefined, old.token, 1);
    if (res.status === 200) return this.sessionFrom(res.text, `token refresh on ${host.label}`);
    if (res.status >= 500) {
      throw new AttemptFailure('http5xx', httpError(`token refresh on ${host.label}`, res.status, res.text, this.opts.password).message);
    }
    // The token could not be refreshed (expired already): log in again.
    return this.loginTo(host);
  }

  private sessionFrom(text: string, what: string): Session {
    let attrs: Record<string, unknown> | undefined;
    try {
      const answer = JSON.parse(text) as { imdata?: Array<{ aaaLogin?: { attributes?: Record<string, unknown> } }> };
      attrs = answer.imdata?.[0]?.aaaLogin?.attributes;
    } catch {
      attrs = undefined;
    }
    const token = attrs?.['token'];
    if (typeof token !== 'string' || token === '') {
      throw new AttemptFailure('final', '', new ApicRequestError(`${what}: the answer holds no token`));
    }
    const seconds = Number(attrs?.['refreshTimeoutSeconds'] ?? 600);
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : 600) * 1000;
    // Refresh well before expiry: a minute early, or at half-life for short tokens.
    const margin = Math.min(60_000, lifetimeMs / 2);
    return { token, refreshAt: this.now() + lifetimeMs - margin };
  }

  /** One HTTP exchange with one APIC; transport failures become AttemptFailures. */
  private async exchange(
    host: ApicEndpoint,
    method: string,
    path: string,
    body: string | undefined,
    token: string,
    attempt: number,
  ): Promise<{ status: number; text: string }> {
    this.stats.requests++;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== NO_TOKEN) headers['cookie'] = `APIC-cookie=${token}`;
    else if (this.opts.signer) headers['cookie'] = signatureCookie(this.opts.signer, method, path, body);
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, this.timeoutMs);
    try {
      const res = await request(`${host.origin}${path}`, {
        method: method,
        headers,
        body,
        dispatcher: this.dispatcher,
        signal: ac.signal,
      });
      const text = await res.body.text();
      this.opts.onRequest?.({ method, path, host: host.label, attempt, status: res.statusCode });
      return { status: res.statusCode, text };
    } catch (e) {
      const { kind, detail } = classifyFailure(e, timedOut);
      this.opts.onRequest?.({ method, path, host: host.label, attempt, failure: this.clean(detail) });
      if (kind === 'tls') {
        const why = this.verified
          ? `the APIC's TLS certificate could not be verified against ${this.opts.caFile ?? 'the given CA'} (${detail})`
          : `TLS failed (${detail})`;
        throw new AttemptFailure('tls', this.clean(`${method} ${path} on ${host.label}: ${why}`));
      }
      const what = kind === 'timeout' ? `timed out after ${this.timeoutMs} ms` : failureWords(detail);
      throw new AttemptFailure(kind, this.clean(`${host.label}: ${what}`));
    } finally {
      clearTimeout(timer);
    }
  }

  private warnUnverifiedOnce(): void {
    if (this.verified || this.warned) return;
    this.warned = true;
    this.opts.onWarning?.(
      'the APIC TLS certificate is not verified (no aci_config.apic_tls_cert given); anyone on the path could read or change the requests',
    );
  }

  private clean(text: string): string {
    return scrub(text, this.opts.password);
  }
}

/** A retry as the user reads it: `APIC 10.0.0.1:443: connection refused (ECONNREFUSED); trying 10.0.0.2:443 in 2 s (attempt 3 of 6)`. */
export function retryMessage(e: ApicRetryEvent): string {
  const when = e.delayMs >= 1000 ? `${Math.round(e.delayMs / 100) / 10} s` : `${e.delayMs} ms`;
  const where = e.nextHost === e.host ? 'retrying' : `trying ${e.nextHost}`;
  return `APIC ${e.host}: ${e.reason}; ${where} in ${when} (attempt ${e.attempt + 1} of ${e.maxAttempts})`;
}

/** The cookies of a signed request: RSA-SHA256 over method, path with query and body. */
function signatureCookie(signer: RequestSigner, method: string, path: string, body: string | undefined): string {
  const signature = createSign('RSA-SHA256')
    .update(method + path + (body ?? ''))
    .sign(signer.key, 'base64');
  return [
    `APIC-Request-Signature=${signature}`,
    'APIC-Certificate-Algorithm=v1.0',
    `APIC-Certificate-DN=${signer.certDn}`,
    `APIC-Certificate-Fingerprint=fingerprint`,
  ].join('; ');
}

/** Parses an answer; a 200 that still carries an APIC error object is an error. */
function parseAnswer(text: string, what: string): ManagedObject[] {
  if (text.trim() === '') return [];
  const err = parseApicErrorBody(text);
  if (err) throw new ApicRequestError(`${what}: APIC error ${err.code ?? '?'}: ${err.text ?? ''}`, 200, err.code, err.text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApicRequestError(`${what}: the APIC's answer is not JSON`);
  }
  try {
    return fromImData(json);
  } catch (e) {
    throw new ApicRequestError(`${what}: unexpected answer (${(e as Error).message})`);
  }
}

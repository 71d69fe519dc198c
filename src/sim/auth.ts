// Who may call the API: session tokens from aaaLogin (sent back in the
// APIC-cookie cookie, optionally bound to an APIC-challenge), and requests
// signed with the private key of a user's aaaUserCert. Passwords live only
// as scrypt hashes in the store's secret table.
import { createVerify, randomBytes, scryptSync, timingSafeEqual, X509Certificate } from 'node:crypto';
import { CODE, SimError } from './errors.js';
import type { MoStore } from './store.js';

export const userDn = (name: string): string => `uni/userext/user-${name}`;

// A low scrypt cost: the secret table never leaves the simulator, and login speed matters to its users' CI.
const SCRYPT = { N: 1024, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, SCRYPT);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = scryptSync(password, Buffer.from(salt, 'base64'), want.length, SCRYPT);
  return timingSafeEqual(want, got);
}

export interface Session {
  token: string;
  user: string;
  created: number;
  /** Last login or refresh (ms); the token dies `refreshTimeoutSeconds` later. */
  refreshed: number;
  /** Set when the login asked for a challenge token (gui-token-request=yes). */
  challenge?: string;
}

export interface Caller {
  user: string;
  session?: Session;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();
  private opened = 0;
  /** The APIC ends every session a day after login, refreshed or not. */
  static readonly MAXIMUM_LIFETIME_SECONDS = 86400;
  constructor(
    readonly refreshTimeoutSeconds: number,
    private readonly clock: () => number,
  ) {}

  open(user: string, withChallenge: boolean): Session {
    const now = this.clock();
    // Clients that log in for every call never come back for their old tokens: sweep now and then.
    if (++this.opened % 1000 === 0) for (const [t, s] of this.byToken) if (this.expired(s, now)) this.byToken.delete(t);
    const s: Session = { token: randomBytes(48).toString('base64url'), user, created: now, refreshed: now };
    if (withChallenge) s.challenge = randomBytes(24).toString('hex');
    this.byToken.set(s.token, s);
    return s;
  }

  /** The live session of a token; throws the APIC's 403 when missing or expired. */
  require(token: string | undefined): Session {
    if (!token) {
      throw new SimError(
        403,
        CODE.forbidden,
        'Need a valid webtoken cookie (named APIC-Cookie) or a signed request with signature in the cookie.',
      );
    }
    const s = this.byToken.get(token);
    if (!s) throw new SimError(403, CODE.forbidden, 'Token was invalid (Error: Token timeout)');
    if (this.expired(s, this.clock())) {
      this.byToken.delete(token);
      throw new SimError(403, CODE.forbidden, 'Token was invalid (Error: Token timeout)');
    }
    return s;
  }

  private expired(s: Session, now: number): boolean {
    return now - s.refreshed > this.refreshTimeoutSeconds * 1000 || now - s.created > Sessions.MAXIMUM_LIFETIME_SECONDS * 1000;
  }

  /** Looks up without throwing (websocket upgrades answer with a plain 403). */
  find(token: string): Session | undefined {
    try {
      return this.require(token);
    } catch {
      return undefined;
    }
  }

  refresh(s: Session): void {
    s.refreshed = this.clock();
  }

  close(token: string): void {
    this.byToken.delete(token);
  }
}

/** Checks name and password against the stored user; the APIC's 401 otherwise. */
export function authenticate(store: MoStore, name: string, password: string): void {
  const user = store.get(userDn(name));
  const hash = user ? store.getSecret(user.dn) : undefined;
  const ok = hash !== undefined && checkPassword(password, hash) && user!.attrs.accountStatus !== 'inactive';
  if (!ok) throw new SimError(401, CODE.unauthorized, 'Username or password is incorrect - FAILED local authentication');
}

/** Cookies of a certificate-signed request. */
export interface Signature {
  signature: string;
  algorithm?: string;
  fingerprint?: string;
  certDn: string;
}

export function signatureOf(cookies: Record<string, string>): Signature | undefined {
  const signature = cookies['APIC-Request-Signature'];
  const certDn = cookies['APIC-Certificate-DN'];
  if (!signature || !certDn) return undefined;
  return { signature, certDn, algorithm: cookies['APIC-Certificate-Algorithm'], fingerprint: cookies['APIC-Certificate-Fingerprint'] };
}

/**
 * Verifies an RSA-SHA256 signature over method + path (with query) + body
 * against the certificate stored at the aaaUserCert the request names.
 * Returns the user the certificate belongs to.
 */
export function verifySignature(store: MoStore, sig: Signature, method: string, pathWithQuery: string, body: string): string {
  const refuse = (why: string) => new SimError(403, CODE.forbidden, `Signature verification failed: ${why}`);
  if (sig.algorithm && sig.algorithm !== 'v1.0') throw refuse(`unsupported algorithm ${sig.algorithm}`);
  const m = /^uni\/userext\/user-([^/]+)\/usercert-([^/]+)$/.exec(sig.certDn);
  if (!m) throw refuse(`${sig.certDn} is not a user certificate DN`);
  const certMo = store.get(sig.certDn);
  if (!certMo || certMo.className !== 'aaaUserCert') throw refuse(`no certificate ${sig.certDn}`);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certMo.attrs.data ?? '');
  } catch {
    throw refuse(`the certificate at ${sig.certDn} is not a valid X.509 certificate`);
  }
  const verifier = createVerify('RSA-SHA256');
  verifier.update(method + pathWithQuery + body);
  let ok = false;
  try {
    ok = verifier.verify(cert.publicKey, sig.signature, 'base64');
  } catch {
    ok = false;
  }
  if (!ok) throw refuse('the signature does not match the request');
  const user = store.get(userDn(m[1]));
  if (!user || user.attrs.accountStatus === 'inactive') throw refuse(`user ${m[1]} is not active`);
  return m[1];
}

/**
 * Failed logins, counted per user and per source address: after `limit`
 * failures within `windowMs`, further logins of that user (from anywhere) or
 * from that address are refused until the window has passed, password
 * right or wrong. A success clears the user's count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly clock: () => number,
    readonly limit = 5,
    readonly windowMs = 60_000,
    readonly sourceLimit = 20,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Throws the APIC's 401 when the user or the source is locked out. */
  check(user: string, source: string): void {
    const now = this.clock();
    const u = this.recent(`user:${user}`, now);
    const s = this.recent(`source:${source}`, now);
    const blocked = u.length >= this.limit ? u : s.length >= this.sourceLimit ? s : undefined;
    if (blocked) {
      const wait = Math.ceil((blocked[0] + this.windowMs - now) / 1000);
      throw new SimError(
        401,
        CODE.unauthorized,
        `Too many failed logins for ${u.length >= this.limit ? `user ${user}` : `source ${source}`}; try again in ${wait} seconds`,
      );
    }
  }

  failed(user: string, source: string): void {
    const now = this.clock();
    for (const key of [`user:${user}`, `source:${source}`]) this.failures.set(key, [...this.recent(key, now), now]);
    // Bounded: a flood of made-up user names must not grow the table for ever.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()].slice(0, 5_000)) this.failures.delete(k);
  }

  succeeded(user: string): void {
    this.failures.delete(`user:${user}`);
  }
}

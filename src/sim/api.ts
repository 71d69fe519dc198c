// The REST API: routes an HTTP request to login, reads, writes,
// subscriptions or the fault control, and answers as an APIC does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { classInfo } from '../aci/classes.js';
import { classOfDn, parentDn } from '../aci/dn.js';
import { canonicalDn } from './canonical.js';
import { accessOf, loginDomains, type Access } from './rbac.js';
import {
  authenticate,
  hashPassword,
  signatureOf,
  verifySignature,
  type Caller,
  type LoginThrottle,
  type Sessions,
  type Session,
} from './auth.js';
import { CODE, errorBody, SimError } from './errors.js';
import type { Faults } from './faults.js';
import { parseFilter } from './filter.js';
import { cookie, MAX_BODY, parseCookies, parseJsonBody, readBody, sendJson } from './http.js';
import { answerToXml, parseXmlMo } from './xml.js';
import { classSlices, present, queryClass, queryMo, queryTag, type QueryAnswer } from './query.js';
import type { MoStore } from './store.js';
import { DEFAULT_SUBSCRIPTION_TIMEOUT, type SubscriptionQuery, type Subscriptions } from './subscriptions.js';
import { deleteMo, postMo, type MoEvent } from './write.js';
import { deriveGraphInstances } from './graph-instances.js';

export interface ApiContext {
  store: MoStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  subscriptions: Subscriptions;
  faults: Faults;
  clock: () => number;
  secure: boolean;
  version: () => string;
  /** Optional handler for everything outside /api and /sim (the web view). */
  ui?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Called after each committed write, with its changes. */
  onChange?: (events: readonly MoEvent[]) => void;
}

const EMPTY: QueryAnswer = { totalCount: '0', imdata: [] };
const MO_PATH = /^\/api\/(?:node\/)?mo\/(.+)\.json$/;
const CLASS_PATH = /^\/api\/(?:node\/)?class\/(.+)\.json$/;
const TAG_PATH = /^\/api\/(?:node\/)?tag\/(.+)\.json$/;

/** The API answers in the form the URL asks for: `.json` or `.xml`. */
type Format = 'json' | 'xml';

function reply(res: ServerResponse, fmt: Format, status: number, answer: QueryAnswer, headers: Record<string, string> = {}): void {
  if (fmt === 'json') return sendJson(res, status, answer, headers);
  const text = answerToXml(answer);
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function parseBody(body: string, fmt: Format): unknown {
  return fmt === 'xml' ? parseXmlMo(body) : parseJsonBody(body);
}

export async function handleRequest(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://apic-sim');
  const path = url.pathname;
  const fmt: Format = path.startsWith('/api/') && path.endsWith('.xml') ? 'xml' : 'json';
  try {
    const body = await readBody(req, admitBody(ctx, req, path));
    if (path.startsWith('/api/')) {
      const fault = ctx.faults.decide(method, path);
      if (fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.errorStatus !== undefined) {
        throw new SimError(fault.errorStatus, String(fault.errorStatus), 'Service temporarily unavailable (injected fault)');
      }
      if (fault.lose) {
        // The request is carried out (a write is committed); whatever answer it gets never leaves.
        res.writeHead = () => res;
        res.write = () => true;
        res.end = () => {
          req.socket.destroy();
          return res;
        };
      }
      await api(ctx, req, res, method, url, body, fmt);
      return;
    }
    if (path === '/sim/faults') {
      faultControl(ctx, req, res, method, body);
      return;
    }
    if (ctx.ui && (await ctx.ui(req, res))) return;
    throw new SimError(404, CODE.notFound, `No such resource ${path}`);
  } catch (e) {
    if (res.headersSent || res.destroyed) return;
    // A body left unread is not read after the answer: the connection closes.
    if (!req.complete) res.setHeader('Connection', 'close');
    if (e instanceof SimError) reply(res, fmt, e.status, errorBody(e.code, e.text));
    else {
      // Never echo the request (it may carry a password); the message is ours.
      process.stderr.write(`apic-sim: internal error on ${method} ${path}: ${(e as Error)?.message ?? e}\n`);
      reply(res, fmt, 500, errorBody('500', 'Internal error'));
    }
  }
}

const LOGIN_PATHS = new Set(['/api/aaaLogin.json', '/api/aaaLogin.xml', '/api/aaaLogout.json', '/api/aaaLogout.xml']);
/** Login bodies are a name and a password. */
const LOGIN_BODY_LIMIT = 64 * 1024;

/**
 * Decides, before a byte of the body is read, whether it will be and up to
 * what size: an API request that has neither a live session nor signature
 * cookies is refused unread (403), as is a body declared over the limit
 * (413).
 */
function admitBody(ctx: ApiContext, req: IncomingMessage, path: string): number {
  const limit = LOGIN_PATHS.has(path) ? LOGIN_BODY_LIMIT : MAX_BODY;
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new SimError(413, CODE.badRequest, `Request body of ${declared} bytes is over the limit of ${limit} bytes`);
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody || LOGIN_PATHS.has(path) || !(path.startsWith('/api/') || path === '/sim/faults')) return limit;
  const cookies = parseCookies(req.headers.cookie);
  if (signatureOf(cookies)) return limit;
  const header = req.headers['apic-cookie'];
  const token = cookie(cookies, 'APIC-cookie') ?? (typeof header === 'string' ? header : undefined);
  // The same answer an APIC gives a request without a valid token.
  ctx.sessions.require(token);
  return limit;
}

async function api(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
  body: string,
  fmt: Format,
): Promise<void> {
  // Routes are written for .json; .xml differs only in the body and the answer.
  const path = fmt === 'xml' ? `${url.pathname.slice(0, -'.xml'.length)}.json` : url.pathname;
  if (path === '/api/aaaLogin.json' && method === 'POST') return login(ctx, res, url, body, fmt);
  if (path === '/api/aaaLogout.json' && (method === 'POST' || method === 'GET')) return logout(ctx, req, res, fmt);

  const caller = identify(ctx, req, method, body);
  const access = accessOf(ctx.store, caller.user);
  if (path === '/api/aaaRefresh.json' && (method === 'GET' || method === 'POST')) {
    if (!caller.session) throw new SimError(403, CODE.forbidden, 'aaaRefresh needs a session token (APIC-cookie)');
    ctx.sessions.refresh(caller.session);
    return reply(res, fmt, 200, loginAnswer(ctx, caller.session), sessionCookie(ctx, caller.session));
  }
  if (path === '/api/subscriptionRefresh.json' && method === 'GET') {
    const id = url.searchParams.get('id') ?? '';
    if (!ctx.subscriptions.refresh(id)) throw new SimError(400, CODE.badRequest, `Subscription ${id} does not exist or has expired`);
    return reply(res, fmt, 200, EMPTY);
  }

  let m = MO_PATH.exec(path);
  if (m) {
    const dn = decodeDn(m[1]);
    if (method === 'GET')
      return read(ctx, res, fmt, caller, url, () => visible(access, queryMo(ctx.store, dn, url.searchParams)), moQuery(dn, url));
    if (method === 'POST') {
      const parsed = parseBody(body, fmt);
      const events = write(ctx, (c) => postMo({ ...c, access }, dn, parsed));
      return reply(res, fmt, 200, writeAnswer(ctx, dn, events, url));
    }
    if (method === 'DELETE') {
      const events = write(ctx, (c) => deleteMo({ ...c, access }, dn));
      return reply(res, fmt, 200, writeAnswer(ctx, dn, events, url));
    }
    throw new SimError(405, CODE.badRequest, `Method ${method} not allowed on ${path}`);
  }
  m = CLASS_PATH.exec(path);
  if (m && method === 'GET') {
    const className = decodeURIComponent(m[1]);
    if (fmt === 'json' && access.isAdmin && url.searchParams.get('subscription') !== 'yes') {
      const big = classSlices(ctx.store, className, url.searchParams);
      if (big) return streamAnswer(res, big.total, big.slices());
    }
    return read(
      ctx,
      res,
      fmt,
      caller,
      url,
      () => visible(access, queryClass(ctx.store, className, url.searchParams)),
      () => {
        const f = url.searchParams.get('query-target-filter');
        return { kind: 'class', className, filter: f ? parseFilter(f) : undefined };
      },
    );
  }
  m = TAG_PATH.exec(path);
  if (m && method === 'GET') return reply(res, fmt, 200, visible(access, queryTag(ctx.store, decodeURIComponent(m[1]))));
  throw new SimError(400, CODE.badRequest, `Unsupported request ${method} ${path}`);
}

/** Writes a large answer slice by slice, yielding to other requests (and to a slow reader) between slices. */
async function streamAnswer(res: ServerResponse, total: number, slices: Generator<unknown[]>): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write(`{"totalCount":"${total}","imdata":[`);
  let first = true;
  for (const slice of slices) {
    if (res.destroyed) return;
    if (slice.length === 0) continue;
    const text = slice.map((o) => JSON.stringify(o)).join(',');
    const more = res.write(first ? text : `,${text}`);
    first = false;
    if (!more) {
      await new Promise<void>((r) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          r();
        };
        res.once('drain', done);
        res.once('close', done);
      });
    } else await new Promise((r) => setImmediate(r));
  }
  res.end(']}');
}

/** What the caller may see of an answer: objects outside its security domains go (an APIC answers as if they were not there). */
function visible(access: Access, answer: QueryAnswer): QueryAnswer {
  if (access.isAdmin) return answer;
  type Wire = Record<string, { attributes: Record<string, string>; children?: Wire[] }>;
  const keep = (list: Wire[]): Wire[] =>
    list.flatMap((w) => {
      const [cls, body] = Object.entries(w)[0];
      if (cls === 'moCount') return [w];
      if (body.attributes.dn !== undefined && !access.canRead(body.attributes.dn)) return [];
      return [body.children ? { [cls]: { ...body, children: keep(body.children) } } : w];
    });
  const imdata = keep(answer.imdata as Wire[]);
  const dropped = answer.imdata.length - imdata.length;
  return { totalCount: String(Math.max(0, Number(answer.totalCount) - dropped)), imdata };
}

function decodeDn(raw: string): string {
  try {
    return canonicalDn(decodeURIComponent(raw));
  } catch {
    throw new SimError(400, CODE.badRequest, `Invalid DN in URL: ${raw}`);
  }
}

function moQuery(dn: string, url: URL): () => SubscriptionQuery {
  return () => {
    const p = url.searchParams;
    const target = (p.get('query-target') ?? 'self') as 'self' | 'children' | 'subtree';
    const classes = p.get('target-subtree-class');
    const f = p.get('query-target-filter');
    return { kind: 'mo', dn, target, classes: classes ? new Set(classes.split(',')) : undefined, filter: f ? parseFilter(f) : undefined };
  };
}

function read(
  ctx: ApiContext,
  res: ServerResponse,
  fmt: Format,
  caller: Caller,
  url: URL,
  run: () => QueryAnswer,
  sub: () => SubscriptionQuery,
): void {
  const answer: QueryAnswer & { subscriptionId?: string } = run();
  if (url.searchParams.get('subscription') === 'yes') {
    if (!caller.session) throw new SimError(400, CODE.badRequest, 'Subscriptions need a session token (APIC-cookie)');
    const t = url.searchParams.get('refresh-timeout');
    const timeout = t && /^\d+$/.test(t) ? Math.min(Number(t), 43200) : DEFAULT_SUBSCRIPTION_TIMEOUT;
    answer.subscriptionId = ctx.subscriptions.add(caller.session.token, sub(), timeout);
  }
  reply(res, fmt, 200, answer);
}

/** Runs a write all or nothing, then tells subscribers what changed. */
function write(ctx: ApiContext, fn: (c: Parameters<typeof postMo>[0]) => void): MoEvent[] {
  const events: MoEvent[] = [];
  ctx.store.transaction(() => {
    const c = { store: ctx.store, now: new Date(ctx.clock()), hashPassword, events };
    fn(c);
    deriveGraphInstances(c);
  });
  if (events.length === 0) return events;
  ctx.subscriptions.publish(events, (e) => eventWire(ctx, e));
  ctx.onChange?.(events);
  return events;
}

/**
 * The answer to a write: empty by default; with `rsp-subtree=modified` the
 * objects the write changed, each with its status, nested under the URL's
 * object (what clients such as Ansible's aci_rest read to report a change);
 * with `rsp-subtree=full` the URL's object as it now stands.
 */
function writeAnswer(ctx: ApiContext, urlDn: string, events: readonly MoEvent[], url: URL): QueryAnswer {
  const mode = url.searchParams.get('rsp-subtree');
  if (mode === 'full') return queryMo(ctx.store, urlDn, new URLSearchParams({ 'rsp-subtree': 'full' }));
  if (mode !== 'modified' || events.length === 0) return EMPTY;
  type Node = Record<string, { attributes: Record<string, string>; children?: Node[] }>;
  const nodes = new Map<string, Node>();
  const deleted = new Set(events.filter((e) => e.status === 'deleted').map((e) => e.dn));
  for (const e of events) {
    const parent = parentDn(e.dn);
    // A deleted subtree shows as its top object only.
    if (e.status === 'deleted' && parent !== undefined && deleted.has(parent)) continue;
    const attributes =
      e.status === 'created'
        ? { childAction: '', ...e.attrs, status: 'created' }
        : e.status === 'modified'
          ? { ...e.attrs, dn: e.dn, status: 'modified' }
          : { dn: e.dn, status: 'deleted' };
    const prev = nodes.get(e.dn);
    if (prev) Object.assign(Object.values(prev)[0].attributes, attributes);
    else nodes.set(e.dn, { [e.className]: { attributes } });
  }
  const top: Node[] = [];
  const attach = (dn: string, node: Node): void => {
    const parent = parentDn(dn);
    // Unchanged ancestors up to the URL's object carry the changed ones, with an empty status.
    if (parent === undefined || dn === urlDn || !dn.startsWith(`${urlDn}/`)) {
      top.push(node);
      return;
    }
    let holder = nodes.get(parent);
    if (!holder) {
      const cls = ctx.store.get(parent)?.className ?? classOfDn(parent);
      if (!cls) {
        top.push(node);
        return;
      }
      holder = { [cls]: { attributes: { dn: parent, status: '' } } };
      nodes.set(parent, holder);
      attach(parent, holder);
    }
    (Object.values(holder)[0].children ??= []).push(node);
  };
  for (const [dn, node] of [...nodes]) attach(dn, node);
  return { totalCount: String(top.length), imdata: top };
}

function eventWire(ctx: ApiContext, e: MoEvent): unknown {
  if (e.status === 'created' && classInfo(e.className)?.relation) {
    const row = ctx.store.get(e.dn);
    if (row) {
      const wire = present(ctx.store, row) as Record<string, { attributes: Record<string, string> }>;
      wire[e.className].attributes.status = 'created';
      return wire;
    }
  }
  const attributes: Record<string, string> =
    e.status === 'deleted'
      ? { dn: e.dn, status: 'deleted', childAction: '', modTs: new Date(ctx.clock()).toISOString().replace('Z', '+00:00') }
      : { childAction: '', ...e.attrs, status: e.status };
  return { [e.className]: { attributes } };
}

/** The caller from a session cookie or a signed request; the APIC's 403 otherwise. */
function identify(ctx: ApiContext, req: IncomingMessage, method: string, body: string): Caller {
  const cookies = parseCookies(req.headers.cookie);
  const sig = signatureOf(cookies);
  if (sig) return { user: verifySignature(ctx.store, sig, method, req.url ?? '/', body) };
  const header = req.headers['apic-cookie'];
  const token = cookie(cookies, 'APIC-cookie') ?? (typeof header === 'string' ? header : undefined);
  const session: Session = ctx.sessions.require(token);
  if (session.challenge !== undefined) {
    const given = req.headers['apic-challenge'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('challenge');
    if (given !== session.challenge) throw new SimError(403, CODE.forbidden, 'Token was invalid (Error: Challenge token mismatch)');
  }
  return { user: session.user, session };
}

function login(ctx: ApiContext, res: ServerResponse, url: URL, body: string, fmt: Format): void {
  const parsed = parseBody(body, fmt) as { aaaUser?: { attributes?: { name?: unknown; pwd?: unknown } } };
  const a = parsed?.aaaUser?.attributes;
  if (!a || typeof a.name !== 'string' || typeof a.pwd !== 'string') {
    throw new SimError(400, CODE.badRequest, 'aaaLogin needs {"aaaUser":{"attributes":{"name":"...","pwd":"..."}}}');
  }
  const source = res.req.socket.remoteAddress ?? '';
  ctx.throttle.check(a.name, source);
  try {
    authenticate(ctx.store, a.name, a.pwd);
  } catch (e) {
    ctx.throttle.failed(a.name, source);
    throw e;
  }
  ctx.throttle.succeeded(a.name);
  const session = ctx.sessions.open(a.name, url.searchParams.get('gui-token-request') === 'yes');
  reply(res, fmt, 200, loginAnswer(ctx, session), sessionCookie(ctx, session));
}

function logout(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, fmt: Format): void {
  // The token as a cookie or, as some clients send it, as the APIC-cookie header.
  const header = req.headers['apic-cookie'];
  const token = cookie(parseCookies(req.headers.cookie), 'APIC-cookie') ?? (typeof header === 'string' ? header : undefined);
  if (token) {
    ctx.subscriptions.dropSession(token);
    ctx.sessions.close(token);
  }
  reply(res, fmt, 200, EMPTY, { 'Set-Cookie': 'APIC-cookie=; Path=/; Max-Age=0' });
}

function sessionCookie(ctx: ApiContext, s: Session): Record<string, string> {
  return { 'Set-Cookie': `APIC-cookie=${s.token}; Path=/; HttpOnly${ctx.secure ? '; Secure' : ''}` };
}

function loginAnswer(ctx: ApiContext, s: Session): QueryAnswer {
  const created = Math.floor(s.created / 1000);
  const attributes: Record<string, string> = {
    token: s.token,
    siteFingerprint: 'apic-sim',
    refreshTimeoutSeconds: String(ctx.sessions.refreshTimeoutSeconds),
    maximumLifetimeSeconds: '86400',
    guiIdleTimeoutSeconds: '1200',
    restTimeoutSeconds: '90',
    creationTime: String(created),
    firstLoginTime: String(created),
    userName: s.user,
    remoteUser: 'false',
    unixUserId: '15374',
    sessionId: s.token.slice(0, 24),
    lastName: '',
    firstName: '',
    changePassword: 'no',
    version: ctx.version(),
    buildTime: '',
    node: 'topology/pod-1/node-1',
  };
  if (s.challenge !== undefined) attributes.urlToken = s.challenge;
  return {
    totalCount: '1',
    imdata: [
      {
        aaaLogin: {
          attributes,
          children: loginDomains(ctx.store, s.user).map((d) => ({ aaaUserDomain: { attributes: d } })),
        },
      },
    ],
  };
}

/** GET/POST/DELETE /sim/faults: the fault rules (needs a session, like the API). */
function faultControl(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, method: string, body: string): void {
  const caller = identify(ctx, req, method, body);
  if (!accessOf(ctx.store, caller.user).isAdmin)
    throw new SimError(403, CODE.forbidden, `user ${caller.user} may not change faults: admin only`);
  if (method === 'GET') return sendJson(res, 200, { rules: ctx.faults.list() });
  if (method === 'DELETE') {
    ctx.faults.set([]);
    return sendJson(res, 200, { rules: [] });
  }
  if (method === 'POST' || method === 'PUT') {
    const parsed = parseJsonBody(body) as { rules?: unknown };
    if (!parsed || !Array.isArray(parsed.rules)) throw new SimError(400, CODE.badRequest, 'expected {"rules": [...]}');
    ctx.faults.set(parsed.rules as never);
    return sendJson(res, 200, { rules: ctx.faults.list() });
  }
  throw new SimError(405, CODE.badRequest, `Method ${method} not allowed on /sim/faults`);
}

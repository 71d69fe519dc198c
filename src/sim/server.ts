// startSim: the simulator as a service, embeddable in tests and the demo
// (in-process) and run by bin/apic-sim. HTTPS with a kept self-signed
// certificate unless told otherwise; state in SQLite; stops cleanly.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { loadClassModel } from '../aci/classes.js';
import { UsageError } from '../errors.js';
import { handleRequest, type ApiContext } from './api.js';
import { hashPassword, LoginThrottle, Sessions, userDn } from './auth.js';
import { Faults, type FaultRule } from './faults.js';
import { lockDataDir } from './lock.js';
import { applySeed, defaultSeed, loadSeedFile, type SeedSpec } from './seed.js';
import { MoStore } from './store.js';
import { Subscriptions } from './subscriptions.js';
import { dataDirCertificate } from './tls.js';
import { serveFabricView } from './ui/index.js';
import type { MoEvent } from './write.js';

export interface SimOptions {
  /** `host:port`; default 127.0.0.1:8443; port 0 picks a free one. */
  listen?: string;
  /** Folder for the database and the certificate, or ':memory:' (default). */
  data?: string;
  /** A seed YAML file, or a seed already parsed; default: the sample configuration's prerequisites. */
  seed?: string | SeedSpec;
  /** The admin password; default env APIC_SIM_PASSWORD, else the stored one, else a random one. */
  adminPassword?: string;
  /** Plain HTTP instead of HTTPS. */
  http?: boolean;
  tlsCert?: string;
  tlsKey?: string;
  /** PEM certificate and key in memory (tests reuse one pair instead of making one per start). */
  tls?: { cert: string; key: string };
  faults?: FaultRule[];
  /** Session idle timeout (seconds); the APIC's default is 600. */
  refreshTimeoutSeconds?: number;
  /** Milliseconds since the epoch; tests move time forward with it. */
  clock?: () => number;
  /** The web view (issue 8) plugs in here: return true when it answered. Default: the fabric view at `/`. */
  ui?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  onChange?: (events: readonly MoEvent[]) => void;
  /** Receives one line per request (method, path, status, milliseconds); never bodies or cookies. */
  log?: (line: string) => void;
}

export interface RunningSim {
  url: string;
  host: string;
  port: number;
  store: MoStore;
  faults: Faults;
  /** Set when no password was given and none was stored: shown once by the CLI. */
  generatedPassword?: string;
  /** The PEM certificate served (HTTPS only), for clients that pin it. */
  certificate?: string;
  close(): Promise<void>;
}

export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(listen);
  if (!m || Number(m[3]) > 65535) throw new UsageError(`--listen ${listen}: expected host:port (e.g. 127.0.0.1:8443)`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}

export async function startSim(opts: SimOptions = {}): Promise<RunningSim> {
  const { host, port } = parseListen(opts.listen ?? '127.0.0.1:8443');
  const data = opts.data ?? ':memory:';
  const clock = opts.clock ?? Date.now;
  const spec: SeedSpec = typeof opts.seed === 'string' ? loadSeedFile(opts.seed) : (opts.seed ?? defaultSeed());

  loadClassModel();
  const release =
    data === ':memory:' ? () => {} : (mkdirSync(data, { recursive: true, mode: 0o700 }), lockDataDir(data, 'starting another one'));
  let store: MoStore;
  try {
    store = new MoStore(data);
  } catch (e) {
    release();
    throw e;
  }
  try {
    // A saved fabric stays as it is unless a seed is given again.
    if (opts.seed !== undefined || store.getMeta('seeded') === undefined) applySeed(store, spec, new Date(clock()));
    store.setMeta('seeded', '1');
  } catch (e) {
    store.close();
    release();
    throw e;
  }
  const generatedPassword = ensureAdminPassword(store, opts.adminPassword ?? process.env.APIC_SIM_PASSWORD);

  const secure = !opts.http;
  let tls: { cert: string; key: string } | undefined;
  if (secure) {
    if (opts.tls) tls = opts.tls;
    else if (opts.tlsCert || opts.tlsKey) {
      if (!opts.tlsCert || !opts.tlsKey) throw new UsageError('--tls-cert and --tls-key go together');
      tls = { cert: readFileSync(opts.tlsCert, 'utf8'), key: readFileSync(opts.tlsKey, 'utf8') };
    } else tls = await dataDirCertificate(data);
  }

  const sessions = new Sessions(opts.refreshTimeoutSeconds ?? 600, clock);
  const subscriptions = new Subscriptions(clock);
  const faults = new Faults(opts.faults ?? []);
  const ctx: ApiContext = {
    store,
    sessions,
    throttle: new LoginThrottle(clock),
    subscriptions,
    faults,
    clock,
    secure,
    ui: opts.ui ?? serveFabricView,
    onChange: opts.onChange,
    version: () => store.get('topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning')?.attrs.version ?? spec.version,
  };
  const log = opts.log;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (log) {
      const t0 = performance.now();
      res.once('close', () => {
        const path = (req.url ?? '/').split('?')[0];
        const status = res.headersSent ? String(res.statusCode) : 'dropped';
        log(`${req.method} ${path} ${status} ${Math.round(performance.now() - t0)}ms`);
      });
    }
    void handleRequest(ctx, req, res);
  };
  const server: Server = secure ? createHttpsServer({ cert: tls!.cert, key: tls!.key }, handler) : createHttpServer(handler);

  // Websockets for subscriptions: /socket<TOKEN>, the token of a live session.
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const token = path.startsWith('/socket') ? decodeURIComponent(path.slice('/socket'.length)) : '';
    if (!token || !sessions.find(token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => subscriptions.attach(token, ws));
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => {
      store.close();
      release();
      reject(e);
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closed = false;
  return {
    url: `${secure ? 'https' : 'http'}://${urlHost}:${addr.port}`,
    host: addr.address,
    port: addr.port,
    store,
    faults,
    generatedPassword,
    certificate: tls?.cert,
    async close() {
      if (closed) return;
      closed = true;
      subscriptions.closeAll();
      wss.close();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
      store.close();
      release();
    },
  };
}

/** Sets the admin password: given wins; otherwise keep the stored one; otherwise make one. */
function ensureAdminPassword(store: MoStore, given: string | undefined): string | undefined {
  const dn = userDn('admin');
  if (given) {
    store.setSecret(dn, hashPassword(given));
    return undefined;
  }
  if (store.getSecret(dn)) return undefined;
  const made = randomBytes(12).toString('base64url');
  store.setSecret(dn, hashPassword(made));
  return made;
}

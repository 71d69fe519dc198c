// A stand-in kube-apiserver for `verify --kubeconfig`: HTTPS on loopback,
// a bearer token checked on every request, and the two lists verify reads
// (GET /api/v1/nodes, GET /api/v1/services) served from what the test sets.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsMaterial } from '../../src/sim/tls.js';

export interface KubeService {
  namespace: string;
  name: string;
  type: 'LoadBalancer' | 'ClusterIP' | 'NodePort';
}

export interface FakeKubeApiserver {
  url: string;
  /** What the lists hold; tests change them between runs. */
  nodes: string[];
  services: KubeService[];
  /** Tokens that authenticate but may not list (403). */
  forbidden: Set<string>;
  /** `METHOD path` of each request, in order. */
  requests: string[];
  close(): Promise<void>;
}

function status(code: number, reason: string, message: string): string {
  return JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}

export async function startKubeApiserver(tls: TlsMaterial, token: string): Promise<FakeKubeApiserver> {
  const state = { nodes: [] as string[], services: [] as KubeService[], forbidden: new Set<string>(), requests: [] as string[] };
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    state.requests.push(`${req.method} ${req.url}`);
    const reply = (code: number, body: string) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(body);
    };
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (given !== token && !(given && state.forbidden.has(given))) return reply(401, status(401, 'Unauthorized', 'Unauthorized'));
    const path = (req.url ?? '').split('?')[0];
    if (given !== token)
      return reply(403, status(403, 'Forbidden', `${path.slice(8)} is forbidden: User "viewer" cannot list resource at the cluster scope`));
    if (req.method === 'GET' && path === '/api/v1/nodes') {
      const items = state.nodes.map((name) => ({ metadata: { name }, spec: {}, status: {} }));
      return reply(200, JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items }));
    }
    if (req.method === 'GET' && path === '/api/v1/services') {
      const items = state.services.map((s) => ({ metadata: { name: s.name, namespace: s.namespace }, spec: { type: s.type, ports: [] } }));
      return reply(200, JSON.stringify({ kind: 'ServiceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items }));
    }
    return reply(404, status(404, 'NotFound', 'the server could not find the requested resource'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `https://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

/** A kubeconfig as kubectl writes one: the CA inline, a token, a current context; more contexts when given. */
export function kubeconfigText(opts: {
  server: string;
  ca: string;
  token: string;
  current?: string;
  contexts?: { name: string; server: string; token: string }[];
}): string {
  const all = [{ name: 'test-admin@test', server: opts.server, token: opts.token }, ...(opts.contexts ?? [])];
  const ca = Buffer.from(opts.ca).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...all.flatMap((c) => [`- name: ${c.name}-cluster`, '  cluster:', `    server: ${c.server}`, `    certificate-authority-data: ${ca}`]),
    'users:',
    ...all.flatMap((c) => [`- name: ${c.name}-user`, '  user:', `    token: ${c.token}`]),
    'contexts:',
    ...all.flatMap((c) => [`- name: ${c.name}`, '  context:', `    cluster: ${c.name}-cluster`, `    user: ${c.name}-user`]),
    `current-context: ${opts.current ?? 'test-admin@test'}`,
    '',
  ].join('\n');
}

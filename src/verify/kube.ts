// `verify --kubeconfig`: the nodes and the LoadBalancer services of the live
// cluster, read from its API server with @kubernetes/client-node, the way
// kubectl would (the kubeconfig's current context or --context, its
// credentials and CA). The library is large (about 50 MiB installed) and only
// this option needs it: an optional peer dependency, loaded here on first use
// (in the bundle, esbuild turns the import() into a require() of the package
// left in node_modules: scripts/bundle.mjs).
import { dirname, resolve } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import { classifyFailure, failureWords, scrub } from '../apic/failure.js';
import { readTextFile } from '../config/file.js';
import { InputError, KubernetesError } from '../errors.js';

export interface KubeClusterState {
  /** The API server's URL, from the kubeconfig. */
  server: string;
  context: string;
  /** Node names, sorted. */
  nodes: string[];
  /** Services of type LoadBalancer, `namespace/name`, sorted. */
  loadBalancers: string[];
}

export interface KubeReadOptions {
  /** `--context`: instead of the kubeconfig's current context. */
  context?: string;
  timeoutMs: number;
}

/** What to install for --kubeconfig: an optional peer dependency, not installed with acc-provision (about 50 MiB). */
export const KUBE_CLIENT_PACKAGE = '@kubernetes/client-node@^1.4.0';

async function clientLibrary(): Promise<typeof K8s> {
  try {
    return await import('@kubernetes/client-node');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (
      (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
      String((e as Error).message).includes("'@kubernetes/client-node'")
    )
      throw new KubernetesError(
        `--kubeconfig needs the package @kubernetes/client-node, which is not installed: install it where acc-provision is (npm install -g '${KUBE_CLIENT_PACKAGE}' for a global acc-provision)`,
      );
    // The package is an ES module; the bundle reaches it through require(), which loads ES modules from Node 20.19 on.
    if (code === 'ERR_REQUIRE_ESM')
      throw new KubernetesError(`--kubeconfig needs Node.js 20.19 or later (this is Node.js ${process.version})`);
    throw e;
  }
}

/** Why the library refused the file, without quoting the file (it holds credentials). */
function invalidKubeconfig(file: string, e: unknown): InputError {
  const mark = (e as { mark?: { line?: number; column?: number } }).mark;
  const why =
    mark && typeof mark.line === 'number'
      ? `YAML syntax error at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1}`
      : e instanceof TypeError
        ? 'must be a YAML mapping with clusters, users and contexts'
        : e instanceof Error
          ? e.message
          : String(e);
  return new InputError([{ field: '--kubeconfig', value: file, rule: `not a valid kubeconfig: ${why}` }]);
}

/** Loads the kubeconfig and settles the context, cluster and user it means; no request yet. */
function loadKubeconfig(k8s: typeof K8s, file: string, context: string | undefined): K8s.KubeConfig {
  const text = readTextFile(file, '--kubeconfig');
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromString(text);
    // Relative certificate and key paths are relative to the kubeconfig, as for kubectl.
    kc.makePathsAbsolute(dirname(resolve(file)));
  } catch (e) {
    throw invalidKubeconfig(file, e);
  }
  const names = kc.getContexts().map((c) => c.name);
  if (context !== undefined) {
    if (!kc.getContextObject(context))
      throw new InputError([
        { field: '--context', value: context, rule: `no such context in ${file} (its contexts: ${names.join(', ') || 'none'})` },
      ]);
    kc.setCurrentContext(context);
  }
  const current = kc.getCurrentContext();
  const problem = (rule: string) => new InputError([{ field: '--kubeconfig', value: file, rule }]);
  if (!current) throw problem('names no current context (current-context): give --context NAME');
  const ctx = kc.getContextObject(current);
  if (!ctx) throw problem(`its current-context "${current}" is not one of its contexts (${names.join(', ') || 'none'})`);
  if (!kc.getCurrentCluster()) throw problem(`context "${current}" names cluster "${ctx.cluster}", which the file does not define`);
  return kc;
}

/** What of the kubeconfig's user must never reach output: tokens, passwords, keys. */
function secretsOf(kc: K8s.KubeConfig): string[] {
  const user = kc.getCurrentUser();
  if (!user) return [];
  const provider = user.authProvider as { config?: Record<string, unknown> } | undefined;
  const fromProvider = Object.values(provider?.config ?? {}).filter((v): v is string => typeof v === 'string' && v.length >= 8);
  return [user.token, user.password, user.keyData, ...fromProvider].filter((s): s is string => typeof s === 'string' && s !== '');
}

export async function readKubeCluster(file: string, opts: KubeReadOptions): Promise<KubeClusterState> {
  const k8s = await clientLibrary();
  const kc = loadKubeconfig(k8s, file, opts.context);
  const context = kc.getCurrentContext();
  const server = kc.getCurrentCluster()!.server;
  const user = kc.getCurrentUser()?.name;
  const who = `${user ? `user "${user}" of ` : ''}context "${context}" in ${file}`;
  const secrets = secretsOf(kc);
  const clean = (text: string) => secrets.reduce(scrub, text);
  const api = kc.makeApiClient(k8s.CoreV1Api);
  // The client sets no time limit of its own: a server that accepts and never answers would hang verify.
  const timeLimit = {
    middleware: [
      {
        pre: (request: K8s.RequestContext) => {
          request.setSignal(AbortSignal.timeout(opts.timeoutMs));
          return new k8s.Observable(Promise.resolve(request));
        },
        post: (response: K8s.ResponseContext) => new k8s.Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append' as const,
  };

  const read = async <T>(path: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (e) {
      if (e instanceof k8s.ApiException) {
        const status = Number(e.code);
        if (status === 401)
          throw new KubernetesError(`${server} refused the credentials of ${who} (HTTP 401 Unauthorized on GET ${path})`, status);
        if (status === 403)
          throw new KubernetesError(
            `${server}: ${who} may not list ${path.slice('/api/v1/'.length)} in all namespaces (HTTP 403 Forbidden); verify needs list on nodes and services`,
            status,
          );
        throw new KubernetesError(`${server} answered HTTP ${status} to GET ${path} (${who})`, status);
      }
      const name = (e as Error)?.name;
      if (name === 'AbortError' || name === 'TimeoutError')
        throw new KubernetesError(`${server} did not answer GET ${path} within ${opts.timeoutMs / 1000} s (${who})`);
      if (name === 'FetchError') {
        const { kind, detail } = classifyFailure(e, false);
        if (kind === 'tls')
          throw new KubernetesError(
            clean(
              `the TLS certificate of ${server} could not be verified against the certificate-authority of context "${context}" in ${file} (${detail})`,
            ),
          );
        throw new KubernetesError(clean(`cannot reach the Kubernetes API server ${server} (${who}): ${failureWords(detail)}`));
      }
      // Credentials the library could not use: a certificate or key file missing, an exec plugin failing.
      throw new KubernetesError(clean(`${who}: ${e instanceof Error ? e.message : String(e)}`));
    }
  };

  const [nodeList, serviceList] = await Promise.all([
    read('/api/v1/nodes', () => api.listNode({}, timeLimit)),
    read('/api/v1/services', () => api.listServiceForAllNamespaces({}, timeLimit)),
  ]);
  const nodes = nodeList.items.map((n) => n.metadata?.name ?? '').filter((n) => n !== '');
  const loadBalancers = serviceList.items
    .filter((s) => s.spec?.type === 'LoadBalancer')
    .map((s) => `${s.metadata?.namespace ?? 'default'}/${s.metadata?.name ?? ''}`);
  return { server, context, nodes: nodes.sort(), loadBalancers: loadBalancers.sort() };
}

// The verify command's work, apart from commander so tests run it in-process:
// flags -> configuration -> APIC client -> report text and verdict.
import { InputError, UsageError } from '../errors.js';
import type { ApicClientOptions } from '../apic/client.js';
import { readTextFile } from '../config/file.js';
import { DEFAULT_VERIFY_FLAVOR, withCertificate } from './config.js';
import { formatVerifyJson, formatVerifyText, verifyCluster, type VerifyReport } from './index.js';
import type { KubeClusterState } from './kube.js';
import type { RunningExpectation } from './running.js';

/** Each request to the Kubernetes API server, without -w (the APIC client's default too). */
const KUBE_TIMEOUT_SECONDS = 90;

export interface VerifyCommandFlags {
  config: string;
  flavor?: string;
  username?: string;
  password?: string;
  timeout?: string;
  infraVlan?: string;
  apicProxy?: string;
  /** `--nodes`: the node inventory; the running cluster is then checked. */
  nodes?: string;
  /** `--kubeconfig`: read the nodes and LoadBalancer services from the live cluster and check those. */
  kubeconfig?: string;
  /** `--context`: the kubeconfig's context to use instead of its current one. */
  context?: string;
  outputFormat: 'text' | 'json';
}

export interface VerifyCommandIo {
  env: NodeJS.ProcessEnv;
  warn(message: string): void;
  /** Client settings tests need (a pinned CA, no retry delays). */
  clientExtra?: Partial<ApicClientOptions>;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw UsageError.of([{ field: flag, value, rule: `must be a whole number from ${min} to ${max}` }]);
  return n;
}

export async function runVerify(
  flags: VerifyCommandFlags,
  io: VerifyCommandIo,
): Promise<{ output: string; ok: boolean; report: VerifyReport }> {
  if (flags.context !== undefined && flags.kubeconfig === undefined)
    throw UsageError.of([{ field: '--context', value: flags.context, rule: 'needs --kubeconfig' }]);
  const infraVlan = wholeNumber('--infra-vlan', flags.infraVlan, 1, 4094);
  const timeoutSeconds = wholeNumber('--timeout', flags.timeout, 0, Number.MAX_SAFE_INTEGER);
  // The same two steps as -a (src/cluster): what verify expects is what -a wrote.
  const { probeCluster, discoverFabric, buildCluster } = await import('../cluster/index.js');
  const source = {
    text: readTextFile(flags.config, '--config'),
    file: flags.config,
    options: { flavor: flags.flavor ?? DEFAULT_VERIFY_FLAVOR, ...(infraVlan !== undefined ? { infraVlan } : {}) },
  };
  const probe = probeCluster(source);
  for (const w of probe.warnings) io.warn(w);
  const fileNodes = flags.nodes !== undefined ? await nodeNames(flags.nodes) : undefined;
  // The live cluster is read before the APIC is asked anything: a bad kubeconfig sends no request to the APIC.
  const live = flags.kubeconfig !== undefined ? await readLiveCluster(flags.kubeconfig, flags.context, timeoutSeconds) : undefined;
  const running = runningExpectation(fileNodes, live);

  const { apicClientOptions } = await import('../apic/from-config.js');
  const { ApicClient, retryMessage } = await import('../apic/client.js');
  const { apicStateReader } = await import('../provision/engine/state.js');
  const password = flags.password ?? (io.env.ACC_PROVISION_PASS || undefined);
  const options = apicClientOptions(
    probe.config,
    {
      ...(flags.username !== undefined ? { username: flags.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(flags.apicProxy !== undefined ? { proxy: flags.apicProxy } : {}),
    },
    { onWarning: (m) => io.warn(m), onRetry: (e) => io.warn(retryMessage(e)), ...io.clientExtra },
  );
  const client = new ApicClient(options);
  try {
    await client.login();
    const { sharedReads } = await import('../apic/read-cache.js');
    const facts = await discoverFabric(sharedReads(client), probe.config, infraVlan !== undefined ? { infraVlan } : {});
    const cluster = buildCluster(source, facts);
    for (const w of cluster.warnings) if (!probe.warnings.includes(w)) io.warn(w);
    const expected = withCertificate(cluster.config);
    const report = await verifyCluster({
      config: cluster.config,
      desired: cluster.desired(),
      reader: apicStateReader(client),
      inventory: client,
      apic: client.currentHost,
      ignore: expected.ignore,
      notes: [...expected.notes, ...(live ? [liveNote(live)] : [])],
      ...(running ? { running: { expect: running, reader: client } } : {}),
    });
    const output = flags.outputFormat === 'json' ? formatVerifyJson(report) : formatVerifyText(report);
    return { output, ok: report.ok, report };
  } finally {
    await client.close();
  }
}

async function readLiveCluster(file: string, context: string | undefined, timeoutSeconds: number | undefined): Promise<KubeClusterState> {
  const { readKubeCluster } = await import('./kube.js');
  const timeoutMs = (timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds : KUBE_TIMEOUT_SECONDS) * 1000;
  return readKubeCluster(file, { ...(context !== undefined ? { context } : {}), timeoutMs });
}

/**
 * With both --nodes and --kubeconfig, every node of either must be in the VMM
 * inventory: the file's nodes first, then those only Kubernetes lists.
 */
function runningExpectation(fileNodes: string[] | undefined, live: KubeClusterState | undefined): RunningExpectation | undefined {
  if (!fileNodes && !live) return undefined;
  const nodes = [...new Set([...(fileNodes ?? []), ...(live?.nodes ?? [])])];
  return { nodes, ...(live ? { loadBalancers: live.loadBalancers } : {}) };
}

function liveNote(live: KubeClusterState): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `Kubernetes ${live.server} (context ${live.context}): ${count(live.nodes.length, 'node')}, ${count(live.loadBalancers.length, 'LoadBalancer service')}`;
}

/** The node names of an inventory file (YAML or CSV): all verify needs of it. */
async function nodeNames(file: string): Promise<string[]> {
  const { parseInventory } = await import('../node/inventory.js');
  const inventory = parseInventory(readTextFile(file, '--nodes'), file);
  const problems = inventory.nodes.flatMap((n, i) => {
    const name = n && typeof n === 'object' ? (n as Record<string, unknown>)['name'] : undefined;
    const at = inventory.at(i, 'name');
    return typeof name === 'string' && name !== ''
      ? []
      : [{ field: `nodes[${i}].name`, rule: 'must be the node name', ...(at ? { at } : {}) }];
  });
  if (problems.length > 0) throw new InputError(problems);
  if (inventory.nodes.length === 0) throw new InputError([{ field: '--nodes', value: file, rule: 'must list at least one node' }]);
  return inventory.nodes.map((n) => String((n as Record<string, unknown>)['name']));
}

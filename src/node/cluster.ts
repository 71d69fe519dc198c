// The cluster for the node commands: the same model as every command
// (src/cluster), then the node networking values out of it.
import { DEFAULT_FLAVOR, readTextFile } from '../config/file.js';
import { UsageError } from '../errors.js';

export { readTextFile };
import { nodeNetworkParams, type NodeNetworkParams } from './params.js';

/** The upstream Kubernetes flavor the node commands assume without -f. */
export const DEFAULT_NODE_FLAVOR = DEFAULT_FLAVOR;

export interface ClusterOptions {
  flavor?: string;
  infraVlan?: number;
  mtu?: number;
}

export async function loadClusterNetwork(
  configFile: string,
  opts: ClusterOptions,
): Promise<{ params: NodeNetworkParams; warnings: string[] }> {
  const text = readTextFile(configFile, '--config');
  // The same cluster model as every command; no APIC here, so the facts are the flags'.
  const { buildCluster, offlineFacts } = await import('../cluster/index.js');
  const source = { text, file: configFile, options: { flavor: opts.flavor ?? DEFAULT_NODE_FLAVOR } };
  const { config, warnings } = buildCluster(source, offlineFacts(opts.infraVlan));
  return { params: nodeNetworkParams(config, { ...(opts.mtu !== undefined ? { mtu: opts.mtu } : {}) }), warnings };
}

/** A whole-number flag value, or a usage error naming the flag. */
export function integerFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw UsageError.of([{ field: flag, value, rule: 'must be a whole number' }]);
  return Number(value);
}

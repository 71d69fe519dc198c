// Which files a node gets for a chosen format, and writing them out.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderDhclient } from './dhclient.js';
import type { HostFile } from './host-file.js';
import { renderIfupdown } from './ifupdown.js';
import { renderNetplan } from './netplan.js';
import { renderNetworkManager } from './networkmanager.js';
import type { NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

export const NODE_FORMATS = ['ifupdown', 'netplan', 'nm', 'all'] as const;
export type NodeFormat = (typeof NODE_FORMATS)[number];

/**
 * The node's files for one format. The dhclient file goes with the formats
 * whose DHCP client is dhclient (ifupdown, NetworkManager's dhclient mode);
 * netplan's networkd sends the same identifier from `dhcp-identifier: mac`.
 */
export function nodeFiles(node: NodeSpec, params: NodeNetworkParams, format: NodeFormat): HostFile[] {
  const files: HostFile[] = [];
  if (format === 'netplan' || format === 'all') files.push(renderNetplan(node, params));
  if (format === 'ifupdown' || format === 'all') files.push(renderIfupdown(node, params));
  if (format === 'nm' || format === 'all') files.push(...renderNetworkManager(node, params));
  if (format !== 'netplan') files.push(renderDhclient(node, params));
  return files;
}

/** Writes DIR/<node>/<host path> for every node; files are rendered before any is written. */
export function writeNodeFiles(outDir: string, rendered: { node: NodeSpec; files: HostFile[] }[]): string[] {
  const written: string[] = [];
  for (const { node, files } of rendered) {
    for (const f of files) {
      const target = join(outDir, node.name, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content, { mode: f.mode });
      chmodSync(target, f.mode); // the mode option does not change an existing file
      written.push(target);
    }
  }
  return written;
}

/** One node's files for a terminal: each preceded by a header naming it. */
export function formatForStdout(node: NodeSpec, files: HostFile[]): string {
  return files.map((f) => `==> ${node.name}: /${f.path} <==\n${f.content}`).join('\n');
}

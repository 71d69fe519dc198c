// Which files a node gets for a chosen format, and writing them out.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { OutputBatch } from '../cli/output/atomic.js';
import { InputError } from '../errors.js';
import { dirname, join } from 'node:path';
import { renderDhclient } from './dhclient.js';
import type { HostFile } from './host-file.js';
import { renderIfupdown } from './ifupdown.js';
import { renderNetplan } from './netplan.js';
import { renderNetworkManager } from './networkmanager.js';
import type { HostFormat, NodeSpec } from './node.js';
import type { NodeNetworkParams } from './params.js';

export const NODE_FORMATS = ['ifupdown', 'netplan', 'nm', 'all'] as const;
export type NodeFormat = (typeof NODE_FORMATS)[number];

/** What a host gets when neither --format nor its inventory entry says: Ubuntu's netplan. */
export const DEFAULT_NODE_FORMAT: HostFormat = 'netplan';

/** The format for one node: `--format`, else its inventory `format:`, else the default. */
export function formatFor(node: NodeSpec, flag: NodeFormat | undefined): { format: NodeFormat; defaulted: boolean } {
  if (flag !== undefined) return { format: flag, defaulted: false };
  if (node.format !== undefined) return { format: node.format, defaulted: false };
  return { format: DEFAULT_NODE_FORMAT, defaulted: true };
}

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

/**
 * Writes DIR/<node>/<host path> for every node, all or none: the files are
 * staged next to their targets and moved into place only when every one is
 * ready (see cli/output/atomic.ts); on a failure the folders made for them
 * are removed again and the error names the path.
 */
export function writeNodeFiles(outDir: string, rendered: { node: NodeSpec; files: HostFile[] }[]): string[] {
  const batch = new OutputBatch();
  const made: string[] = [];
  try {
    for (const { node, files } of rendered) {
      for (const f of files) {
        const target = join(outDir, node.name, f.path);
        makeDirs(dirname(target), made);
        batch.add({ path: target, content: f.content, mode: f.mode, field: '--out' });
      }
    }
    return batch.commit();
  } catch (e) {
    for (const d of made.reverse()) rmSync(d, { recursive: true, force: true });
    throw e;
  }
}

/** mkdir -p, remembering each folder it creates; a failure names the folder. */
function makeDirs(dir: string, made: string[]): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new InputError([{ field: '--out', value: dir, rule: 'cannot write: it is a file, not a directory' }]);
    return;
  }
  makeDirs(dirname(dir), made);
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a part of the path is a file, not a directory'
          : (code ?? (e as Error).message);
    throw new InputError([{ field: '--out', value: dir, rule: `cannot create the folder: ${why}` }]);
  }
  made.push(dir);
}

/** One node's files for a terminal: each preceded by a header naming it. */
export function formatForStdout(node: NodeSpec, files: HostFile[]): string {
  return files.map((f) => `==> ${node.name}: /${f.path} <==\n${f.content}`).join('\n');
}

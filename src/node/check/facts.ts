// What node-check looks at: the output of `ip -j -d addr`, `ip -j route` and
// `ps -eo comm`, read from saved files or taken live on the node.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../../errors.js';

export interface IpAddrInfo {
  /** 'inet' or 'inet6' */
  family: string;
  local: string;
  prefixlen: number;
  /** Set on addresses with a lease (DHCP) rather than a static one. */
  dynamic?: boolean;
}

/** One entry of `ip -j -d addr` (only the fields the checks use). */
export interface IpLink {
  ifname: string;
  mtu: number;
  /** The lower device of a VLAN, e.g. "ens192" for "ens192.4093". */
  link?: string;
  linkinfo?: { info_kind?: string; info_data?: { id?: number; protocol?: string } };
  addr_info?: IpAddrInfo[];
}

/** One entry of `ip -j route`. */
export interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
  metric?: number;
  scope?: string;
}

export interface NodeFacts {
  links: IpLink[];
  routes: IpRoute[];
  /** Command names of running processes. */
  processes: string[];
}

export const FACT_FILES = { addr: 'ip-addr.json', route: 'ip-route.json', ps: 'ps.txt' } as const;

function parseJsonList<T>(text: string, source: string): T[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError([{ field: source, rule: `is not JSON (${(e as Error).message}); save it with the -j flag of ip` }]);
  }
  if (!Array.isArray(data)) throw new InputError([{ field: source, rule: 'must be the JSON list that ip -j prints' }]);
  return data as T[];
}

export function parseIpAddr(text: string, source: string = FACT_FILES.addr): IpLink[] {
  const links = parseJsonList<IpLink>(text, source);
  links.forEach((l, i) => {
    if (typeof l?.ifname !== 'string' || typeof l.mtu !== 'number') {
      throw new InputError([{ field: `${source}[${i}]`, rule: 'lacks ifname or mtu: save `ip -j -d addr` output' }]);
    }
  });
  return links;
}

export function parseIpRoute(text: string, source: string = FACT_FILES.route): IpRoute[] {
  const routes = parseJsonList<IpRoute>(text, source);
  routes.forEach((r, i) => {
    if (typeof r?.dst !== 'string') throw new InputError([{ field: `${source}[${i}]`, rule: 'lacks dst: save `ip -j route` output' }]);
  });
  return routes;
}

/** `ps -eo comm`: a COMMAND header, then one name per line. */
export function parsePs(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i) => l !== '' && !(i === 0 && l === 'COMMAND'));
}

function readFact(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    const how = name === FACT_FILES.addr ? 'ip -j -d addr' : name === FACT_FILES.route ? 'ip -j route' : 'ps -eo comm';
    throw new InputError([{ field: '--from', value: dir, rule: `has no readable ${name}; save it on the node with \`${how} > ${name}\`` }]);
  }
}

export function factsFromDir(dir: string): NodeFacts {
  return {
    links: parseIpAddr(readFact(dir, FACT_FILES.addr)),
    routes: parseIpRoute(readFact(dir, FACT_FILES.route)),
    processes: parsePs(readFact(dir, FACT_FILES.ps)),
  };
}

const run = promisify(execFile);

async function output(cmd: string, args: string[]): Promise<string> {
  try {
    return (await run(cmd, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    throw new InputError([
      {
        field: cmd,
        rule: `could not run \`${cmd} ${args.join(' ')}\` (${(e as Error).message.split('\n')[0]}); run node-check on the node, or save the outputs and pass --from DIR`,
      },
    ]);
  }
}

/** Runs the three commands on this host. */
export async function factsFromHost(): Promise<NodeFacts> {
  const [addr, route, ps] = await Promise.all([
    output('ip', ['-j', '-d', 'addr']),
    output('ip', ['-j', 'route']),
    output('ps', ['-eo', 'comm']),
  ]);
  return { links: parseIpAddr(addr, 'ip -j -d addr'), routes: parseIpRoute(route, 'ip -j route'), processes: parsePs(ps) };
}

// `node-check --api-server`: an address, or a host name resolved the way the
// node itself resolves it (the resolver of the system: /etc/hosts, DNS).
import { parseAddress } from '../subnet.js';

export interface ApiServerTarget {
  /** As given. */
  given: string;
  /** The addresses it stands for; empty when the name does not resolve. */
  addresses: string[];
  /** Why the name did not resolve. */
  error?: string;
}

export type Lookup = (name: string) => Promise<string[]>;

const systemLookup: Lookup = async (name) => {
  const { lookup } = await import('node:dns/promises');
  return (await lookup(name, { all: true, verbatim: true })).map((a) => a.address);
};

export async function resolveApiServer(given: string, lookup: Lookup = systemLookup): Promise<ApiServerTarget> {
  const ip = parseAddress(given);
  if (ip) return { given, addresses: [ip.address] };
  try {
    const addresses = [...new Set((await lookup(given)).map((a) => parseAddress(a)?.address ?? a))];
    return { given, addresses };
  } catch (e) {
    return { given, addresses: [], error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}

// The parts of undici the APIC client uses, loaded alone. undici's entry
// point loads everything the package has (fetch, WebSocket, cookies, HTTP
// caches, mocks) before it returns: some 40 ms of every -a, -d, plan and
// verify start, for an Agent, a ProxyAgent and `request`. Their files are
// undici's own (the 7.x layout, pinned by the lockfile);
// test/apic/undici.test.ts checks they are what the entry point exports.
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

export const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
export const ProxyAgent = require('undici/lib/dispatcher/proxy-agent.js') as typeof Undici.ProxyAgent;

// What the entry point does first: every dispatcher gets the request API
// (`request`, and `connect`, which the ProxyAgent uses to open its tunnel).
const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as typeof Undici.Dispatcher;
Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js'));

type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Undici.Dispatcher };

/** undici's `request(url, options)` through the dispatcher given in the options. */
export function request(url: string, opts: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  const { dispatcher, ...rest } = opts;
  const u = new URL(url);
  return dispatcher.request({ ...rest, origin: u.origin, path: `${u.pathname}${u.search}` });
}

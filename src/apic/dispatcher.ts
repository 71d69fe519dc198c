// The undici dispatcher every APIC request goes through: it carries the TLS
// trust decision (verify against the configured CA file, or not at all) and
// the optional forward proxy, so the client itself never touches sockets.
import { readFileSync } from 'node:fs';
import type { Dispatcher } from 'undici';
import { Agent, ProxyAgent } from './undici.js';
import { InputError } from '../errors.js';
import { createSecureContext, rootCertificates } from 'node:tls';
import { handedOverExtraCa } from './extra-ca.js';

export interface DispatcherOptions {
  /** PEM file holding the CA (or the APIC's own self-signed certificate) to trust. */
  caFile?: string;
  /** PEM text, instead of a file (tests). */
  ca?: string;
  /** Forward proxy URL, e.g. `http://proxy:3128`. */
  proxy?: string;
  /** TCP+TLS connect timeout, ms. */
  connectTimeoutMs: number;
}

export interface ApicDispatcher {
  dispatcher: Dispatcher;
  verified: boolean;
}

export function makeDispatcher(opts: DispatcherOptions): ApicDispatcher {
  let ca: string | undefined = opts.ca;
  if (ca === undefined && opts.caFile) {
    try {
      ca = readFileSync(opts.caFile, 'utf8');
    } catch (e) {
      throw new InputError([
        { field: 'aci_config.apic_tls_cert', value: opts.caFile, rule: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` },
      ]);
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
      throw new InputError([{ field: 'aci_config.apic_tls_cert', value: opts.caFile, rule: 'must hold a PEM certificate' }]);
    }
  }
  const verified = ca !== undefined;
  // One TLS context for every connection: otherwise each of a round's
  // parallel connections builds its own (and parses the CA again).
  const secureContext = createSecureContext(verified ? { ca } : {});
  const tls = { secureContext, rejectUnauthorized: verified };
  // `proxy:3128` as users write it means an HTTP proxy.
  const proxy = opts.proxy && !/^[a-z][a-z0-9+.-]*:\/\//i.test(opts.proxy) ? `http://${opts.proxy}` : opts.proxy;
  // An https:// proxy is checked against the default trust.
  const proxyCa = proxy?.startsWith('https:') ? defaultTrust() : undefined;
  const dispatcher = proxy
    ? new ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: proxyCa && { ca: proxyCa }, connect: { timeout: opts.connectTimeoutMs } })
    : new Agent({ connect: { ...tls, timeout: opts.connectTimeoutMs }, keepAliveTimeout: 10_000 });
  return { dispatcher, verified };
}

/**
 * Node's default trust when bin/acc-provision handed NODE_EXTRA_CA_CERTS over
 * (see extra-ca.ts): the root certificates plus that file. Undefined when
 * nothing was handed over, and Node's own default applies. An unreadable file
 * is skipped with a warning, as Node does at start.
 */
export function defaultTrust(): string[] | undefined {
  const file = handedOverExtraCa();
  if (file === undefined) return undefined;
  try {
    return [...rootCertificates, readFileSync(file, 'utf8')];
  } catch (e) {
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    return undefined;
  }
}

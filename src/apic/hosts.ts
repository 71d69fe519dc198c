// APIC addresses as users write them in `aci_config.apic_hosts`: `host`,
// `host:port`, `[v6addr]:port`, or a full URL (tests and non-standard setups).
// A bare host means HTTPS on 443, as on every APIC.
import { InputError } from '../errors.js';

export interface ApicEndpoint {
  /** `https://host:port`, what requests are sent to. */
  origin: string;
  /** As the user wrote it; used in messages. */
  label: string;
}

export function parseApicHost(text: string, field = 'aci_config.apic_hosts'): ApicEndpoint {
  const raw = text.trim();
  const bad = (rule: string): InputError => new InputError([{ field, value: text, rule }]);
  if (raw === '') throw bad('an APIC address must not be empty');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw bad('must be host, host:port or https://host:port');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw bad('only https (or http) URLs are accepted');
  if (url.username || url.password) throw bad('credentials do not belong in the APIC address; use the login options');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw bad('must be host, host:port or https://host:port, without a path');
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return { origin: `${url.protocol}//${url.hostname}:${port}`, label: raw };
}

export function parseApicHosts(hosts: readonly string[], field = 'aci_config.apic_hosts'): ApicEndpoint[] {
  if (hosts.length === 0) throw new InputError([{ field, value: hosts, rule: 'at least one APIC address is needed' }]);
  return hosts.map((h, i) => parseApicHost(String(h), `${field}[${i}]`));
}

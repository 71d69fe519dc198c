// REST paths for DNs. An APIC DN may hold brackets, slashes inside brackets,
// colons and commas (`rsdomP-[uni/vmmp-Kubernetes/dom-kube]`,
// `subnet-[10.2.0.1/16]`); the APIC takes those raw, as the Python tool and
// curl send them. Only characters that would break the URL are escaped.

const UNSAFE = /[^A-Za-z0-9\-._~/[\]:@,;=+!$&'()*]/g;

export function encodeDn(dn: string): string {
  return dn.replace(UNSAFE, (c) => encodeURIComponent(c));
}

export function moPath(dn: string): string {
  return `/api/mo/${encodeDn(dn)}.json`;
}

export type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

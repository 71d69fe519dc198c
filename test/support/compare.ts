// Equality of acc-provision outputs as ../shared/conformance/README.md defines
// it: manifests as parsed YAML documents (in order; JSON held in ConfigMap
// values parsed; aci-operator-config's spec and the operator CR's spec with
// their `config` manifest parsed), APIC dumps as a multiset of
// (path, parsed body). Each function returns human-readable differences.
import { parseAllDocuments, parse as parseYaml } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** PyYAML (YAML 1.1) wrote the expected files; read both sides the same way. */
function yamlDocs(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' })
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`YAML: ${d.errors[0].message}`);
      return d.toJS({ maxAliasCount: -1 }) as unknown;
    })
    .filter((d) => d !== null && d !== undefined);
}

function maybeJson(v: unknown): unknown {
  if (typeof v === 'string' && /^[{[]/.test(v.trim())) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

function strictBase64(s: string): string | undefined {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(s, 'base64'));
  } catch {
    return undefined;
  }
}

/** The operator's spec: JSON or YAML text or data; `config` is a manifest, base64 or plain. */
function operatorSpec(spec: unknown): unknown {
  let s = spec;
  if (typeof spec === 'string') {
    try {
      s = JSON.parse(spec);
    } catch {
      try {
        s = parseYaml(spec, { version: '1.1' });
      } catch {
        return spec;
      }
    }
  }
  if (s && typeof s === 'object' && !Array.isArray(s) && typeof (s as Record<string, unknown>).config === 'string') {
    const raw = (s as Record<string, unknown>).config as string;
    const text = strictBase64(raw) ?? raw;
    try {
      return { ...s, config: yamlDocs(text) };
    } catch {
      return { ...s, config: text.trim() };
    }
  }
  return s;
}

export function normalizeDoc(d: unknown): unknown {
  if (!d || typeof d !== 'object' || Array.isArray(d)) return d;
  const doc = d as Record<string, unknown>;
  const name = (doc.metadata as Record<string, unknown> | undefined)?.name;
  if (doc.kind === 'ConfigMap' && doc.data && typeof doc.data === 'object' && !Array.isArray(doc.data)) {
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc.data as Record<string, unknown>)) {
      data[k] = name === 'aci-operator-config' && k === 'spec' ? operatorSpec(v) : maybeJson(v);
    }
    return { ...doc, data };
  }
  if (doc.kind === 'AciContainersOperator' && doc.spec && typeof doc.spec === 'object') {
    return { ...doc, spec: operatorSpec(doc.spec) };
  }
  return doc;
}

export function loadKube(text: string): unknown[] {
  return yamlDocs(text).map(normalizeDoc);
}

/** JSON with keys sorted at every level: equal data, equal text. */
export function canon(x: unknown): string {
  return JSON.stringify(sortKeys(x));
}

function sortKeys(x: unknown): unknown {
  if (x instanceof Date) return x.toISOString();
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) out[k] = sortKeys((x as Record<string, unknown>)[k]);
    return out;
  }
  return x;
}

function label(d: unknown): string {
  const o = (d ?? {}) as Record<string, unknown>;
  return `${String(o.kind)}/${String((o.metadata as Record<string, unknown> | undefined)?.name)}`;
}

function firstDiff(e: unknown, a: unknown, path = ''): string {
  const show = (v: unknown) => JSON.stringify(v)?.slice(0, 100);
  if (Array.isArray(e) && Array.isArray(a)) {
    if (e.length !== a.length) return `${path || '/'}: ${e.length} items, got ${a.length}`;
    for (let i = 0; i < e.length; i++) if (canon(e[i]) !== canon(a[i])) return firstDiff(e[i], a[i], `${path}[${i}]`);
  } else if (e && a && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])].sort();
    for (const k of keys) {
      if (!(k in e)) return `${path}/${k}: unexpected`;
      if (!(k in a)) return `${path}/${k}: missing`;
      const ev = (e as Record<string, unknown>)[k];
      const av = (a as Record<string, unknown>)[k];
      if (canon(ev) !== canon(av)) return firstDiff(ev, av, `${path}/${k}`);
    }
  }
  return `${path || '/'}: expected ${show(e)}, got ${show(a)}`;
}

export function diffKube(expectedText: string, actualText: string, limit = 3): string[] {
  const expected = loadKube(expectedText);
  const actual = loadKube(actualText);
  const out: string[] = [];
  if (expected.length !== actual.length) {
    const ek = expected.map(label);
    const ak = actual.map(label);
    out.push(
      `documents: expected ${expected.length}, got ${actual.length}; missing ${JSON.stringify(ek.filter((k) => !ak.includes(k)).slice(0, 5))}; extra ${JSON.stringify(ak.filter((k) => !ek.includes(k)).slice(0, 5))}`,
    );
  }
  for (let i = 0; i < Math.min(expected.length, actual.length) && out.length < limit; i++) {
    if (canon(expected[i]) !== canon(actual[i])) out.push(`doc ${i} ${label(expected[i])} differs at ${firstDiff(expected[i], actual[i])}`);
  }
  return out;
}

export interface ApicRequest {
  path: string;
  body: Json;
}

/** Blocks of a path line followed by a JSON body (or `None`). */
export function loadApic(text: string): ApicRequest[] {
  const reqs: ApicRequest[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return reqs;
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const path = text.slice(i, nl).trim();
    i = nl + 1;
    skipSpace();
    if (text.startsWith('None', i)) {
      reqs.push({ path, body: null });
      i += 4;
      continue;
    }
    const end = jsonEnd(text, i);
    reqs.push({ path, body: JSON.parse(text.slice(i, end)) as Json });
    i = end;
  }
}

/** Index just past the JSON value starting at `start`. */
function jsonEnd(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') {
    const m = /^("(?:[^"\\]|\\.)*"|[^\s]+)/.exec(text.slice(start));
    if (!m) throw new Error(`APIC dump: no JSON body at offset ${start}`);
    return start + m[0].length;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`APIC dump: unterminated JSON body at offset ${start}`);
}

export function diffApic(expectedText: string, actualText: string): string[] {
  const expected = loadApic(expectedText);
  const actual = loadApic(actualText);
  const count = (reqs: ApicRequest[]) => {
    const m = new Map<string, number>();
    for (const r of reqs) {
      const k = `${r.path}\n${canon(r.body)}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const ce = count(expected);
  const ca = count(actual);
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [k, n] of ce) for (let j = ca.get(k) ?? 0; j < n; j++) missing.push(k.split('\n')[0]);
  for (const [k, n] of ca) for (let j = ce.get(k) ?? 0; j < n; j++) extra.push(k.split('\n')[0]);
  if (missing.length === 0 && extra.length === 0) return [];
  return [
    ...missing.slice(0, 3).map((p) => `missing request ${p}`),
    ...extra.slice(0, 3).map((p) => `unexpected request ${p}`),
    `${missing.length} missing, ${extra.length} unexpected of ${expected.length} expected requests`,
  ];
}

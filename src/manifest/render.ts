// Kubernetes objects to YAML text, block style as kubectl and PyYAML write it.
// A small emitter for plain data (the objects are JSON-shaped): much faster
// than a general YAML library on the ~200 KB of CRD schemas, and written for
// YAML 1.1 readers: any string a YAML 1.1 parser could read as something else
// (yes, on, 0777, 1e3, 12:30, ...) is double-quoted; multi-line strings are
// literal blocks when that keeps them byte for byte, else double-quoted.
import type { KubeObject } from './object.js';

// Plain only when unmistakably a string: starts with a letter, "/" or "_",
// and holds no YAML indicators.
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@-]*(?:[ :][A-Za-z0-9_./@-]+)*$/;
// YAML 1.1 booleans and nulls that PLAIN would admit.
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

function plainOk(s: string): boolean {
  // ": " would start a mapping value; a colon then space is excluded above
  // except between words, so check it explicitly.
  return PLAIN.test(s) && !RESERVED.test(s) && !s.includes(': ') && !s.endsWith(':');
}

function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? '.inf' : v < 0 ? '-.inf' : '.nan';
  const s = String(v);
  return plainOk(s) ? s : quoted(s);
}

/** A literal block (`|`, `|-`, `|+`) for `s` at `indent`, or undefined when
 * a literal block could not hold it exactly. */
function literal(s: string, indent: number): string | undefined {
  if (!s.includes('\n') || CONTROL.test(s) || s.includes('\r') || /^[ \t]/.test(s)) return undefined;
  const body = s.replace(/\n+$/, '');
  const trailing = s.length - body.length;
  const lines = body.split('\n');
  // Whitespace-only lines would read back as empty ones.
  if (lines.some((l) => l.length > 0 && l.trim() === '')) return undefined;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const extra = trailing > 1 ? '\n'.repeat(trailing - 1) : '';
  return `|${chomp}\n` + lines.map((l) => (l ? pad + l : '')).join('\n') + extra;
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function hasKeys(m: Record<string, unknown>): boolean {
  for (const k in m) if (Object.hasOwn(m, k)) return true;
  return false;
}

// Keys repeat by the thousand (type, description, properties, ...), and so do
// short values (string, object, true): each is checked once.
const SHORT = 64;
const scalarText = new Map<string, string>();

function stringScalar(s: string): string {
  if (s.length > SHORT) return scalar(s);
  let text = scalarText.get(s);
  if (text === undefined) {
    text = scalar(s);
    scalarText.set(s, text);
  }
  return text;
}

/** `key: value` lines for a mapping at `indent`. */
function emitMap(m: Record<string, unknown>, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const k of Object.keys(m)) {
    const v = m[k];
    if (v === undefined) continue;
    const key = stringScalar(k);
    if (isMap(v) && hasKeys(v)) {
      out.push(`${pad}${key}:`);
      emitMap(v, indent + 2, out);
    } else if (Array.isArray(v) && v.length > 0) {
      out.push(`${pad}${key}:`);
      emitSeq(v, indent, out);
    } else out.push(`${pad}${key}: ${leaf(v, indent + 2)}`);
  }
}

/** `- item` lines for a sequence at `indent` (indentless under a key, as PyYAML writes). */
function emitSeq(a: unknown[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const v of a) {
    const first = out.length;
    if (isMap(v) && hasKeys(v)) emitMap(v, indent + 2, out);
    else if (Array.isArray(v) && v.length > 0) emitSeq(v, indent + 2, out);
    else {
      out.push(`${pad}- ${leaf(v, indent + 2)}`);
      continue;
    }
    // The item's first line goes after the dash; the others follow as they are.
    out[first] = `${pad}- ${out[first].slice(indent + 2)}`;
  }
}

function leaf(v: unknown, indent: number): string {
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  if (typeof v === 'string') return literal(v, indent) ?? stringScalar(v);
  return scalar(v);
}

const cache = new WeakMap<object, string>();

/** One object as a YAML document (memoized: built objects are not changed
 * after building, and the same object appears in several outputs). */
export function renderDoc(obj: KubeObject): string {
  let text = cache.get(obj);
  if (text === undefined) {
    const out: string[] = [];
    emitMap(obj, 0, out);
    text = out.join('\n') + '\n';
    cache.set(obj, text);
  }
  return text;
}

export function renderDocs(objs: KubeObject[]): string {
  return objs.map(renderDoc).join('---\n');
}

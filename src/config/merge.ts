// Layering of configuration sources. Every layer only fills what the layers
// above it left unset (the Python tool's deep_merge): command line over the
// user's file over the flavor over the defaults over the release's versions.

export type Tree = Record<string, unknown>;

export function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `top` with every key it lacks taken from `under`, recursively into mappings both have. */
export function fillFrom(top: unknown, under: unknown): unknown {
  if (!isTree(top) || !isTree(under)) return copyOf(top);
  const out: Tree = {};
  for (const k of Object.keys(top)) out[k] = Object.hasOwn(under, k) ? fillFrom(top[k], under[k]) : copyOf(top[k]);
  for (const k of Object.keys(under)) if (!Object.hasOwn(top, k)) out[k] = copyOf(under[k]);
  return out;
}

/** A deep copy; plain data is copied here (a configuration is thousands of
 * small values, each a costly structuredClone call), anything else (dates,
 * binary) by structuredClone. */
function copyOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyOf);
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const out: Tree = {};
  for (const k of Object.keys(v)) out[k] = copyOf((v as Tree)[k]);
  return out;
}

/** Value at a dotted path (`a.b.c`), or undefined when any step is missing. */
export function getPath(tree: unknown, path: string): unknown {
  let cur: unknown = tree;
  for (const part of path.split('.')) {
    if (!isTree(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Python truthiness: what the Python tool's "required" accepts. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isTree(v)) return Object.keys(v).length > 0;
  return true;
}

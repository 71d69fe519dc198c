// Layering of configuration sources. Every layer only fills what the layers
// above it left unset (the Python tool's deep_merge): command line over the
// user's file over the flavor over the defaults over the release's versions.

export type Tree = Record<string, unknown>;

export function isTree(v: unknown): v is Tree {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `top` with every key it lacks taken from `under`, recursively into mappings both have. */
export function fillFrom(top: unknown, under: unknown): unknown {
  if (!isTree(top) || !isTree(under)) return structuredClone(top);
  const out: Tree = {};
  for (const [k, v] of Object.entries(top)) out[k] = structuredClone(v);
  for (const [k, v] of Object.entries(under)) {
    out[k] = Object.prototype.hasOwnProperty.call(top, k) ? fillFrom(top[k], v) : structuredClone(v);
  }
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

// The part of the Reflect metadata API that @peculiar/x509's dependency
// injection (tsyringe) needs before it loads. A few lines here instead of a
// polyfill package; installed only where absent.
type Key = unknown;
const store = new WeakMap<object, Map<string | symbol | undefined, Map<Key, unknown>>>();

function own(target: object, prop: string | symbol | undefined, create: boolean): Map<Key, unknown> | undefined {
  let byProp = store.get(target);
  if (!byProp) {
    if (!create) return undefined;
    store.set(target, (byProp = new Map<string | symbol | undefined, Map<Key, unknown>>()));
  }
  let m = byProp.get(prop);
  if (!m && create) byProp.set(prop, (m = new Map()));
  return m;
}

const api = {
  defineMetadata(key: Key, value: unknown, target: object, prop?: string | symbol): void {
    own(target, prop, true)!.set(key, value);
  },
  getOwnMetadata(key: Key, target: object, prop?: string | symbol): unknown {
    return own(target, prop, false)?.get(key);
  },
  getMetadata(key: Key, target: object, prop?: string | symbol): unknown {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const m = own(t, prop, false);
      if (m?.has(key)) return m.get(key);
    }
    return undefined;
  },
  hasMetadata(key: Key, target: object, prop?: string | symbol): boolean {
    return api.getMetadata(key, target, prop) !== undefined;
  },
  metadata(key: Key, value: unknown) {
    return (target: object, prop?: string | symbol) => api.defineMetadata(key, value, target, prop);
  },
};

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  for (const [name, fn] of Object.entries(api)) R[name] = fn;
}

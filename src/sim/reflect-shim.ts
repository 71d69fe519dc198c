// @peculiar/x509 pulls in tsyringe, which refuses to load without the
// Reflect metadata API (normally from the `reflect-metadata` package, not a
// dependency here). This is the small subset it uses, installed only when
// absent. Must be imported before @peculiar/x509.
type Key = unknown;
const store = new WeakMap<object, Map<Key, Map<Key, unknown>>>();

function table(target: object, prop: Key, create: boolean): Map<Key, unknown> | undefined {
  let byProp = store.get(target);
  if (!byProp) {
    if (!create) return undefined;
    byProp = new Map();
    store.set(target, byProp);
  }
  let t = byProp.get(prop);
  if (!t && create) {
    t = new Map();
    byProp.set(prop, t);
  }
  return t;
}

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  const getOwn = (k: Key, target: object, prop?: Key) => table(target, prop, false)?.get(k);
  const get = (k: Key, target: object, prop?: Key): unknown => {
    for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
      const v = getOwn(k, o, prop);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  R.defineMetadata = (k: Key, v: unknown, target: object, prop?: Key) => void table(target, prop, true)!.set(k, v);
  R.getOwnMetadata = getOwn;
  R.getMetadata = get;
  R.hasOwnMetadata = (k: Key, target: object, prop?: Key) => getOwn(k, target, prop) !== undefined;
  R.hasMetadata = (k: Key, target: object, prop?: Key) => get(k, target, prop) !== undefined;
  R.metadata = (k: Key, v: unknown) => (target: object, prop?: Key) => void table(target, prop, true)!.set(k, v);
}

export {};

// @peculiar/x509 pulls in tsyringe, which insists on a Reflect metadata
// polyfill although x509 only uses its container. The `reflect-metadata`
// package is not a dependency, so a minimal in-memory stand-in is installed
// before x509 loads (imported first by ./cert.ts).
const store = new WeakMap<object, Map<unknown, unknown>>();
const R = Reflect as unknown as Record<string, unknown>;
if (typeof R['getMetadata'] !== 'function') {
  const get = (key: unknown, target: object): unknown => store.get(target)?.get(key);
  R['getMetadata'] = get;
  R['getOwnMetadata'] = get;
  R['defineMetadata'] = (key: unknown, value: unknown, target: object): void => {
    let m = store.get(target);
    if (!m) store.set(target, (m = new Map()));
    m.set(key, value);
  };
}
export {};

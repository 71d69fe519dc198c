// The REST calls the simulator benchmarks make: JSON in and out over HTTPS
// (the simulator's self-signed certificate accepted), the session as the APIC cookie.
import { fetch } from 'undici';

/** `call(method, path, body?, token?)` against `url` through `dispatcher`; non-200 answers throw. */
export function simCaller(url, dispatcher) {
  return async function call(method, path, body, token) {
    const res = await fetch(url + path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: token ? { cookie: `APIC-cookie=${token}` } : {},
      dispatcher,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
}

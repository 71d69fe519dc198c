// Heavy libraries (yaml ~35 ms, zod's v3 API ~15 ms to load) are required on
// first use, so `--help`, `--sample` and `--list-flavors` never pay for them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let yamlLib: typeof import('yaml') | undefined;
let zodLib: typeof import('zod/v3') | undefined;

export function yamlLibrary(): typeof import('yaml') {
  return (yamlLib ??= require('yaml') as typeof import('yaml'));
}

export function zodLibrary(): typeof import('zod/v3') {
  return (zodLib ??= require('zod/v3') as typeof import('zod/v3'));
}

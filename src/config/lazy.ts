// Heavy libraries (yaml ~40 ms, zod ~60 ms to load) are required on first use,
// so `--help`, `--sample` and `--list-flavors` never pay for them.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let yamlLib: typeof import('yaml') | undefined;
let zodLib: typeof import('zod') | undefined;

export function yamlLibrary(): typeof import('yaml') {
  return (yamlLib ??= require('yaml') as typeof import('yaml'));
}

export function zodLibrary(): typeof import('zod') {
  if (!zodLib) {
    zodLib = require('zod') as typeof import('zod');
    // A CLI parses one document: compiling parsers (zod's JIT) costs more than it saves.
    zodLib.z.config({ jitless: true });
  }
  return zodLib;
}

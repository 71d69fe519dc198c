// The `--apic-dump` file: the requests `-a` would send to an empty fabric.
// Placeholder signature: the ACI objects work fills this in.
import type { Config } from '../config/types.js';

export function renderApicDump(_config: Config): string {
  throw new Error('renderApicDump: not implemented yet');
}

// Reading the files a command is pointed at (configuration, inventory,
// apic-sim's seed): a missing or unreadable file is an input problem naming
// the flag.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** The flavor the subcommands (node-config, node-check, verify) assume without -f. */
export const DEFAULT_FLAVOR = 'kubernetes-1.35';

export function readTextFile(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const rule =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'cannot read: permission denied'
            : `cannot read: ${code ?? (e as Error).message}`;
    throw new InputError([{ field: flag, value: path, rule }]);
  }
}

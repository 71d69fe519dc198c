// One simulator per data folder: `apic-sim.lock` holds the process id of the
// one using it. `serve` and `load` take it; a lock whose process is gone is
// taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock; returns its release. Refuses a folder another live process holds. */
export function lockDataDir(dir: string, what: string): () => void {
  const file = join(dir, 'apic-sim.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid) && pid !== process.pid) {
        throw new InputError([
          { field: '--data', value: dir, rule: `is in use by another apic-sim (process ${pid}); stop it before ${what}` },
        ]);
      }
      if (pid === process.pid) {
        throw new InputError([
          { field: '--data', value: dir, rule: `is already in use by this process; stop its simulator before ${what}` },
        ]);
      }
      rmSync(file, { force: true });
    }
  }
  throw new InputError([{ field: '--data', value: dir, rule: `could not be locked for ${what}` }]);
}

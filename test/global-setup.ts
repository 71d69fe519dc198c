// Tests that spawn bin/acc-provision or bin/apic-sim run dist/: rebuild it
// (tsc, then the bundle and its code cache) once before the run so they never
// test stale code.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [resolve(repo, 'node_modules/typescript/bin/tsc'), '-p', resolve(repo, 'tsconfig.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [resolve(repo, 'scripts/bundle.mjs')], { stdio: 'inherit' });
}

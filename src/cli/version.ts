// The package version for `-v` and the release information for `--release`: one small synchronous read of package.json
// (dist/cli and src/cli both sit two levels below it), no import of JSON modules.
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `dist/RELEASE-VERSION`, which the build writes from `git describe` (dist/cli
 * and dist/bundle both sit one level below it), for `--release`; undefined
 * when the package has none. */
export function releaseInfo(file: URL = new URL('../RELEASE-VERSION', import.meta.url)): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : `acc-provision ${packageVersion()} (${text})`;
  } catch {
    return undefined;
  }
}

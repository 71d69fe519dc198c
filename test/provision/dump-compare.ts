// Test helper: read an APIC dump (path line, then a JSON body or `None`) and
// compare two dumps as multisets of (path, body), bodies as parsed JSON.

import { canon, loadApic } from '../support/compare.js';

export type DumpEntry = [path: string, body: unknown];

/** The dump's requests as (path, body) pairs (parsing shared with the CLI comparisons). */
export function parseDump(text: string): DumpEntry[] {
  return loadApic(text).map((r): DumpEntry => [r.path, r.body]);
}

/** Requests in one dump and not the other (paths, for a readable failure). */
export function dumpDifference(expected: DumpEntry[], actual: DumpEntry[]): { missing: string[]; unexpected: string[] } {
  const count = (l: DumpEntry[]) => {
    const m = new Map<string, number>();
    for (const [p, b] of l) {
      const key = `${p} ${canon(b)}`;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  };
  const e = count(expected);
  const a = count(actual);
  const short = (k: string) => k.slice(0, 200);
  return {
    missing: [...e].filter(([k, n]) => (a.get(k) ?? 0) < n).map(([k]) => short(k)),
    unexpected: [...a].filter(([k, n]) => (e.get(k) ?? 0) < n).map(([k]) => short(k)),
  };
}

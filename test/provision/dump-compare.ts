// Test helper: read an APIC dump (path line, then a JSON body or `None`) and
// compare two dumps as multisets of (path, body), bodies as parsed JSON.

export type DumpEntry = [path: string, body: unknown];

export function parseDump(text: string): DumpEntry[] {
  const out: DumpEntry[] = [];
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  for (ws(); i < text.length; ws()) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const path = text.slice(i, nl).trim();
    i = nl + 1;
    ws();
    if (text.startsWith('None', i)) {
      out.push([path, null]);
      i += 4;
      continue;
    }
    let depth = 0;
    let inStr = false;
    let esc = false;
    let j = i;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (inStr) {
        if (esc) esc = false;
        else if (ch === '\\') esc = true;
        else if (ch === '"') inStr = false;
      } else if (ch === '"') inStr = true;
      else if (ch === '{' || ch === '[') depth++;
      else if ((ch === '}' || ch === ']') && --depth === 0) {
        j++;
        break;
      }
    }
    out.push([path, JSON.parse(text.slice(i, j))]);
    i = j;
  }
  return out;
}

function canon(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** Requests in one dump and not the other (paths, for a readable failure). */
export function dumpDifference(expected: DumpEntry[], actual: DumpEntry[]): { missing: string[]; unexpected: string[] } {
  const count = (l: DumpEntry[]) => {
    const m = new Map<string, number>();
    for (const [p, b] of l) m.set(`${p} ${canon(b)}`, (m.get(`${p} ${canon(b)}`) ?? 0) + 1);
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

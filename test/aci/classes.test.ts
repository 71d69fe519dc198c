import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classTable, ROOT_CLASS } from '../../src/aci/classes.js';
import { rnFormatProps } from '../../src/aci/rn.js';
import { conformanceCases, conformancePresent, testdata } from '../support/conformance.js';

describe('class table', () => {
  it('names a known parent for every class', () => {
    for (const info of classTable.values()) {
      for (const p of info.parents) {
        expect(p === ROOT_CLASS || classTable.has(p), `${info.className} parent ${p}`).toBe(true);
      }
    }
  });
  it('uses only naming properties as RN placeholders, all settable', () => {
    for (const info of classTable.values()) {
      expect(rnFormatProps(info.rnFormat)).toEqual(info.naming);
      for (const n of info.naming) expect(info.props).toContain(n);
    }
  });
  it('has relation targets that are classes of the table', () => {
    for (const info of classTable.values()) {
      const t = info.relation?.targetClass;
      if (t) expect(classTable.has(t), `${info.className} -> ${t}`).toBe(true);
    }
  });
  it('holds every class and property of the conformance dumps', () => {
    if (!conformancePresent) {
      console.warn(`skipping: conformance data not found at ${testdata}`);
      return;
    }
    const seen = new Map<string, Set<string>>();
    const walk = (o: Record<string, { attributes?: Record<string, string>; children?: unknown[] }>) => {
      for (const [cls, body] of Object.entries(o)) {
        const s = seen.get(cls) ?? new Set();
        for (const a of Object.keys(body.attributes ?? {})) s.add(a);
        seen.set(cls, s);
        for (const c of body.children ?? []) walk(c as never);
      }
    };
    // Only the dumps of the cases the project runs (the landed flavor
    // families): the others' classes join the table as those families land.
    for (const f of conformanceCases().flatMap((c) => (c.apic ? [c.apic] : []))) {
      const parts = readFileSync(join(testdata, f), 'utf8').split(/^\/api\/\S+\n/m);
      for (const body of parts.map((p) => p.trim()).filter((p) => p && p !== 'None')) walk(JSON.parse(body));
    }
    expect(seen.size).toBeGreaterThan(30);
    for (const [cls, props] of seen) {
      const info = classTable.get(cls);
      expect(info, cls).toBeDefined();
      for (const p of props) {
        // Every object has these (`rn` too: the OpenShift ESX dumps send it as the APIC UI does).
        if (['dn', 'rn', 'status', 'annotation'].includes(p)) continue;
        expect(info!.props, `${cls}.${p}`).toContain(p);
      }
    }
  });
});

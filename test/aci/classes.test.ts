import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classInfo, classTable, isKnownClass, propType, propertyNames, ROOT_CLASS, UNIVERSAL_PROPS } from '../../src/aci/classes.js';
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
    // Every flavor family's dumps, including those whose cases the project does not run yet.
    const dumps = new Set([
      ...conformanceCases().flatMap((c) => (c.apic ? [c.apic] : [])),
      ...readdirSync(testdata).filter((f) => f.endsWith('.apic.txt')),
    ]);
    for (const f of dumps) {
      const parts = readFileSync(join(testdata, f), 'utf8').split(/^\/api\/\S+\n/m);
      for (const body of parts.map((p) => p.trim()).filter((p) => p && p !== 'None')) walk(JSON.parse(body));
    }
    expect(seen.size).toBeGreaterThan(30);
    for (const [cls, props] of seen) {
      const info = classTable.get(cls);
      expect(info, cls).toBeDefined();
      for (const p of props) {
        if (UNIVERSAL_PROPS.includes(p)) continue;
        expect(info!.props, `${cls}.${p}`).toContain(p);
      }
    }
  });
});

describe('the object model (src/aci/data)', () => {
  it('knows the classes broad clients write, with their RN formats and parents', () => {
    const expected: Record<string, [string, string]> = {
      fvRsPathAtt: ['rspathAtt-[{tDn}]', 'fvAEPg'],
      infraNodeP: ['nprof-{name}', 'infraInfra'],
      infraAccPortP: ['accportprof-{name}', 'infraInfra'],
      lacpLagPol: ['lacplagp-{name}', 'infraInfra'],
      aaaDomain: ['domain-{name}', 'aaaUserEp'],
      vzTaboo: ['taboo-{name}', 'fvTenant'],
      fvESg: ['esg-{name}', 'fvAp'],
      l3extLNodeP: ['lnodep-{name}', 'l3extOut'],
      bgpPeerP: ['peerP-[{addr}]', 'l3extLNodeP'],
      monEPGPol: ['monepg-{name}', 'fvTenant'],
    };
    for (const [cls, [rn, parent]] of Object.entries(expected)) {
      expect(classInfo(cls)?.rnFormat, cls).toBe(rn);
      expect(classInfo(cls)?.parents, cls).toContain(parent);
    }
  });
  it('knows read-only classes by name, and no made-up ones', () => {
    for (const cls of ['faultInst', 'fvCEp', 'healthInst', 'eventRecord', 'aaaModLR']) expect(isKnownClass(cls), cls).toBe(true);
    expect(isKnownClass('fvNoSuchThing')).toBe(false);
    expect(classInfo('faultInst')).toBeUndefined();
  });
  it('gives property types: enumerations, ranges, addresses, encapsulations', () => {
    expect(propType('fvBD', 'arpFlood')).toEqual({ k: 'enum', v: ['no', 'yes'] });
    expect(propType('fvSubnet', 'ip')).toEqual({ k: 'ip' });
    expect(propType('fvnsEncapBlk', 'from')).toEqual({ k: 'encap' });
    expect(propType('aaaUser', 'pwdLifeTime')).toMatchObject({ k: 'num', min: 0, max: 3650 });
    expect(classInfo('aaaUser')?.props).toContain('pwdUpdateRequired');
    expect(classInfo('aaaUser')?.readOnly ?? []).not.toContain('pwdLifeTime');
  });
  it('lists every property of fully described classes', () => {
    expect(propertyNames('fvBD')?.has('arpFlood')).toBe(true);
    expect(propertyNames('fvBD')?.has('bogus')).toBe(false);
  });
});

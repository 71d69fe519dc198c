import { describe, expect, it } from 'vitest';
import { matchFilter, parseFilter } from '../../src/sim/filter.js';
import { SimError } from '../../src/sim/errors.js';

const bd = { name: 'kube-pod-bd', arpFlood: 'yes', mtu: '9000', seg: '15728635' };
const m = (f: string) => matchFilter(parseFilter(f), bd);

describe('query-target-filter', () => {
  it('compares with eq, ne, lt, gt, le, ge (numbers as numbers)', () => {
    expect(m('eq(fvBD.name,"kube-pod-bd")')).toBe(true);
    expect(m('eq(fvBD.name,"other")')).toBe(false);
    expect(m('ne(fvBD.arpFlood,"no")')).toBe(true);
    expect(m('gt(fvBD.mtu,"1500")')).toBe(true);
    expect(m('lt(fvBD.mtu,"10000")')).toBe(true); // a string compare would say false
    expect(m('le(fvBD.mtu,"9000")')).toBe(true);
    expect(m('ge(fvBD.mtu,"9001")')).toBe(false);
  });
  it('supports bw, wcard and unquoted values', () => {
    expect(m('bw(fvBD.seg,"15000000","16000000")')).toBe(true);
    expect(m('bw(fvBD.seg,"1","2")')).toBe(false);
    expect(m('wcard(fvBD.name,"pod")')).toBe(true);
    expect(m('wcard(fvBD.name,"^pod")')).toBe(false);
    expect(m('eq(fvBD.arpFlood,yes)')).toBe(true);
  });
  it('combines with and, or, not (nested)', () => {
    expect(m('and(eq(fvBD.arpFlood,"yes"),wcard(fvBD.name,"kube"))')).toBe(true);
    expect(m('and(eq(fvBD.arpFlood,"yes"),eq(fvBD.name,"x"))')).toBe(false);
    expect(m('or(eq(fvBD.name,"x"),eq(fvBD.name,"kube-pod-bd"),eq(fvBD.name,"y"))')).toBe(true);
    expect(m('not(or(eq(fvBD.name,"x"),eq(fvBD.mtu,"9000")))')).toBe(false);
  });
  it('treats a missing property as not equal', () => {
    expect(m('eq(fvBD.descr,"")')).toBe(false);
    expect(m('ne(fvBD.descr,"a")')).toBe(true);
  });
  it('refuses malformed filters with a 400 SimError', () => {
    for (const bad of ['eq(fvBD.name', 'foo(fvBD.name,"a")', 'eq(name,"a")', 'and(eq(a.b,"c")) x', 'wcard(fvBD.name,"(")']) {
      expect(() => parseFilter(bad), bad).toThrow(SimError);
    }
  });
});

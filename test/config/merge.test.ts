// fillFrom: the layering of configuration sources.
import { describe, expect, it } from 'vitest';
import { fillFrom } from '../../src/config/merge.js';

describe('fillFrom', () => {
  it("fills only what the top layer lacks, recursively, keeping the top layer's key order first", () => {
    const top = { b: 1, a: { x: null, y: [1, 2] } };
    const under = { a: { x: 5, z: 'z' }, b: 2, c: { d: true } };
    const out = fillFrom(top, under);
    expect(out).toEqual({ b: 1, a: { x: null, y: [1, 2], z: 'z' }, c: { d: true } });
    expect(Object.keys(out as object)).toEqual(['b', 'a', 'c']);
    expect(Object.keys((out as { a: object }).a)).toEqual(['x', 'y', 'z']);
  });

  it('a value that is not a mapping on either side is the top one, whole', () => {
    expect(fillFrom({ a: [1] }, { a: { b: 1 } })).toEqual({ a: [1] });
    expect(fillFrom({ a: { b: 1 } }, { a: 'text' })).toEqual({ a: { b: 1 } });
  });

  it('the result shares nothing with its inputs', () => {
    const top = { a: { list: [{ k: 1 }] } };
    const under = { b: { list: [{ k: 2 }] } };
    const out = fillFrom(top, under) as { a: { list: { k: number }[] }; b: { list: { k: number }[] } };
    out.a.list[0].k = 10;
    out.b.list[0].k = 20;
    expect(top.a.list[0].k).toBe(1);
    expect(under.b.list[0].k).toBe(2);
  });

  it('dates and binary values (YAML !!timestamp, !!binary) are copied as what they are', () => {
    const when = new Date('2026-01-02T03:04:05Z');
    const bytes = new Uint8Array([1, 2, 3]);
    const out = fillFrom({ when }, { bytes }) as { when: Date; bytes: Uint8Array };
    expect(out.when).toBeInstanceOf(Date);
    expect(out.when).not.toBe(when);
    expect(out.when.getTime()).toBe(when.getTime());
    expect(out.bytes).toBeInstanceOf(Uint8Array);
    expect(out.bytes).not.toBe(bytes);
    expect([...out.bytes]).toEqual([1, 2, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { fromImData, fromWire, toWire, WireFormatError } from '../../src/aci/json.js';

describe('wire format', () => {
  const wire = {
    fvTenant: {
      attributes: { name: 'kube', dn: 'uni/tn-kube' },
      children: [{ fvAp: { attributes: { name: 'kubernetes' } } }],
    },
  };
  it('round-trips an object tree', () => {
    const mo = fromWire(wire);
    expect(mo.className).toBe('fvTenant');
    expect(mo.children[0]?.className).toBe('fvAp');
    expect(toWire(mo)).toEqual(wire);
  });
  it('writes empty children only when asked', () => {
    const mo = fromWire({ fvAp: { attributes: { name: 'a' } } });
    expect(toWire(mo, { emptyChildren: true })).toEqual({ fvAp: { attributes: { name: 'a' }, children: [] } });
  });
  it('reads an imdata answer', () => {
    expect(fromImData({ totalCount: '1', imdata: [wire] })[0]?.attributes.name).toBe('kube');
  });
  it('rejects malformed objects with a typed error', () => {
    expect(() => fromWire({ a: {}, b: {} })).toThrow(WireFormatError);
    expect(() => fromWire({ a: { attributes: [] } })).toThrow(WireFormatError);
    expect(() => fromImData({})).toThrow(WireFormatError);
  });
});

// The `query-target-filter` grammar: eq(fvTenant.name,"common"),
// and(ne(fvBD.arpFlood,"yes"),wcard(fvBD.name,"kube")), bw(...,"a","b"), not(...).
// Parsed once into a predicate over an object's class and attributes.
import { badRequest, CODE } from './errors.js';

export type Filter =
  | { op: 'and' | 'or'; args: Filter[] }
  | { op: 'not'; arg: Filter }
  | { op: 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | 'wcard'; cls: string; prop: string; value: string }
  | { op: 'bw'; cls: string; prop: string; low: string; high: string };

const COMPARE = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge', 'wcard']);

export function parseFilter(text: string): Filter {
  let i = 0;
  const fail = (why: string): never => {
    throw badRequest(CODE.badRequest, `Invalid query-target-filter ${text}: ${why} at position ${i}`);
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (c: string) => {
    skip();
    if (text[i] !== c) fail(`expected '${c}'`);
    i++;
  };
  const word = (): string => {
    skip();
    const m = /^[A-Za-z0-9_.:-]+/.exec(text.slice(i));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const value = (): string => {
    skip();
    if (text[i] === '"' || text[i] === "'") {
      const q = text[i];
      const end = text.indexOf(q, i + 1);
      if (end < 0) fail('unterminated string');
      const v = text.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    // Unquoted values run to the next ',' or ')'.
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== ')') i++;
    return text.slice(start, i).trim();
  };
  const property = (): { cls: string; prop: string } => {
    const w = word();
    const dot = w.lastIndexOf('.');
    if (dot <= 0) fail(`property ${w} must be written class.property`);
    return { cls: w.slice(0, dot), prop: w.slice(dot + 1) };
  };
  const expr = (): Filter => {
    const op = word();
    expect('(');
    let f: Filter;
    if (op === 'and' || op === 'or') {
      const args = [expr()];
      skip();
      while (text[i] === ',') {
        i++;
        args.push(expr());
        skip();
      }
      f = { op, args };
    } else if (op === 'not') {
      f = { op, arg: expr() };
    } else if (COMPARE.has(op)) {
      const p = property();
      expect(',');
      const v = value();
      if (op === 'wcard') wcardRegex(v);
      f = { op: op as 'eq', ...p, value: v };
    } else if (op === 'bw') {
      const p = property();
      expect(',');
      const low = value();
      expect(',');
      f = { op, ...p, low, high: value() };
    } else {
      return fail(`unknown operator ${op}`);
    }
    expect(')');
    return f;
  };
  const f = expr();
  skip();
  if (i !== text.length) fail('trailing text');
  return f;
}

/** Numbers compare as numbers (e.g. `vlan` ids, counters), everything else as strings. */
function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether an object satisfies a filter. A term names a class (`fvAEPg.name`):
 * given the object's class, a term about another class is false, as on an APIC.
 */
export function matchFilter(f: Filter, attrs: Readonly<Record<string, string>>, className?: string): boolean {
  switch (f.op) {
    case 'and':
      return f.args.every((a) => matchFilter(a, attrs, className));
    case 'or':
      return f.args.some((a) => matchFilter(a, attrs, className));
    case 'not':
      return !matchFilter(f.arg, attrs, className);
    default:
      if (className !== undefined && f.cls !== className) return false;
      return matchTerm(f, attrs);
  }
}

/** The class.property terms of a filter. */
export function filterTerms(f: Filter): { cls: string; prop: string }[] {
  switch (f.op) {
    case 'and':
    case 'or':
      return f.args.flatMap(filterTerms);
    case 'not':
      return filterTerms(f.arg);
    default:
      return [{ cls: f.cls, prop: f.prop }];
  }
}

function matchTerm(f: Exclude<Filter, { op: 'and' | 'or' | 'not' }>, attrs: Readonly<Record<string, string>>): boolean {
  switch (f.op) {
    case 'bw': {
      const v = attrs[f.prop];
      return v !== undefined && compare(v, f.low) >= 0 && compare(v, f.high) <= 0;
    }
    default: {
      const v = attrs[f.prop];
      if (v === undefined) return f.op === 'ne';
      switch (f.op) {
        case 'eq':
          return v === f.value;
        case 'ne':
          return v !== f.value;
        case 'lt':
          return compare(v, f.value) < 0;
        case 'gt':
          return compare(v, f.value) > 0;
        case 'le':
          return compare(v, f.value) <= 0;
        case 'ge':
          return compare(v, f.value) >= 0;
        case 'wcard':
          return wcardRegex(f.value).test(v);
      }
    }
  }
  return false;
}

const wcardCache = new Map<string, RegExp>();
/** wcard takes a regular expression (the APIC's), matched anywhere in the value. */
function wcardRegex(pattern: string): RegExp {
  let re = wcardCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern);
    } catch {
      throw badRequest(CODE.badRequest, `Invalid wcard pattern ${pattern}`);
    }
    wcardCache.set(pattern, re);
  }
  return re;
}

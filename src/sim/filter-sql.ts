// Pushes the parts of a query-target-filter that SQLite can answer exactly
// (equality, literal substring) into the class query, so a filtered class
// query over 100k objects does not parse every row in JavaScript. The
// result is a superset; the exact filter still runs on what comes back.
import type { Filter } from './filter.js';

export interface SqlWhere {
  sql: string;
  params: string[];
  /** The condition is the filter itself, not a superset of it (paging and counting can rely on it). */
  exact?: boolean;
}

const column = (prop: string): string => (prop === 'dn' ? 'dn' : `json_extract(attrs, '$.${prop}')`);
const SAFE_PROP = /^[A-Za-z0-9_]+$/;
const REGEX_META = /[\\^$.|?*+()[\]{}]/;

/**
 * `className`, when given, is the class of every row the condition will see:
 * a term about another class is false there (see matchFilter), which keeps
 * the condition exact.
 */
export function filterToSql(f: Filter, className?: string): SqlWhere | undefined {
  switch (f.op) {
    case 'eq':
    case 'wcard':
      if (className !== undefined && f.cls !== className) return { sql: '0', params: [], exact: true };
      if (f.op === 'eq') return SAFE_PROP.test(f.prop) ? { sql: `${column(f.prop)} = ?`, params: [f.value], exact: true } : undefined;
      return SAFE_PROP.test(f.prop) && !REGEX_META.test(f.value)
        ? { sql: `instr(${column(f.prop)}, ?) > 0`, params: [f.value], exact: true }
        : undefined;
    case 'and': {
      const all = f.args.map((a) => filterToSql(a, className));
      const parts = all.filter((p): p is SqlWhere => p !== undefined);
      if (parts.length === 0) return undefined;
      const exact = parts.length === all.length && parts.every((p) => p.exact);
      return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params), exact };
    }
    case 'or': {
      const parts = f.args.map((a) => filterToSql(a, className));
      if (parts.some((p) => p === undefined)) return undefined;
      return {
        sql: parts.map((p) => `(${p!.sql})`).join(' OR '),
        params: parts.flatMap((p) => p!.params),
        exact: parts.every((p) => p!.exact),
      };
    }
    default:
      return undefined;
  }
}

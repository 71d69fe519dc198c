// Pushes the parts of a query-target-filter that SQLite can answer exactly
// (equality, literal substring) into the class query, so a filtered class
// query over 100k objects does not parse every row in JavaScript. The
// result is a superset; the exact filter still runs on what comes back.
import type { Filter } from './filter.js';

export interface SqlWhere {
  sql: string;
  params: string[];
}

const column = (prop: string): string => (prop === 'dn' ? 'dn' : `json_extract(attrs, '$.${prop}')`);
const SAFE_PROP = /^[A-Za-z0-9_]+$/;
const REGEX_META = /[\\^$.|?*+()[\]{}]/;

export function filterToSql(f: Filter): SqlWhere | undefined {
  switch (f.op) {
    case 'eq':
      return SAFE_PROP.test(f.prop) ? { sql: `${column(f.prop)} = ?`, params: [f.value] } : undefined;
    case 'wcard':
      return SAFE_PROP.test(f.prop) && !REGEX_META.test(f.value) ? { sql: `instr(${column(f.prop)}, ?) > 0`, params: [f.value] } : undefined;
    case 'and': {
      const parts = f.args.map(filterToSql).filter((p): p is SqlWhere => p !== undefined);
      if (parts.length === 0) return undefined;
      return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
    }
    case 'or': {
      const parts = f.args.map(filterToSql);
      if (parts.some((p) => p === undefined)) return undefined;
      return { sql: parts.map((p) => `(${p!.sql})`).join(' OR '), params: parts.flatMap((p) => p!.params) };
    }
    default:
      return undefined;
  }
}

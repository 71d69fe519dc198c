// Reading the node inventory: YAML (`nodes:` list) or CSV with the same
// columns flattened (`bond.members`, `mgmt.routes`, lists separated by spaces
// or `;`). Both give plain objects plus a way to point at a field's line.
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { firstSyntaxError } from '../config/yaml-errors.js';
import { InputError } from '../errors.js';

export interface RawInventory {
  /** One plain object per node entry, as written (not yet validated). */
  nodes: unknown[];
  /** `file:line:col` of a field, e.g. at(2, 'node_ip'), when known. */
  at(index: number, key?: string): string | undefined;
}

export function parseInventory(text: string, file: string): RawInventory {
  return /\.csv$/i.test(file) ? parseCsvInventory(text, file) : parseYamlInventory(text, file);
}

function parseYamlInventory(text: string, file: string): RawInventory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = firstSyntaxError(text, doc.errors);
  if (first) {
    const pos = lineCounter.linePos(first.offset);
    throw new InputError([
      { field: 'nodes', rule: `not valid YAML: ${first.error.message.split('\n')[0]}`, at: `${file}:${pos.line}:${pos.col}` },
    ]);
  }
  const data: unknown = doc.toJS();
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).nodes : undefined;
  if (!Array.isArray(list)) {
    throw new InputError([{ field: 'nodes', rule: 'the inventory must be a mapping with a `nodes:` list', at: `${file}:1:1` }]);
  }
  const where = (offset: number | undefined): string | undefined => {
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  return {
    nodes: list,
    at(index, key) {
      const seq = doc.get('nodes', true);
      if (!isSeq(seq)) return undefined;
      const item = seq.items[index];
      if (key !== undefined && isMap(item)) {
        const pair = item.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        const node = (pair?.value ?? pair?.key) as { range?: [number, number, number] } | undefined;
        if (node?.range) return where(node.range[0]);
      }
      return where((item as { range?: [number, number, number] } | undefined)?.range?.[0]);
    },
  };
}

/** RFC 4180 fields: commas, double quotes around fields, "" for a quote. */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows.filter((r) => !r.cells[0].trimStart().startsWith('#'));
}

const LIST_COLUMNS = new Set(['bond.members', 'mgmt.routes', 'node_ip', 'dns.servers', 'dns.search']);

/** `bond_name` and `bond.name` both name the nested key `bond.name`. */
function columnPath(header: string): string[] {
  const h = header.trim();
  const m = /^(bond|mgmt|dns)[._](.+)$/.exec(h);
  return m ? [m[1], m[2]] : [h];
}

function parseCsvInventory(text: string, file: string): RawInventory {
  const rows = csvRows(text);
  if (rows.length === 0)
    throw new InputError([{ field: 'nodes', rule: 'the CSV inventory is empty; its first row names the columns', at: `${file}:1:1` }]);
  const [header, ...body] = rows;
  const paths = header.cells.map(columnPath);
  const lines: number[] = [];
  const nodes = body.map((row) => {
    lines.push(row.line);
    const node: Record<string, unknown> = {};
    paths.forEach((path, col) => {
      const value = (row.cells[col] ?? '').trim();
      if (value === '') return;
      const key = path.join('.');
      let parsed: string | string[] = LIST_COLUMNS.has(key) ? value.split(/[\s;]+/).filter(Boolean) : value;
      // A single node address stays a scalar, as in YAML (errors then name `node_ip`).
      if (key === 'node_ip' && parsed.length === 1) parsed = parsed[0]!;
      if (path.length === 1) node[path[0]] = parsed;
      else {
        const parent = (node[path[0]] ??= {}) as Record<string, unknown>;
        parent[path[1]] = parsed;
      }
    });
    return node;
  });
  return { nodes, at: (index) => (lines[index] !== undefined ? `${file}:${lines[index]}` : undefined) };
}

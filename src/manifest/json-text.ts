// JSON text laid out as the ACI CNI's manifest lays out its configuration
// files. The operator re-applies the manifest it is given and compares it
// with what runs, so the text (not just the data) is kept as the reference
// writes it: top-level members one per line, nested values as Python's
// json.dumps(indent=4, sort_keys=True) prints them, and a few members in
// their own fixed layout.

/** Python json.dumps: sorted keys, ASCII-only output; indented when `indent`
 * is given (separators "," and ": "), else compact (", " and ": "). */
export function pyDumps(v: unknown, indent?: number, level = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return asciiString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const pad = indent === undefined ? '' : '\n' + ' '.repeat(indent * (level + 1));
  const end = indent === undefined ? '' : '\n' + ' '.repeat(indent * level);
  const sep = indent === undefined ? ', ' : ',';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => pad + pyDumps(x, indent, level + 1)).join(sep) + end + ']';
  }
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return '{}';
  const o = v as Record<string, unknown>;
  return '{' + keys.map((k) => pad + asciiString(k) + ': ' + pyDumps(o[k], indent, level + 1)).join(sep) + end + '}';
}

function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Jinja's `tojson`: compact sorted JSON with HTML-sensitive characters escaped. */
export function jinjaToJson(v: unknown): string {
  return pyDumps(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
}

/** A member value already laid out (its continuation lines carry their own indent). */
export class Preformatted {
  constructor(readonly text: string) {}
}
export const pre = (text: string) => new Preformatted(text);

/** A nested object written member by member in the given order (not sorted),
 * at `depth` levels of 4 spaces. */
export function orderedObject(members: [string, unknown][], depth: number): Preformatted {
  const inner = ' '.repeat(4 * (depth + 1));
  const lines = members.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyDumps(v)}`);
  return pre(`{\n${lines.join(',\n')}\n${' '.repeat(4 * depth)}}`);
}

/** A top-level object: one member per line at 4 spaces; nested values pretty
 * printed and indented to sit under their member. `spacedKeys` are written
 * `"key" : value`, as the reference writes a few of them. */
export function configText(o: Record<string, unknown>, spacedKeys: string[] = []): string {
  const lines = Object.entries(o).map(([k, v]) => {
    const text = v instanceof Preformatted ? v.text : pyDumps(v, 4).replace(/\n/g, '\n    ');
    return `    ${JSON.stringify(k)}${spacedKeys.includes(k) ? ' : ' : ': '}${text}`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

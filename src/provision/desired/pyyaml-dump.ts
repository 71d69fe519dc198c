// The cluster's provisioning input as the APIC stores it in
// vmmInjectedClusterDetails: the user's YAML loaded with YAML 1.1 rules and
// written back block style, keys in file order, in the exact text the Python
// tool produces (PyYAML `safe_dump(..., sort_keys=False)`), because the value
// is compared byte for byte. Covers the data YAML configuration files hold:
// mappings, sequences, strings, numbers, booleans, nulls and dates.
import type { Node } from 'yaml';
import { yamlLibrary } from '../../config/lazy.js';

// yaml through require, as the configuration loader has it: importing the
// same package as an ES module costs a command-line run a few milliseconds more.
const isMap = (node: unknown) => yamlLibrary().isMap(node);
const isScalar = (node: unknown) => yamlLibrary().isScalar(node);
const isSeq = (node: unknown) => yamlLibrary().isSeq(node);

const WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';

// YAML 1.1 implicit types: a string matching one of these must be quoted.
const IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowPlain: boolean;
  allowSingle: boolean;
}

function analyze(s: string): Analysis {
  if (s === '') return { empty: true, multiline: false, allowPlain: false, allowSingle: true };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  let precededByWs = true;
  let followedByWs = s.length === 1 || WHITESPACE.includes(s[1]);
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWs) blockIndicators = true;
      if (ch === '-' && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (ch >= ' ' && ch <= '~'))) special = true; // non-ASCII is escaped (allow_unicode is off)
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === s.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === s.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = prevBreak = false;
    }
    precededByWs = WHITESPACE.includes(ch);
    followedByWs = i + 2 >= s.length || WHITESPACE.includes(s[i + 2]);
  }
  let allowPlain = true;
  let allowSingle = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowPlain = false;
  if (breakSpace) allowPlain = allowSingle = false;
  if (spaceBreak || special) allowPlain = allowSingle = false;
  if (lineBreaks) allowPlain = false;
  if (blockIndicators) allowPlain = false;
  return { empty: false, multiline: lineBreaks, allowPlain, allowSingle };
}

/** Output with a column, as PyYAML's emitter tracks it for line folding. */
class Out {
  text = '';
  column = 0;
  write(s: string): void {
    this.text += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl >= 0 ? s.length - nl - 1 : this.column + s.length;
  }
  indent(n: number): void {
    this.write(`\n${' '.repeat(n)}`);
  }
}

function writePlain(out: Out, s: string, indent: number): void {
  // Split at single spaces once past the width.
  let start = 0;
  let spaces = false;
  for (let end = 0; end <= s.length; end++) {
    const ch = end < s.length ? s[end] : undefined;
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && out.column > WIDTH) out.indent(indent);
        else out.write(s.slice(start, end));
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      out.write(s.slice(start, end));
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
}

function writeSingle(out: Out, s: string, indent: number): void {
  out.write("'");
  let start = 0;
  let spaces = false;
  let breaks = false;
  for (let end = 0; end <= s.length; end++) {
    const ch = end < s.length ? s[end] : undefined;
    if (spaces) {
      if (ch === undefined || ch !== ' ') {
        if (start + 1 === end && out.column > WIDTH && start !== 0 && end !== s.length) out.indent(indent);
        else out.write(s.slice(start, end));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        if (s[start] === '\n') out.write('\n');
        for (const br of s.slice(start, end)) out.write(br === '\n' ? '\n' : br);
        out.write(' '.repeat(indent));
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || ch === "'" || BREAKS.includes(ch)) {
      if (start < end) out.write(s.slice(start, end));
      start = end;
    }
    if (ch === "'") {
      out.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === ' ';
      breaks = BREAKS.includes(ch);
    }
  }
  out.write("'");
}

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function writeDouble(out: Out, s: string): void {
  let text = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch] !== undefined) text += `\\${ESCAPES[ch]}`;
    else if (code >= 0x20 && code <= 0x7e) text += ch;
    else if (code <= 0xff) text += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code <= 0xffff) text += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else text += `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  out.write(`${text}"`);
}

function writeString(out: Out, s: string, indent: number, simpleKey: boolean): void {
  const a = analyze(s);
  const implicit = !IMPLICIT.some((re) => re.test(s));
  if (implicit && !(simpleKey && (a.empty || a.multiline)) && a.allowPlain) return writePlain(out, s, indent);
  if (a.allowSingle && !(simpleKey && a.multiline)) return writeSingle(out, s, indent);
  writeDouble(out, s);
}

/** Python's float repr, as PyYAML writes it. */
function pyFloat(v: number): string {
  if (Number.isNaN(v)) return '.nan';
  if (v === Infinity) return '.inf';
  if (v === -Infinity) return '-.inf';
  if (Object.is(v, -0)) return '-0.0';
  let r: string;
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [m, e] = v.toExponential().split('e');
    const exp = Number(e);
    r = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else {
    r = String(v);
    if (!r.includes('.') && !r.includes('e')) r += '.0';
  }
  if (!r.includes('.') && r.includes('e')) r = r.replace('e', '.0e');
  return r.toLowerCase();
}

type Resolved = { text: string } | { str: string };

const RESOLVE_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

/** Python's int() of a YAML 1.1 integer literal (`0x1F`, `010`, `1_000`, `1:30`). */
function pyInt(src: string): string {
  let s = src.replace(/_/g, '');
  let sign = 1n;
  if (s.startsWith('-')) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let v: bigint;
  if (s === '0') v = 0n;
  else if (s.startsWith('0b')) v = BigInt(s);
  else if (s.startsWith('0x')) v = BigInt(s);
  else if (s.startsWith('0')) v = BigInt(`0o${s.slice(1)}`);
  else if (s.includes(':')) v = s.split(':').reduce((acc, d) => acc * 60n + BigInt(d), 0n);
  else v = BigInt(s);
  return String(sign * v);
}

/** Python's float() of a YAML 1.1 float literal. */
function pyFloatOf(src: string): number {
  let s = src.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * s.split(':').reduce((acc, d) => acc * 60 + Number(d), 0);
  return sign * Number(s);
}

/** A scalar as PyYAML's safe_load types it (plain scalars resolved by the YAML 1.1 rules PyYAML uses). */
function resolveScalar(node: Node): Resolved {
  if (!isScalar(node)) return { str: '' };
  const src = String(node.value ?? '');
  const tag = node.tag;
  if (tag === 'tag:yaml.org,2002:str' || (node.type !== 'PLAIN' && !tag)) return { str: src };
  if (RESOLVE_BOOL.test(src)) return { text: /^(?:yes|true|on)$/i.test(src) ? 'true' : 'false' };
  if (IMPLICIT[4].test(src)) return { text: 'null' };
  if (IMPLICIT[2].test(src)) return { text: pyInt(src) };
  if (IMPLICIT[1].test(src)) return { text: pyFloat(pyFloatOf(src)) };
  if (IMPLICIT[5].test(src)) {
    // A date is written back as is; a timestamp as Python's isoformat(' ').
    if (/^\d{4}-\d\d-\d\d$/.test(src)) return { text: src };
    return { text: src.replace(/[Tt]|[ \t]+/, ' ') };
  }
  return { str: src };
}

function emit(node: Node | null, out: Out, indent: number, ctx: 'top' | 'mapValue' | 'seqItem'): void {
  if (node === null || node === undefined) {
    out.write('null');
    return;
  }
  if (isMap(node)) {
    if (node.items.length === 0) {
      out.write('{}');
      return;
    }
    node.items.forEach((pair, i) => {
      // In a sequence item the first key sits right after "- ".
      if (!(ctx === 'seqItem' && i === 0)) {
        if (ctx === 'top' && i === 0) {
          /* first line */
        } else out.indent(indent);
      }
      const key = pair.key as Node;
      const k = resolveScalar(key);
      if ('text' in k) out.write(k.text);
      else writeString(out, k.str, indent + 2, true);
      out.write(':');
      const value = pair.value as Node | null;
      if (isMap(value) && value.items.length > 0) {
        emit(value, out, indent + 2, 'mapValue');
      } else if (isSeq(value) && value.items.length > 0) {
        // Sequences in a mapping are not indented (PyYAML's indentless sequences).
        emit(value, out, indent, 'mapValue');
      } else {
        out.write(' ');
        emit(value, out, indent + 2, 'mapValue');
      }
    });
    return;
  }
  if (isSeq(node)) {
    if (node.items.length === 0) {
      out.write('[]');
      return;
    }
    node.items.forEach((item, i) => {
      if (!(ctx === 'seqItem' && i === 0) && !(ctx === 'top' && i === 0)) out.indent(indent);
      out.write('- ');
      emit(item as Node, out, indent + 2, 'seqItem');
    });
    return;
  }
  const s = resolveScalar(node);
  if ('text' in s) out.write(s.text);
  else writeString(out, s.str, indent, false);
}

/** Loads YAML text (YAML 1.1, as PyYAML) and dumps it as PyYAML's safe_dump(sort_keys=False) would. */
export function pyyamlRoundTrip(text: string): string {
  // Parsed without type resolution: PyYAML's own rules decide each plain scalar's type.
  const doc = yamlLibrary().parseDocument(text, { schema: 'failsafe', uniqueKeys: false });
  const out = new Out();
  const root = doc.contents as Node | null;
  if (root === null) return 'null\n...\n';
  emit(root, out, 0, 'top');
  // A lone scalar document ends with PyYAML's document end marker.
  if (!isMap(root) && !isSeq(root)) return `${out.text}\n...\n`;
  return `${out.text}\n`;
}

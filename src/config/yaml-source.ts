// The user's YAML, parsed as the Python tool reads it (YAML 1.1: `True`,
// `yes`, `on` are booleans), with the source position of every value so a
// problem can point at `file:line:col`.
import type { Problem } from '../errors.js';
import { yamlLibrary } from './lazy.js';
import { firstSyntaxError } from './yaml-errors.js';

export interface SourcePosition {
  line: number;
  col: number;
}

export interface ParsedSource {
  /** The document as plain data (null for an empty document). */
  value: unknown;
  /** Syntax errors, duplicate keys, ...: each already a Problem. */
  problems: Problem[];
  /** Position of the value at a path (`a.b[0].c`), or of the nearest enclosing value. */
  at(path: string): string | undefined;
}

/** `a.b[2].c` -> the parent path `a.b[2]`, then `a.b`, then `a`. */
export function parentPath(path: string): string | undefined {
  const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] : undefined;
}

export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

export function parseSource(text: string, file: string): ParsedSource {
  const Y = yamlLibrary();
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, {
    version: '1.1',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const where = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  const walk = (node: unknown, path: string, positions: Map<string, SourcePosition>): void => {
    if (Y.isMap(node)) {
      for (const pair of node.items) {
        const key = Y.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyNode = pair.key as { range?: [number, number, number] } | null;
        const valueNode = pair.value as { range?: [number, number, number] } | null;
        const childPath = joinPath(path, key);
        // Point at the value when it is on the key's line; else at the key.
        const keyPos = where(keyNode?.range?.[0]);
        const valuePos = where(valueNode?.range?.[0]);
        const pos = valuePos && keyPos && valuePos.line === keyPos.line ? valuePos : (keyPos ?? valuePos);
        if (pos) positions.set(childPath, pos);
        walk(pair.value, childPath, positions);
      }
    } else if (Y.isSeq(node)) {
      node.items.forEach((item, i) => {
        const childPath = joinPath(path, i);
        const pos = where((item as { range?: [number, number, number] } | null)?.range?.[0]);
        if (pos) positions.set(childPath, pos);
        walk(item, childPath, positions);
      });
    }
  };
  // Positions are looked up only to report a problem or a warning: the walk
  // that records them runs on the first lookup.
  let positions: Map<string, SourcePosition> | undefined;
  const positionOf = (path: string): SourcePosition | undefined => {
    if (positions === undefined) {
      positions = new Map();
      walk(doc.contents, '', positions);
    }
    return positions.get(path);
  };

  // One problem: the earliest broken construct (the parser's later errors follow from it).
  const first = firstSyntaxError(text, doc.errors);
  const problems: Problem[] = first
    ? [
        {
          field: '(yaml)',
          rule: `not valid YAML: ${first.error.message.split('\n')[0]}`,
          at: `${file}:${where(first.offset)!.line}:${where(first.offset)!.col}`,
        },
      ]
    : [];

  let value: unknown = null;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      problems.push({ field: '(yaml)', rule: `not valid YAML: ${(e as Error).message}`, at: file });
    }
  }

  return {
    value: value === undefined ? null : value,
    problems,
    at(path: string): string | undefined {
      for (let p: string | undefined = path; p; p = parentPath(p)) {
        const pos = positionOf(p);
        if (pos) return `${file}:${pos.line}:${pos.col}`;
      }
      return undefined;
    },
  };
}

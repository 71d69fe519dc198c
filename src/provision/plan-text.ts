// How one changed attribute reads in the text plan. A one-line value shows as
// `key: "old" -> "new"`; a multi-line one (the cluster's accProvisionInput,
// a certificate) as a line diff of its text, with a line of context around
// each change, instead of two escaped one-line strings.
import type { AttributeChange } from './plan.js';

const INDENT = '      ';
const CONTEXT = 1;

export function attributeChangeLines(key: string, change: AttributeChange): string[] {
  const before = change.current;
  const after = change.desired;
  if (!before?.includes('\n') && !after.includes('\n')) {
    return [`${INDENT}${key}: ${before === undefined ? '(unset)' : JSON.stringify(before)} -> ${JSON.stringify(after)}`];
  }
  const ops = lineDiff(splitLines(before ?? ''), splitLines(after));
  const added = ops.filter((o) => o.op === '+').length;
  const removed = ops.filter((o) => o.op === '-').length;
  const head =
    before === undefined
      ? `${INDENT}${key}: (unset) -> ${added} lines`
      : `${INDENT}${key}: ${removed} line${removed === 1 ? '' : 's'} removed, ${added} added`;
  const out = [head];
  // Show the changed lines and CONTEXT lines around them; elide the rest.
  const show = ops.map((o, i) => o.op !== ' ' || ops.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((n) => n.op !== ' '));
  let elided = false;
  ops.forEach((o, i) => {
    if (!show[i]) {
      if (!elided) out.push(`${INDENT}  ...`);
      elided = true;
      return;
    }
    elided = false;
    out.push(`${INDENT}  ${o.op} ${o.line}`);
  });
  return out;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface LineOp {
  op: ' ' | '-' | '+';
  line: string;
}

/** A shortest line diff (longest common subsequence); the inputs are a few hundred lines at most. */
export function lineDiff(a: readonly string[], b: readonly string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: ' ', line: a[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: '-', line: a[i++] });
    } else {
      out.push({ op: '+', line: b[j++] });
    }
  }
  while (i < n) out.push({ op: '-', line: a[i++] });
  while (j < m) out.push({ op: '+', line: b[j++] });
  return out;
}

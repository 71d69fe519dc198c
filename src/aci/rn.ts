// RN formats: `vlanns-[{name}]-{allocMode}` is literals and placeholders.
// Kept apart from dn.ts (which needs the class table) so the class table can
// derive its naming properties from the formats without an import cycle.

export type Token = { literal: string } | { prop: string; bracketed: boolean };

const tokenCache = new Map<string, Token[]>();

/** Cuts an RN format (`vlanns-[{name}]-{allocMode}`) into literals and placeholders. */
export function rnTokens(rnFormat: string): Token[] {
  const cached = tokenCache.get(rnFormat);
  if (cached) return cached;
  const tokens: Token[] = [];
  const re = /\{([A-Za-z0-9_]+)\}/g;
  let last = 0;
  for (let m = re.exec(rnFormat); m; m = re.exec(rnFormat)) {
    if (m.index > last) tokens.push({ literal: rnFormat.slice(last, m.index) });
    const before = rnFormat[m.index - 1];
    const after = rnFormat[m.index + m[0].length];
    tokens.push({ prop: m[1], bracketed: before === '[' && after === ']' });
    last = m.index + m[0].length;
  }
  if (last < rnFormat.length) tokens.push({ literal: rnFormat.slice(last) });
  tokenCache.set(rnFormat, tokens);
  return tokens;
}

/** The placeholders of an RN format, in order. */
export function rnFormatProps(rnFormat: string): string[] {
  return rnTokens(rnFormat).flatMap((t) => ('prop' in t ? [t.prop] : []));
}

/** Matches an RN against an RN format; returns the naming values or undefined. */
export function matchRn(rnFormat: string, rn: string): Record<string, string> | undefined {
  const tokens = rnTokens(rnFormat);
  const out: Record<string, string> = {};
  const ok = matchFrom(tokens, 0, rn, 0, out);
  return ok ? out : undefined;
}

function matchFrom(tokens: Token[], ti: number, s: string, si: number, out: Record<string, string>): boolean {
  if (ti === tokens.length) return si === s.length;
  const t = tokens[ti];
  if ('literal' in t) {
    return s.startsWith(t.literal, si) && matchFrom(tokens, ti + 1, s, si + t.literal.length, out);
  }
  if (t.bracketed) {
    // The value runs to the `]` that balances the `[` before it.
    let depth = 1;
    for (let i = si; i < s.length; i++) {
      if (s[i] === '[') depth++;
      else if (s[i] === ']' && --depth === 0) {
        out[t.prop] = s.slice(si, i);
        return i > si && matchFrom(tokens, ti + 1, s, i, out);
      }
    }
    return false;
  }
  // Unbracketed: try each end position (values may contain the separator, e.g. `-`).
  for (let end = si + 1; end <= s.length; end++) {
    out[t.prop] = s.slice(si, end);
    if (matchFrom(tokens, ti + 1, s, end, out)) return true;
  }
  delete out[t.prop];
  return false;
}

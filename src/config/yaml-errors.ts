// Where a YAML syntax error really is. The parser notices an unclosed `[`,
// `{` or quote only where the document ends or the indentation breaks, often
// many lines later; a user needs the line where the broken construct starts.

export interface YamlSyntaxError {
  code: string;
  message: string;
  /** Offsets into the text: where the parser noticed the problem. */
  pos: [number, number];
}

/** The offset to report for `error`: the start of the construct it breaks. */
export function syntaxErrorOffset(text: string, error: YamlSyntaxError): number {
  const at = error.pos[0];
  if (/quote/i.test(error.message)) return openerBefore(text, at, 'quote') ?? at;
  if (/Flow (sequence|map|collection)|end with a [\]}]|Expected .*[\]}]/i.test(error.message)) return openerBefore(text, at, 'flow') ?? at;
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // A plain value that runs on to a more indented `key:` line: that line is the mistake.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const indent = (from: number) => /^ */.exec(text.slice(from))![0].length;
    const nl = text.indexOf('\n', at);
    if (nl >= 0 && indent(nl + 1) > indent(lineStart) && text.slice(nl + 1).trim() !== '') return nl + 1 + indent(nl + 1);
  }
  return at;
}

/** The earliest real position among the parser's errors (later ones are usually consequences). */
export function firstSyntaxError<E extends YamlSyntaxError>(text: string, errors: readonly E[]): { error: E; offset: number } | undefined {
  let best: { error: E; offset: number } | undefined;
  for (const error of errors) {
    const offset = syntaxErrorOffset(text, error);
    if (!best || offset < best.offset) best = { error, offset };
  }
  return best;
}

/**
 * The unclosed `[`/`{` (kind `flow`) or quote (kind `quote`) open at `end`,
 * scanning the text from its start: quotes, comments and escapes are
 * followed; an indicator counts only where a value can start.
 */
function openerBefore(text: string, end: number, kind: 'flow' | 'quote'): number | undefined {
  const flows: number[] = [];
  let quote: { char: string; at: number } | undefined;
  let valueCanStart = true;
  for (let i = 0; i < Math.min(end, text.length); i++) {
    const c = text[i];
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) {
        if (quote.char === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (c === '\n') {
      valueCanStart = true;
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (valueCanStart && (c === '"' || c === "'")) {
      quote = { char: c, at: i };
      valueCanStart = false;
      continue;
    }
    if (valueCanStart && (c === '[' || c === '{')) {
      flows.push(i);
      continue;
    }
    if (flows.length > 0 && (c === ']' || c === '}')) {
      flows.pop();
      valueCanStart = false;
      continue;
    }
    // After an indicator a value may start; after anything else, not until one.
    valueCanStart = c === ':' || c === '-' || c === ',' || c === '?';
  }
  if (kind === 'quote') return quote?.at;
  return flows.length > 0 ? flows[0] : undefined;
}

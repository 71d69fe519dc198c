// Everything the CLI tells the user besides its outputs goes through here, to
// standard error: info, warnings and problems, as text (with the Python tool's
// `INFO:`/`WARN:`/`ERR:` prefixes, so existing log scrapers keep working) or as
// one JSON object per line for scripts. Known secrets are masked in every line.
import type { Problem } from '../../errors.js';
import { formatProblem } from '../../errors.js';

export type OutputFormat = 'text' | 'json';

export interface ReporterOptions {
  format: OutputFormat;
  color: boolean;
  /** Where lines go; standard error unless a test captures them. */
  write?: (line: string) => void;
}

const MASK = '***';
/** Secrets shorter than this are masked as whole words only (see redact). */
const WHOLE_WORD_BELOW = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Field names whose values are never shown, whatever the source says. */
const SECRET_FIELD = /pass(word)?|secret|key_data|private/i;

export class Reporter {
  readonly format: OutputFormat;
  private readonly color: boolean;
  private readonly write: (line: string) => void;
  private readonly secrets = new Set<string>();

  constructor(opts: ReporterOptions) {
    this.format = opts.format;
    this.color = opts.color;
    this.write = opts.write ?? ((line) => process.stderr.write(line));
  }

  /** Registers a value (a password) that must never be printed. */
  addSecret(value: string | undefined): void {
    if (value) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      // A short secret (`-p x`) masked wherever its letters occur would
      // garble every message ("--conte***t") and show it by the gaps: it is
      // masked where it stands alone.
      out =
        s.length >= WHOLE_WORD_BELOW
          ? out.split(s).join(MASK)
          : out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, 'gu'), MASK);
    }
    return out;
  }

  info(message: string): void {
    this.emit('info', message);
  }

  warn(message: string): void {
    this.emit('warning', message);
  }

  error(message: string, extra?: Record<string, unknown>): void {
    this.emit('error', message, extra);
  }

  /** One line per problem, each naming field, value and rule. */
  problems(problems: Problem[]): void {
    for (const raw of problems) {
      const p: Problem = SECRET_FIELD.test(raw.field) && raw.value !== undefined ? { ...raw, value: MASK } : raw;
      if (this.format === 'json') {
        this.emit('error', formatProblem(p), { field: p.field, value: p.value, rule: p.rule, at: p.at });
      } else {
        this.emit('error', formatProblem(p));
      }
    }
  }

  private emit(level: 'info' | 'warning' | 'error', message: string, extra?: Record<string, unknown>): void {
    if (this.format === 'json') {
      const record: Record<string, unknown> = { level, message };
      for (const [k, v] of Object.entries(extra ?? {})) if (v !== undefined) record[k] = v;
      this.write(this.redact(JSON.stringify(record)) + '\n');
      return;
    }
    const prefix = level === 'info' ? 'INFO: ' : level === 'warning' ? 'WARN: ' : 'ERR:  ';
    this.write(this.paint(level, prefix) + this.redact(message) + '\n');
  }

  private paint(level: 'info' | 'warning' | 'error', text: string): string {
    if (!this.color) return text;
    const code = level === 'error' ? 31 : level === 'warning' ? 33 : 36;
    return `\u001b[${code}m${text}\u001b[0m`;
  }
}

/** Colour only on a terminal, and never when the user or NO_COLOR says so. */
export function wantsColor(noColorFlag: boolean, stream: NodeJS.WriteStream = process.stderr): boolean {
  if (noColorFlag) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

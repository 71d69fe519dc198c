// The APIC password for -a/-d and plan when neither -p nor
// ACC_PROVISION_PASS gives it: asked on the terminal, with nothing echoed,
// when standard input is one. Otherwise (a pipe, `-c -`, CI) nothing is
// asked, so a script never hangs; the configuration's validation then says
// how to pass it.
import type { Reporter } from './output/reporter.js';

/** What the prompt needs of a terminal; tests pass a fake one. */
export interface Terminal {
  input: NodeJS.EventEmitter & { setRawMode(raw: boolean): unknown; resume(): unknown; pause(): unknown };
  write(text: string): void;
  close(): void;
}

/** Standard input when it is a terminal; undefined otherwise (a pipe, a file, CI). */
export async function openTerminal(): Promise<Terminal | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const input = process.stdin;
  const out = process.stderr.isTTY ? process.stderr : process.stdout;
  return { input, write: (text) => void out.write(text), close: () => undefined };
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const CTRL_U = '\u0015';
const BACKSPACE_CHARS = new Set(['\u0008', '\u007f']);
const isBackspace = (c: string): boolean => BACKSPACE_CHARS.has(c);

/** Reads one line without echo. Ctrl-C ends the run (exit 130); undefined when there is no terminal. */
export async function askPassword(prompt: string, terminal?: Terminal): Promise<string | undefined> {
  const term = terminal ?? (await openTerminal());
  if (!term) return undefined;
  // Echo goes off before the prompt shows: what is typed after it never appears.
  term.input.setRawMode(true);
  term.input.resume();
  term.write(prompt);
  try {
    return await new Promise<string>((done, fail) => {
      let typed = '';
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || (ch === CTRL_D && typed === '')) {
            term.input.off('data', onData);
            done(typed);
            return;
          }
          if (ch === CTRL_C) {
            term.input.off('data', onData);
            fail(new PromptInterrupted());
            return;
          }
          if (isBackspace(ch)) typed = [...typed].slice(0, -1).join('');
          else if (ch === CTRL_U) typed = '';
          else if (ch >= ' ') typed += ch;
        }
      };
      term.input.on('data', onData);
    });
  } finally {
    term.input.setRawMode(false);
    term.input.pause();
    term.write('\n');
    term.close();
  }
}

/** Ctrl-C at the prompt. */
export class PromptInterrupted extends Error {
  override name = 'PromptInterrupted';
}

/** For -a/-d/plan: fills in the password from the terminal when none was given. */
export async function ensurePassword(
  opts: { password?: string; username?: string },
  reporter: Reporter,
  terminal?: Terminal,
): Promise<void> {
  if (opts.password !== undefined) return;
  let password: string | undefined;
  try {
    password = await askPassword(`APIC password${opts.username ? ` for ${opts.username}` : ''}: `, terminal);
  } catch (e) {
    if (!(e instanceof PromptInterrupted)) throw e;
    process.exit(130);
  }
  if (password === undefined || password === '') return;
  reporter.addSecret(password);
  opts.password = password;
}

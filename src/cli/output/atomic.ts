// All-or-nothing output: every file is first written in full to a temporary
// file next to its target (same directory, so the rename is atomic), and only
// when all of them are ready are they renamed into place and standard output
// is written. A failure while staging removes the temporaries and leaves
// every existing file untouched.
import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';

export interface PlannedOutput {
  /** A file path, or `-` for standard output. */
  path: string;
  content: string | Uint8Array;
  /** File mode for a new file (0600 for private keys). */
  mode?: number;
  /** Fail instead of replacing an existing file (certificates, keys). */
  noClobber?: boolean;
  /** The flag that named this output, for error messages (`-o`, `sync_login.keyfile`). */
  field: string;
}

interface Staged {
  out: PlannedOutput;
  /** Undefined for a device or pipe (/dev/stdout, a FIFO): written in place at commit. */
  temp?: string;
}

export interface CommitOptions {
  /** Standard output; injectable for tests. */
  stdout?: (chunk: string | Uint8Array) => void;
}

export class OutputBatch {
  private readonly outputs: PlannedOutput[] = [];

  add(out: PlannedOutput): void {
    this.outputs.push(out);
  }

  get paths(): string[] {
    return this.outputs.map((o) => o.path);
  }

  /** Writes everything or nothing (see the file comment). Returns the files written. */
  commit(opts: CommitOptions = {}): string[] {
    const staged: Staged[] = [];
    try {
      for (const out of this.outputs) {
        if (out.path === '-') continue;
        staged.push(stageFile(out));
      }
    } catch (e) {
      removeAll(staged);
      throw e;
    }
    const done: string[] = [];
    try {
      for (const s of staged) {
        place(s);
        done.push(s.out.path);
      }
    } catch (e) {
      removeAll(staged.filter((s) => !done.includes(s.out.path)));
      throw e;
    }
    const toStdout = opts.stdout ?? ((chunk) => process.stdout.write(chunk));
    for (const out of this.outputs) if (out.path === '-') toStdout(out.content);
    return done;
  }
}

function stageFile(out: PlannedOutput): Staged {
  // Problems the final rename would hit are found now, before anything moves.
  const existing = statOrNull(out.path);
  if (existing?.isDirectory()) throw writeProblem(out, Object.assign(new Error(), { code: 'EISDIR' }));
  if (existing && out.noClobber) throw writeProblem(out, Object.assign(new Error(), { code: 'EEXIST' }));
  // Renaming over a device or a pipe would replace it; those are written in place.
  if (existing && !existing.isFile()) return { out };
  // Opened with O_EXCL ('wx'): the name only has to be unlikely to be taken.
  const temp = join(dirname(out.path), `.${basename(out.path)}.${process.pid}${Math.random().toString(16).slice(2, 8)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', out.mode ?? 0o644);
  } catch (e) {
    throw writeProblem(out, e);
  }
  try {
    const data = typeof out.content === 'string' ? Buffer.from(out.content) : out.content;
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    safeUnlink(temp);
    throw writeProblem(out, e);
  }
  closeSync(fd);
  return { out, temp };
}

function place(s: Staged): void {
  if (s.temp === undefined) {
    try {
      writeFileSync(s.out.path, s.out.content);
    } catch (e) {
      throw writeProblem(s.out, e);
    }
    return;
  }
  if (!s.out.noClobber) {
    renameSync(s.temp, s.out.path);
    return;
  }
  // link() refuses an existing target, so a key or certificate created by
  // someone else meanwhile is never replaced.
  try {
    linkSync(s.temp, s.out.path);
  } catch (e) {
    throw writeProblem(s.out, e);
  } finally {
    safeUnlink(s.temp);
  }
}

function removeAll(staged: Staged[]): void {
  for (const s of staged) if (s.temp !== undefined) safeUnlink(s.temp);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function safeUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function writeProblem(out: PlannedOutput, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const rule =
    code === 'ENOENT'
      ? 'cannot write: the directory does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot write: permission denied'
        : code === 'EEXIST'
          ? 'the file already exists and is never overwritten'
          : code === 'EISDIR'
            ? 'cannot write: it is a directory'
            : code === 'ENOTDIR'
              ? 'cannot write: a part of the path is a file, not a directory'
              : `cannot write: ${code ?? (e as Error).message}`;
  return new InputError([{ field: out.field, value: out.path, rule }]);
}

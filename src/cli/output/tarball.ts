// The operator tarball (`-z`): one YAML file per object at the archive's top
// level, gzip-compressed, as the Python tool's `tar w:gz` produces. Written
// in memory as POSIX ustar (with a pax record for names over 100 bytes):
// about ten times faster than staging the files on disk for the tar package,
// and the bytes go straight into the atomic output batch. Compressed on the
// main thread (handing ~170 KB to libuv's thread pool cost a short run more in
// thread start-up than it saved) at level 1: the operator reads the archive
// once, and the default level took three times as long for 20% fewer bytes.
import { gzipSync } from 'node:zlib';

export interface TarFile {
  name: string;
  content: string;
}

const BLOCK = 512;

export async function operatorTarball(files: TarFile[], mtime: Date = new Date()): Promise<Uint8Array> {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const entries = files.map((f) => {
    // Names come from object kinds and names; keep only the last path segment.
    const name = f.name.split('/').pop() ?? f.name;
    const pax = Buffer.byteLength(name) > 100 ? paxRecord('path', name) : undefined;
    return { name, pax, content: f.content, size: Buffer.byteLength(f.content, 'utf8') };
  });
  // One buffer for the whole archive, zero-filled: the padding and the two
  // empty blocks that end it are already there.
  let total = BLOCK * 2;
  for (const e of entries) total += (e.pax ? BLOCK + blocks(e.pax.length) : 0) + BLOCK + blocks(e.size);
  const tar = Buffer.alloc(total);
  let at = 0;
  for (const e of entries) {
    if (e.pax) {
      writeHeader(tar.subarray(at, at + BLOCK), `PaxHeader/${e.name.slice(0, 80)}`, e.pax.length, seconds, 'x');
      e.pax.copy(tar, at + BLOCK);
      at += BLOCK + blocks(e.pax.length);
    }
    writeHeader(tar.subarray(at, at + BLOCK), e.name, e.size, seconds, '0');
    tar.write(e.content, at + BLOCK, 'utf8');
    at += BLOCK + blocks(e.size);
  }
  return gzipSync(tar, { level: 1 });
}

/** `n` bytes rounded up to whole blocks. */
function blocks(n: number): number {
  return Math.ceil(n / BLOCK) * BLOCK;
}

/** A ustar header into `h` (one zero-filled block). */
function writeHeader(h: Buffer, name: string, size: number, mtime: number, type: '0' | 'x'): void {
  h.write(name.slice(0, 100), 0, 100, 'utf8');
  h.write(octal(0o644, 7), 100);
  h.write(octal(0, 7), 108);
  h.write(octal(0, 7), 116);
  h.write(octal(size, 11), 124);
  h.write(octal(mtime, 11), 136);
  h.write('        ', 148); // checksum field counts as spaces while summing
  h.write(type, 156);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i];
  h.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1');
}

function octal(n: number, digits: number): string {
  return `${n.toString(8).padStart(digits, '0')}\u0000`;
}

/** A pax record `LEN key=value\n`, LEN counting its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body);
  let len = bytes + String(bytes).length;
  if (String(len).length !== String(len - bytes).length) len = bytes + String(len).length;
  return Buffer.from(`${len}${body}`, 'utf8');
}

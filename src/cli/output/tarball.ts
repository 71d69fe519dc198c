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
  const parts: Buffer[] = [];
  for (const f of files) {
    // Names come from object kinds and names; keep only the last path segment.
    const name = f.name.split('/').pop() ?? f.name;
    const body = Buffer.from(f.content, 'utf8');
    if (Buffer.byteLength(name) > 100) {
      const pax = paxRecord('path', name);
      parts.push(header(`PaxHeader/${name.slice(0, 80)}`, pax.length, seconds, 'x'), padded(pax));
    }
    parts.push(header(name, body.length, seconds, '0'), padded(body));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive
  const tar = Buffer.concat(parts);
  return gzipSync(tar, { level: 1 });
}

function header(name: string, size: number, mtime: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
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
  return h;
}

function octal(n: number, digits: number): string {
  return `${n.toString(8).padStart(digits, '0')}\u0000`;
}

function padded(data: Buffer): Buffer {
  const rest = data.length % BLOCK;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}

/** A pax record `LEN key=value\n`, LEN counting its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body);
  let len = bytes + String(bytes).length;
  if (String(len).length !== String(len - bytes).length) len = bytes + String(len).length;
  return Buffer.from(`${len}${body}`, 'utf8');
}

// Small HTTP helpers: cookies, bodies, JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimError, CODE } from './errors.js';

/** Cookie names are matched case-insensitively: clients send both `APIC-cookie` and `APIC-Cookie`. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out[name] = value;
  }
  return out;
}

export function cookie(cookies: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(cookies)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The largest request body read (a whole tenant with thousands of objects is a few MiB). */
export const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new SimError(413, CODE.badRequest, `Request body over the limit of ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SimError(400, CODE.badRequest, 'Failed to decode the request body: not valid JSON');
  }
}

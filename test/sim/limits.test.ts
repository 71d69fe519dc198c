// Login throttling, request bodies refused before they are read, the store file's mode.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../../src/sim/server.js';
import { Client, errorOf, PASSWORD, simWithClient } from './helpers.js';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Sends `size` bytes with node:https and resolves with the status as soon as an answer comes, sent or not. */
function post(url: string, path: string, size: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url + path,
      { method: 'POST', rejectUnauthorized: false, headers: { 'Content-Length': String(size), ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', (e) =>
      (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e),
    );
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('login throttling', () => {
  it('locks a user out after 5 failed logins in a minute, right password or not, then lets it in again', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const r = await simWithClient({ clock: () => now });
    sim = r.sim;
    const c = new Client(sim.url);
    for (let i = 0; i < 5; i++) expect((await c.login('admin', 'wrong')).status).toBe(401);
    const locked = await c.login('admin', PASSWORD);
    expect(locked.status).toBe(401);
    expect(errorOf(locked).text).toMatch(/Too many failed logins for user admin; try again in \d+ seconds/);
    now += 61_000;
    expect((await c.login('admin', PASSWORD)).status).toBe(200);
  });
});

describe('request bodies', () => {
  it('refuses a body without a valid session before reading it', async () => {
    const r = await simWithClient();
    sim = r.sim;
    const rss = process.memoryUsage().rss;
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(sim!.url, '/api/mo/uni/tn-big.json', 12 * 1024 * 1024)));
    for (const a of answers) {
      expect(a.status).toBe(403);
      expect(a.body).toContain('Need a valid webtoken cookie');
    }
    // 48 MiB sent, not kept.
    expect(process.memoryUsage().rss - rss).toBeLessThan(40 * 1024 * 1024);
    const forged = await post(sim.url, '/api/mo/uni/tn-big.json', 1024 * 1024, { Cookie: 'APIC-cookie=forged' });
    expect(forged.status).toBe(403);
  });

  it('refuses a body declared over the limit, and a login body over 64 KiB', async () => {
    const r = await simWithClient();
    sim = r.sim;
    const big = await post(sim.url, '/api/mo/uni/tn-big.json', 17 * 1024 * 1024, { Cookie: `APIC-cookie=${r.client.token}` });
    expect(big.status).toBe(413);
    expect(big.body).toContain('over the limit of 16777216 bytes');
    const login = await post(sim.url, '/api/aaaLogin.json', 100 * 1024);
    expect(login.status).toBe(413);
  });
});

describe('the store file', () => {
  it('is readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apic-sim-mode-'));
    try {
      const r = await simWithClient({ data: join(dir, 'data') });
      sim = r.sim;
      expect(statSync(join(dir, 'data', 'apic-sim.db')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    } finally {
      await sim?.close();
      sim = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

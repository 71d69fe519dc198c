// src/apic/undici.ts loads undici's files one by one instead of its entry
// point: they must be the very classes and function the entry point exports,
// and `request` must behave as undici's (a real HTTP exchange through the
// dispatcher given).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import { Agent, ProxyAgent, request } from '../../src/apic/undici.js';

describe('undici, loaded in parts', () => {
  it('Agent and ProxyAgent are the entry point’s classes', () => {
    expect(Agent).toBe(undici.Agent);
    expect(ProxyAgent).toBe(undici.ProxyAgent);
  });

  it('request sends method, path with query, headers and body through the dispatcher, and reads the answer', async () => {
    const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const dispatcher = new Agent();
    try {
      const { port } = server.address() as AddressInfo;
      const res = await request(`http://127.0.0.1:${port}/api/mo/uni/infra/vlanns-[p]-static.json?rsp-subtree=full`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
        dispatcher,
      });
      expect(res.statusCode).toBe(201);
      expect(await res.body.text()).toBe('{"ok":true}');
      expect(seen).toEqual([
        { method: 'POST', url: '/api/mo/uni/infra/vlanns-[p]-static.json?rsp-subtree=full', type: 'application/json', body: '{"a":1}' },
      ]);
    } finally {
      await dispatcher.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

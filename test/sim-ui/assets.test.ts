// The fabric view's files as apic-sim serves them, without a browser: the
// page at `/` by default, a same-origin-only policy, a client script that
// parses, and nothing served for other methods or paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch } from 'undici';
import { startSim, type RunningSim } from '../../src/sim/server.js';
import { VIEW_SPEC } from '../../src/sim/ui/tree.js';

describe('fabric view assets', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: 'assets-pw-1', http: true });
  });
  afterAll(() => sim?.close());

  const get = (path: string, method = 'GET') => fetch(sim.url + path, { method, dispatcher: new Agent() });

  it('serves the page at / with a same-origin content policy', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/ui/fabric-view.js"></script>');
    expect(html).toContain('id="login-form"');
  });

  it('serves a client script that parses and carries the tree spec', async () => {
    const res = await get('/ui/fabric-view.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await res.text();
    // A function call with no imports: it must compile as plain script text.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiling it is the test
    expect(() => new Function(js)).not.toThrow();
    expect(js).toContain(JSON.stringify(VIEW_SPEC));
    expect((await get('/ui/fabric-view.css')).status).toBe(200);
  });

  it('leaves other paths and methods to the API (404 as JSON)', async () => {
    for (const [method, path] of [
      ['GET', '/nothing'],
      ['POST', '/'],
      ['DELETE', '/ui/fabric-view.js'],
    ]) {
      const res = await get(path, method);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ imdata: [{ error: { attributes: { code: expect.any(String) } } }] });
    }
  });

  it('can be replaced through the ui hook', async () => {
    const other = await startSim({
      listen: '127.0.0.1:0',
      data: ':memory:',
      adminPassword: 'assets-pw-1',
      http: true,
      ui: (_req, res) => {
        res.end('mine');
        return true;
      },
    });
    try {
      const res = await fetch(`${other.url}/`, { dispatcher: new Agent() });
      expect(await res.text()).toBe('mine');
    } finally {
      await other.close();
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { Faults, parseFaultFlag } from '../../src/sim/faults.js';
import type { RunningSim } from '../../src/sim/server.js';
import { errorOf, simWithClient } from './helpers.js';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('apic-sim faults', () => {
  it('answers matching requests with the injected error, others normally', async () => {
    const r = await simWithClient();
    sim = r.sim;
    const c = r.client;
    const set = await c.post('/sim/faults', { rules: [{ path: '^/api/mo/uni/tn-', method: 'POST', errorRate: 1, errorStatus: 500 }] });
    expect(set.status).toBe(200);
    const failed = await c.post('/api/mo/uni/tn-f.json', { fvTenant: { attributes: { name: 'f' } } });
    expect(failed.status).toBe(500);
    expect(errorOf(failed).text).toContain('injected fault');
    expect((await c.get('/api/mo/uni/tn-f.json')).body.totalCount).toBe('0');
    expect((await c.get('/sim/faults')).body.rules).toHaveLength(1);
    expect((await c.del('/sim/faults')).status).toBe(200);
    expect((await c.post('/api/mo/uni/tn-f.json', { fvTenant: { attributes: { name: 'f' } } })).status).toBe(200);
  });

  it('drops connections without an answer', async () => {
    const r = await simWithClient({ faults: [{ path: '^/api/class/', dropRate: 1 }] });
    sim = r.sim;
    await expect(r.client.get('/api/class/fvTenant.json')).rejects.toThrow();
    expect((await r.client.get('/api/mo/uni.json')).status).toBe(200);
  });

  it('the control endpoint needs a session and valid rules', async () => {
    const r = await simWithClient();
    sim = r.sim;
    const c = r.client;
    const bad = await c.post('/sim/faults', { rules: [{ path: '(', errorRate: 1 }] });
    expect(bad.status).toBe(400);
    expect((await c.post('/sim/faults', { rules: [{ path: 'x', errorRate: 2 }] })).status).toBe(400);
    c.token = undefined;
    expect((await c.get('/sim/faults')).status).toBe(403);
  });

  it('adds latency from every matching rule, and parses --fault flags', () => {
    const f = new Faults(
      [
        { path: '^/api/', latencyMs: 100 },
        { path: 'class', latencyMs: 50, errorRate: 0.5 },
      ],
      () => 0.4,
    );
    expect(f.decide('GET', '/api/class/fvBD.json')).toEqual({ latencyMs: 150, drop: false, lose: false, errorStatus: 503 });
    expect(f.decide('GET', '/api/mo/uni.json')).toEqual({ latencyMs: 100, drop: false, lose: false });
    expect(new Faults([{ path: '^/api/mo/', lostRate: 0.5 }], () => 0.4).decide('POST', '/api/mo/uni.json')).toEqual({
      latencyMs: 0,
      drop: false,
      lose: true,
    });
    expect(parseFaultFlag('^/api/mo/;latency=200,error=0.1,drop=0.05,lost=0.2,status=502,method=POST')).toEqual({
      path: '^/api/mo/',
      latencyMs: 200,
      errorRate: 0.1,
      dropRate: 0.05,
      lostRate: 0.2,
      errorStatus: 502,
      method: 'POST',
    });
    expect(() => parseFaultFlag('^/api/;speed=3')).toThrow(/unknown key speed/);
    expect(() => parseFaultFlag('^/api/;error=3')).toThrow(/errorRate/);
  });
});

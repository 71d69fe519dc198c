#!/usr/bin/env node
// apic-sim benchmark: requests per second over HTTPS (as clients talk to
// it) for logins, tenant-subtree posts, filtered class queries and subtree
// queries at 10k and 100k objects, and memory per 100k objects.
// Needs the build (npm run build). Runs in about 20 s (BENCH_SECONDS per measurement).
// Memory is the RSS growth from 10k to 100k objects (in-memory SQLite), scaled to 100k.
// Latencies (p50, p95) are of one client's requests in a row; the goal is
// p50 <= 20 ms for a page of 100 and for a count at 100k objects.
import { spawn } from 'node:child_process';
import { Agent } from 'undici';
import { simCaller } from './sim-client.mjs';

const { startSim } = await import('../dist/sim/server.js').catch(() => {
  console.error('bench/sim.mjs: run `npm run build` first (dist/sim/server.js is missing)');
  process.exit(1);
});

const PASSWORD = 'bench-pw-1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const CONCURRENCY = 8;

const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD });
const agent = new Agent({ connect: { rejectUnauthorized: false }, connections: CONCURRENCY, keepAliveTimeout: 10_000 });

const call = simCaller(sim.url, agent);

const login = async () =>
  (await call('POST', '/api/aaaLogin.json', { aaaUser: { attributes: { name: 'admin', pwd: PASSWORD } } })).imdata[0].aaaLogin.attributes
    .token;
const token = await login();

/** Runs `op(i)` from CONCURRENCY workers for SECONDS (at most `max` calls); returns requests per second. */
async function rate(op, max = Infinity) {
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end && n < max) await op(n++);
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

/** A tenant like the one acc-provision makes: VRF, 4 BDs with subnets, an AP with 4 EPGs, a contract. 20 objects. */
function tenantBody(name) {
  const bds = [0, 1, 2, 3].map((i) => ({
    fvBD: {
      attributes: { name: `bd${i}`, arpFlood: i % 2 ? 'yes' : 'no' },
      children: [{ fvRsCtx: { attributes: { tnFvCtxName: 'vrf' } } }, { fvSubnet: { attributes: { ip: `10.${i}.0.1/16` } } }],
    },
  }));
  const epgs = [0, 1, 2, 3].map((i) => ({
    fvAEPg: { attributes: { name: `epg${i}` }, children: [{ fvRsBd: { attributes: { tnFvBDName: `bd${i}` } } }] },
  }));
  return {
    fvTenant: {
      attributes: { name },
      children: [
        { fvCtx: { attributes: { name: 'vrf' } } },
        ...bds,
        { fvAp: { attributes: { name: 'ap' }, children: epgs } },
        { vzBrCP: { attributes: { name: 'c' } } },
      ],
    },
  };
}

/** Grows the tree to `target` objects with direct store writes (fast), tenants of 100 objects each. */
let filled = 0;
function fillTo(target) {
  const store = sim.store;
  store.transaction(() => {
    while (store.count() < target) {
      const tn = `uni/tn-fill${filled++}`;
      const put = (dn, className, attrs) =>
        store.put({
          dn,
          className,
          parent: dn.slice(0, dn.lastIndexOf('/')),
          attrs: { dn, lcOwn: 'local', modTs: '2026-01-01T00:00:00.000+00:00', status: '', ...attrs },
        });
      put(tn, 'fvTenant', { name: `fill${filled}` });
      put(`${tn}/ctx-vrf`, 'fvCtx', { name: 'vrf' });
      for (let b = 0; b < 49; b++) {
        put(`${tn}/BD-bd${b}`, 'fvBD', { name: `bd${b}`, mtu: String(1000 + b) });
        put(`${tn}/BD-bd${b}/rsctx`, 'fvRsCtx', { tnFvCtxName: 'vrf' });
      }
    }
  });
}

/** Runs `op` `count` times one after another; the median and 95th percentile in milliseconds. */
async function latency(op, count = 60) {
  const times = [];
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    await op();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

const rows = [];
const row = (what, objects, value, unit = 'req/s') =>
  rows.push({ what, objects, value: unit === 'ms' ? Math.round(value * 10) / 10 : Math.round(value), unit });

row('aaaLogin', sim.store.count(), await rate(() => login()));
let posted = 0;
row(
  'POST tenant subtree (20 objects)',
  sim.store.count(),
  await rate(() => call('POST', `/api/mo/uni/tn-b${posted}.json`, tenantBody(`b${posted++}`), token), 350),
);

let memBefore = 0;
let memAfter = 0;
let countBefore = 0;
for (const size of [10_000, 100_000]) {
  fillTo(size);
  const n = sim.store.count();
  if (size === 10_000) {
    memBefore = process.memoryUsage().rss;
    countBefore = n;
  }
  let i = 0;
  row(
    'GET class fvBD, filtered',
    n,
    await rate(() =>
      call(
        'GET',
        `/api/class/fvBD.json?query-target-filter=and(eq(fvBD.name,"bd7"),wcard(fvBD.dn,"fill${i++ % filled}/"))`,
        undefined,
        token,
      ),
    ),
  );
  row(
    'GET tenant subtree (rsp-subtree=full)',
    n,
    await rate(() => call('GET', `/api/mo/uni/tn-fill${i++ % filled}.json?rsp-subtree=full`, undefined, token)),
  );
  row(
    'GET tenant subtree, class-filtered',
    n,
    await rate(() =>
      call('GET', `/api/mo/uni/tn-fill${i++ % filled}.json?query-target=subtree&target-subtree-class=fvRsCtx`, undefined, token),
    ),
  );
  row(
    'GET class fvBD, page of 100 (p50)',
    n,
    (await latency(() => call('GET', `/api/class/fvBD.json?page-size=100&page=${i++ % 500}`, undefined, token))).p50,
    'ms',
  );
  row(
    'GET class fvBD, count (p50)',
    n,
    (await latency(() => call('GET', '/api/class/fvBD.json?rsp-subtree-include=count', undefined, token))).p50,
    'ms',
  );
  if (size === 100_000) {
    memAfter = process.memoryUsage().rss;
    // Four clients (another process) reading the whole class over and over; a small request beside them.
    const readers = spawn(
      process.execPath,
      [new URL('./sim-readers.mjs', import.meta.url).pathname, sim.url, token, '/api/class/fvBD.json', '4'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((r) => readers.stdout.once('data', r));
    await new Promise((r) => setTimeout(r, 1000));
    const small = await latency(() => call('GET', '/api/mo/uni/tn-fill1.json', undefined, token), 40);
    readers.kill();
    row('GET one object beside 4 full-class readers (p50)', n, small.p50, 'ms');
    row('GET one object beside 4 full-class readers (p95)', n, small.p95, 'ms');
  }
}
const per100k = ((memAfter - memBefore) / (sim.store.count() - countBefore)) * 100_000;
row('memory (RSS growth) per 100k objects', sim.store.count(), per100k / (1024 * 1024), 'MiB');

await agent.close();
await sim.close();

if (process.argv.includes('--json')) {
  // For bench/run.mjs: one JSON row per line.
  for (const r of rows)
    console.log(
      JSON.stringify({ what: `${r.what} @ ${r.objects} objects`, value: `${r.value} ${r.unit}`, note: `${CONCURRENCY} clients, HTTPS` }),
    );
  process.exit(0);
}
console.log(`apic-sim bench: ${CONCURRENCY} concurrent clients, ${SECONDS}s per measurement, HTTPS, in-memory store`);
console.log(`${'measurement'.padEnd(44)}${'objects'.padStart(10)}${'result'.padStart(12)}`);
for (const r of rows) console.log(`${r.what.padEnd(44)}${String(r.objects).padStart(10)}${String(r.value).padStart(10)} ${r.unit}`);

#!/usr/bin/env node
// Provisioning benchmark: requests sent and wall time for `-a` of the
// conformance base_case on apic-sim (HTTPS, in this process) with 20 ms of
// latency added to every request, for the first run (empty fabric) and a
// re-run (nothing to change); and, for comparison, replaying the request
// dump one POST at a time in order (how the Python tool sends it).
// Not a test: it prints a table. Needs the build (npm run build).
// Usage: node bench/provision.mjs [--latency MS] [--json]
//   --json: one JSON object per row ({what, value, note}), for bench/run.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const conformance = resolve(root, '..', 'shared', 'conformance');
const FLAVOR = 'kubernetes-1.35';
const PASSWORD = 'bench-pw-1';
const latArg = process.argv.indexOf('--latency');
const LATENCY = latArg > 0 ? Number(process.argv[latArg + 1]) : 20;
const JSON_ROWS = process.argv.includes('--json');

if (!existsSync(join(root, 'dist', 'cli', 'commands', 'provision.js'))) {
  console.error('bench/provision.mjs: run `npm run build` first (dist/ is missing)');
  process.exit(1);
}
const input = join(conformance, 'testdata', 'base_case.inp.yaml');
if (!existsSync(input)) {
  console.error(`bench/provision.mjs: skipped, ${input} not found`);
  process.exit(0);
}

const { startSim } = await import(join(root, 'dist/sim/server.js'));
const { seedSchema } = await import(join(root, 'dist/sim/seed.js'));
const { ApicClient } = await import(join(root, 'dist/apic/client.js'));
const { Reporter } = await import(join(root, 'dist/cli/output/reporter.js'));
const { checkRootOptions } = await import(join(root, 'dist/cli/root-options.js'));
const { defaultApicDeps, runApic } = await import(join(root, 'dist/cli/commands/provision.js'));
const { loadConfig } = await import(join(root, 'dist/config/load.js'));
const { parseApicDump, desiredFromRequests } = await import(join(root, 'dist/provision/engine/from-requests.js'));

const text = readFileSync(input, 'utf8');
const { config } = loadConfig(text, input, { flavor: FLAVOR });
const a = config.aci_config;
const seed = seedSchema.parse({
  version: '1.0(0a)',
  infra_vlan: config.net_config.infra_vlan,
  aeps: [a.aep],
  vrfs: [{ tenant: a.vrf.tenant, name: a.vrf.name }],
  l3outs: [{ tenant: a.vrf.tenant, name: a.l3out.name, vrf: a.vrf.name, external_networks: a.l3out.external_networks }],
});
const faults = [{ path: '^/', latencyMs: LATENCY }];

async function withSim(fn) {
  const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD, seed, faults });
  try {
    return await fn(sim);
  } finally {
    await sim.close();
  }
}

/** One `-a` through the CLI's flow, the client pointed at the simulator; returns its numbers. */
async function provisionOnce(sim) {
  let client;
  const reporter = new Reporter({ format: 'text', color: false, write: () => undefined });
  const opts = checkRootOptions(
    { config: input, output: '/dev/null', flavor: FLAVOR, apic: true, delete: false, password: PASSWORD, disableMultus: 'true', operatorMode: 'false', outputFormat: 'text', color: false },
    {},
  );
  const deps = {
    ...defaultApicDeps,
    ensureControllerCertificate: async () => ({ certPem: 'dummy\n', keyPem: 'dummy\n', reused: true }),
    async connect() {
      client = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: sim.certificate });
      return client;
    },
  };
  const t0 = performance.now();
  await runApic(opts, FLAVOR, reporter, { mode: 'apply', planOnly: false }, deps);
  return { ms: performance.now() - t0, ...client.stats };
}

/** The dump posted request by request, in order, as the Python tool sends it. */
async function replayDump(sim) {
  const dump = parseApicDump(readFileSync(join(conformance, 'testdata', 'base_case.apic.txt'), 'utf8'));
  const desired = desiredFromRequests(dump);
  const client = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: sim.certificate });
  const t0 = performance.now();
  await client.login();
  for (const d of desired) await client.post(d.attributes.dn, d);
  const ms = performance.now() - t0;
  await client.close();
  return { ms, ...client.stats };
}

const rows = [];
await withSim(async (sim) => {
  rows.push({ label: '-a, first run (empty fabric)', ...(await provisionOnce(sim)) });
  rows.push({ label: '-a, re-run (nothing to change)', ...(await provisionOnce(sim)) });
});
await withSim(async (sim) => {
  rows.push({ label: 'dump replayed one POST at a time', ...(await replayDump(sim)) });
});

if (JSON_ROWS) {
  for (const r of rows) {
    console.log(
      JSON.stringify({
        what: `base_case ${r.label}`,
        value: `${r.ms.toFixed(0)} ms`,
        note: `${r.requests} requests: ${r.gets} GET, ${r.posts} POST, ${r.deletes} DELETE, ${r.logins} login`,
      }),
    );
  }
  process.exit(0);
}
const header = ['base_case, +' + LATENCY + ' ms per request', 'wall ms', 'requests', 'GET', 'POST', 'DELETE', 'logins'];
const table = rows.map((r) => [r.label, r.ms.toFixed(0), String(r.requests), String(r.gets), String(r.posts), String(r.deletes), String(r.logins)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log('\nrequests: every HTTP exchange (login and discovery included); POST/DELETE: writes.');

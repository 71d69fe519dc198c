#!/usr/bin/env node
// Provisioning benchmark: requests sent and wall time for `-a` of the
// conformance base_case on apic-sim (HTTPS, in this process) with 20 ms of
// latency added to every request, for the first run (empty fabric) and a
// re-run (nothing to change); and, for comparison, replaying the request
// dump one POST at a time in order (how the Python tool sends it).
// Then the slow link: `acc-provision -a` as users run it (bin/, a new
// process) on an empty fabric 50 ms away (--slow-latency), median of
// --slow-runs; with ACC_PY_REF=<checkout of the Python acc-provision>, the
// Python tool's `-a` on the same fabric, and the ratio.
// Not a test: it prints a table. Needs the build (npm run build).
// Usage: node bench/provision.mjs [--latency MS] [--slow-latency MS] [--slow-runs N] [--json]
//   --json: one JSON object per row ({what, value, note}), for bench/run.mjs.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const argNumber = (flag, fallback) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SLOW_LATENCY = argNumber('--slow-latency', 50);
const SLOW_RUNS = argNumber('--slow-runs', 5);
const PY_REF = process.env.ACC_PY_REF;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

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
    {
      config: input,
      output: '/dev/null',
      flavor: FLAVOR,
      apic: true,
      delete: false,
      password: PASSWORD,
      disableMultus: 'true',
      operatorMode: 'false',
      outputFormat: 'text',
      color: false,
    },
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

// --- the slow link: whole runs as users start them -----------------------------
const median = (xs) => {
  const v = [...xs].sort((x, y) => x - y);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
/** Runs a command without blocking this process (the simulator answers from here); resolves with its wall time. */
function timed(cmd, args, cwd, env) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(performance.now() - t0) : fail(new Error(`${cmd} exit ${code}: ${err.trim().split('\n').pop()}`)),
    );
  });
}
async function slowLinkRun(tool) {
  const sim = await startSim({
    listen: '127.0.0.1:0',
    data: ':memory:',
    adminPassword: PASSWORD,
    seed,
    faults: [{ path: '^/', latencyMs: SLOW_LATENCY }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'acc-slow-'));
  try {
    for (const f of ['user.crt', 'user.key']) copyFileSync(join(conformance, 'testdata', f), join(dir, f));
    writeFileSync(join(dir, 'cfg.yaml'), text.replace(/apic_hosts:\n(\s+)- \S+/, `apic_hosts:\n$1- 127.0.0.1:${sim.port}`));
    const args = ['-c', 'cfg.yaml', '-f', FLAVOR, '-o', 'out.yaml', '-a', '-u', 'admin', '-p', PASSWORD];
    if (tool === 'ours') return await timed(join(root, 'bin', 'acc-provision'), args, dir, { NO_COLOR: '1' });
    const code = `import sys\nsys.path.insert(0, ${JSON.stringify(join(PY_REF, 'provision'))})\nfrom acc_provision import acc_provision\nsys.argv = ['acc-provision'] + ${JSON.stringify(args)}\nacc_provision.main()`;
    return await timed(PYTHON, ['-c', code], dir, {});
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const slow = { ours: [], python: [] };
for (let i = 0; i < SLOW_RUNS; i++) {
  slow.ours.push(await slowLinkRun('ours'));
  if (PY_REF) slow.python.push(await slowLinkRun('python'));
}
const slowRows = [
  {
    what: `-a on an empty fabric through a ${SLOW_LATENCY} ms link (bin/acc-provision)`,
    value: `${median(slow.ours).toFixed(0)} ms`,
    note: `median of ${SLOW_RUNS}, a new process each`,
  },
];
if (PY_REF) {
  const py = median(slow.python);
  slowRows.push({
    what: `-a on an empty fabric through a ${SLOW_LATENCY} ms link (Python acc-provision)`,
    value: `${py.toFixed(0)} ms`,
    note: `${(py / median(slow.ours)).toFixed(1)}x the time of bin/acc-provision`,
  });
}

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
  for (const r of slowRows) console.log(JSON.stringify(r));
  process.exit(0);
}
const header = ['base_case, +' + LATENCY + ' ms per request', 'wall ms', 'requests', 'GET', 'POST', 'DELETE', 'logins'];
const table = rows.map((r) => [
  r.label,
  r.ms.toFixed(0),
  String(r.requests),
  String(r.gets),
  String(r.posts),
  String(r.deletes),
  String(r.logins),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log('\nrequests: every HTTP exchange (login and discovery included); POST/DELETE: writes.\n');
for (const r of slowRows) console.log(`${r.what}: ${r.value} (${r.note})`);

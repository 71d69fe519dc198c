#!/usr/bin/env node
// `npm run bench`: every benchmark of the project in one table (medians, not
// tests: nothing passes or fails here). Needs dist/ (npm ci or npm run build).
//   - start-up: --help, --sample
//   - command-line generation (manifest + operator CR + tarball + APIC dump) for three Kubernetes configurations and an OpenShift on ESX one
//   - in-process generation per cluster (no Node start-up)
//   - provisioning base_case on apic-sim with 20 ms latency per request: first run and re-run (bench/provision.mjs)
//   - apic-sim throughput (bench/sim.mjs)
// With ACC_PY_REF=<checkout of the Python acc-provision>, the Python tool's
// command-line generation is measured in the same run and the ratios printed.
// Usage: npm run bench [-- --runs N] [-- --quick]  (--quick: start-up and generation only)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'acc-provision');
const conformance = resolve(root, '..', 'shared', 'conformance');
const argv = process.argv.slice(2);
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 15;
const QUICK = argv.includes('--quick');
const FLAVOR = 'kubernetes-1.35';
const PY_REF = process.env.ACC_PY_REF;
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npm run build` (or npm ci) first');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** rows: [area, measurement, ours, python, ratio, note] */
const rows = [];
const row = (area, what, ours, python = '', ratio = '', note = '') => rows.push([area, what, ours, python, ratio, note]);

function timeSpawn(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return {
    ms: performance.now() - t0,
    failure: r.status === 0 ? undefined : `exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`,
  };
}

// --- start-up and command-line generation -----------------------------------
const scratch = mkdtempSync(join(tmpdir(), 'acc-bench-'));
const configs = ['base_case.inp.yaml', 'dualstack_base.inp.yaml', 'nested-vlan.inp.yaml', 'flavor_openshift_420_esx.inp.yaml'];
// Each configuration with its flavor (the OpenShift family's data loads on first use).
const flavorOf = (c) => (c.startsWith('flavor_openshift_420_esx') ? 'openshift-4.20-esx' : FLAVOR);
const haveConformance = existsSync(join(conformance, 'cases.json'));
if (haveConformance) {
  for (const f of ['user.crt', 'user.key', 'user-mykube.crt', 'user-mykube.key', ...configs])
    copyFileSync(join(conformance, 'testdata', f), join(scratch, f));
}
// acc-provision runs as users of a checkout run it: bin/acc-provision as a
// program (the shell launcher, see docs/startup.md), not `node bin/acc-provision`;
// the npm package's entry, bin/acc-provision.js, is timed on --sample too.
const jobs = [
  { area: 'start-up', what: 'node -e 0 (Node alone)', cmd: process.execPath, args: ['-e', '0'] },
  { area: 'start-up', what: 'acc-provision --help', cmd: cli, args: ['--help'] },
  { area: 'start-up', what: `acc-provision --sample -f ${FLAVOR}`, cmd: cli, args: ['--sample', '-f', FLAVOR] },
  { area: 'start-up', what: `bin/acc-provision.js --sample (npm's entry)`, cmd: `${cli}.js`, args: ['--sample', '-f', FLAVOR] },
];
if (process.env.NODE_EXTRA_CA_CERTS) {
  // Node parses that file before running anything; the launcher spares acc-provision that.
  jobs.splice(1, 0, {
    area: 'start-up',
    what: 'node -e 0 without NODE_EXTRA_CA_CERTS',
    cmd: 'env',
    args: ['-u', 'NODE_EXTRA_CA_CERTS', process.execPath, '-e', '0'],
  });
}
if (haveConformance) {
  for (const c of configs) {
    const job = {
      area: 'generation (CLI)',
      what: `${c.replace('.inp.yaml', '')}: manifest, CR, tar, dump`,
      cmd: cli,
      args: [
        '-c',
        c,
        '-f',
        flavorOf(c),
        '-o',
        'out.kube.yaml',
        '-r',
        'out.cr.yaml',
        '--apic-dump',
        'out.apic.txt',
        '--version-token',
        'dummy',
      ],
    };
    if (PY_REF) {
      const code = [
        'import sys',
        `sys.path.insert(0, ${JSON.stringify(join(PY_REF, 'provision'))})`,
        'from acc_provision import acc_provision',
        `sys.argv = ['acc-provision', '-c', ${JSON.stringify(c)}, '-f', '${flavorOf(c)}', '-o', 'py.kube.yaml', '-r', 'py.cr.yaml', '--version-token', 'dummy']`,
        'acc_provision.main()',
      ].join('\n');
      job.python = { cmd: PYTHON, args: ['-c', code] };
    }
    jobs.push(job);
  }
}
// Round-robin, so a burst of load on a shared machine hits every row alike.
const times = jobs.map(() => ({ ours: [], python: [] }));
const failures = jobs.map(() => undefined);
for (let i = 0; i < RUNS; i++) {
  jobs.forEach((j, k) => {
    const r = timeSpawn(j.cmd, j.args, scratch);
    times[k].ours.push(r.ms);
    failures[k] ??= r.failure;
    if (j.python && i < Math.min(RUNS, 5)) {
      const p = timeSpawn(j.python.cmd, j.python.args, scratch);
      if (!p.failure) times[k].python.push(p.ms);
    }
  });
}
jobs.forEach((j, k) => {
  const ours = median(times[k].ours);
  const py = median(times[k].python);
  row(
    j.area,
    j.what,
    `${fmt(ours)} ms`,
    j.python ? `${fmt(py)} ms` : '',
    j.python ? `${fmt(py / ours)}x faster` : '',
    failures[k] ?? `median of ${RUNS}`,
  );
});
if (!haveConformance) row('generation (CLI)', 'four configurations', '-', '', '', `skipped: ${conformance} not found`);

// --- in-process generation ---------------------------------------------------
if (haveConformance) {
  const load = await import(pathToFileURL(join(root, 'dist', 'config', 'load.js')).href);
  const manifest = await import(pathToFileURL(join(root, 'dist', 'manifest', 'index.js')).href);
  const dump = await import(pathToFileURL(join(root, 'dist', 'provision', 'dump.js')).href);
  for (const file of [configs[0], configs[3]]) {
    const text = readFileSync(join(scratch, file), 'utf8');
    const once = () => {
      const { config } = load.loadConfig(text, file, { flavor: flavorOf(file), versionToken: 'dummy' });
      Object.assign(config.aci_config.sync_login, { key_data: 'dummy\n', cert_data: 'dummy\n', cert_reused: true });
      manifest.renderManifest(config);
      dump.renderApicDump(config);
    };
    once(); // warm-up: lazy data, JIT
    const t = [];
    for (let i = 0; i < RUNS * 4; i++) {
      const t0 = performance.now();
      once();
      t.push(performance.now() - t0);
    }
    row(
      'generation (in-process)',
      `${file.replace('.inp.yaml', '')}: load + manifest + dump, per cluster`,
      `${fmt(median(t))} ms`,
      '',
      '',
      `median of ${RUNS * 4}`,
    );
  }
}
rmSync(scratch, { recursive: true, force: true });

// --- provisioning and simulator (their own scripts, as JSON rows) -------------
function sub(script, area) {
  const r = spawnSync(process.execPath, [join(root, 'bench', script), '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 16 << 20 });
  const lines = (r.stdout || '').split('\n').filter((l) => l.startsWith('{'));
  if (r.status !== 0 || lines.length === 0) {
    row(area, script, '-', '', '', `failed: ${(r.stderr || '').trim().split('\n').pop() ?? ''}`);
    return;
  }
  for (const l of lines) {
    const m = JSON.parse(l);
    row(area, m.what, m.value, '', '', m.note ?? '');
  }
}
if (!QUICK) {
  sub('provision.mjs', 'provisioning (apic-sim, added latency)');
  sub('sim.mjs', 'apic-sim');
}

// --- the table ------------------------------------------------------------------
const header = ['area', 'measurement', 'acc-provision (TS)', PY_REF ? 'Python acc-provision' : '', PY_REF ? 'ratio' : '', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (!PY_REF) console.log('\n(set ACC_PY_REF to a checkout of the Python acc-provision to measure it in the same run)');

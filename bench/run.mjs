#!/usr/bin/env node
// Start-up and generation timings of bin/acc-provision (median wall time of
// repeated runs), printed as a table. Not a test: no pass/fail, just numbers.
// Needs dist/ (npm ci or npx tsc -p .). Usage: npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'acc-provision');
const conformance = resolve(root, '..', 'shared', 'conformance');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const FLAVOR = 'kubernetes-1.35';

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('dist/ is missing: run `npx tsc -p .` (or npm ci) first');
  process.exit(1);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One timed spawn: wall time in ms and the first failure, if any. */
function spawnOnce(args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  return { ms, failure: r.status === 0 ? undefined : `exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}` };
}

const commands = [
  { label: 'node -e 0 (Node start-up alone)', args: ['-e', '0'], cwd: root },
  { label: 'acc-provision --help', args: [cli, '--help'], cwd: root },
  { label: 'acc-provision -v', args: [cli, '-v'], cwd: root },
  { label: `acc-provision --sample -f ${FLAVOR}`, args: [cli, '--sample', '-f', FLAVOR], cwd: root },
];

let scratch;
const rows = [];
if (existsSync(join(conformance, 'cases.json'))) {
  scratch = mkdtempSync(join(tmpdir(), 'acc-bench-'));
  for (const f of ['user.crt', 'user.key', 'user-mykube.crt', 'user-mykube.key', 'base_case.inp.yaml']) {
    copyFileSync(join(conformance, 'testdata', f), join(scratch, f));
  }
  commands.push({
    label: 'base_case: manifest + operator CR + tar + APIC dump',
    args: [cli, '-c', 'base_case.inp.yaml', '-f', FLAVOR, '-o', 'out.kube.yaml', '-r', 'out.cr.yaml', '--apic-dump', 'out.apic.txt', '--version-token', 'dummy'],
    cwd: scratch,
  });
}

// Round-robin, so a burst of load on a shared machine hits every row alike.
const times = commands.map(() => []);
const failures = commands.map(() => undefined);
for (let i = 0; i < RUNS; i++) {
  commands.forEach((c, k) => {
    const r = spawnOnce(c.args, c.cwd);
    times[k].push(r.ms);
    failures[k] ??= r.failure;
  });
}
commands.forEach((c, k) => {
  rows.push({ label: c.label, runs: RUNS, median: median(times[k]), min: Math.min(...times[k]), max: Math.max(...times[k]), note: failures[k] ?? '' });
});
if (!scratch) rows.push({ label: 'base_case generation', runs: 0, median: NaN, min: NaN, max: NaN, note: `skipped: ${conformance} not found` });

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const header = ['command', 'runs', 'median ms', 'min ms', 'max ms', 'note'];
const table = rows.map((r) => [r.label, String(r.runs), fmt(r.median), fmt(r.min), fmt(r.max), r.note]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

// In-process cost of one cluster (no Node start-up): load + manifest + dump.
if (scratch) {
  try {
    const load = await import(pathToFileURL(join(root, 'dist', 'config', 'load.js')).href);
    const manifest = await import(pathToFileURL(join(root, 'dist', 'manifest', 'index.js')).href);
    const dump = await import(pathToFileURL(join(root, 'dist', 'provision', 'dump.js')).href);
    const text = readFileSync(join(scratch, 'base_case.inp.yaml'), 'utf8');
    const once = () => {
      const { config } = load.loadConfig(text, 'base_case.inp.yaml', { flavor: FLAVOR, versionToken: 'dummy' });
      Object.assign(config.aci_config.sync_login, { key_data: 'dummy\n', cert_data: 'dummy\n', cert_reused: true });
      manifest.renderManifest(config);
      dump.renderApicDump(config);
    };
    once(); // warm-up (lazy data, JIT)
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      once();
      times.push(performance.now() - t0);
    }
    console.log(`\nin-process, per cluster (base_case load + manifest + APIC dump): median ${fmt(median(times))} ms over ${RUNS} runs`);
  } catch (e) {
    console.log(`\nin-process, per cluster: not available yet (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
  rmSync(scratch, { recursive: true, force: true });
}

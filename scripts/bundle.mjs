#!/usr/bin/env node
// Second step of `npm run build` (after tsc): dist/bundle/acc-provision.cjs,
// the command line as one CommonJS script, the list of the dist/ files it
// holds, and the V8 code cache dist/cli/launch.cjs starts it from. What each
// piece gains, and the rules the code must keep for it: docs/startup.md.
//
// In the bundle: dist/ and the libraries every run needs (yaml, zod's v3
// API, commander, ipaddr.js), and the parts of undici the APIC client loads.
// Left as packages, loaded from node_modules on first use: what only verify,
// the demo or apic-sim need (@peculiar/x509, better-sqlite3, ws,
// zod's v4 API used by apic-sim).
import { build } from 'esbuild';
import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');
const outfile = join(dist, 'bundle', 'acc-provision.cjs');
const launcher = join(dist, 'cli', 'launch.cjs');
const INLINE = new Set(['yaml', 'zod/v3', 'commander', 'ipaddr.js']);
// The parts of undici the APIC client loads (src/apic/undici.ts), with what
// they require inside undici: compiled from the cache instead of from source
// on every -a/-d/plan/verify run. Loaded only when a command talks to an APIC.
const INLINE_PREFIXES = ['undici/lib/'];
const TRAINING_FLAVOR = 'kubernetes-1.35';

/** Bare package imports outside INLINE stay `require()` calls into node_modules. */
const packagesOutside = {
  name: 'packages-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || INLINE.has(args.path) || INLINE_PREFIXES.some((p) => args.path.startsWith(p))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * undici's HTTP/2 client (client-h2.js) loads node:http2 when it loads (7 to
 * 11 ms of every -a, -d, plan and verify start), though the APIC client
 * never offers h2 (no allowH2): ALPN then never selects it. In the bundle it
 * is a function that says so, should that ever change.
 */
const UNDICI_H2 = /[\\/]node_modules[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h2\.js$/;
const noHttp2 = {
  name: 'no-http2',
  setup(b) {
    b.onLoad({ filter: UNDICI_H2 }, () => ({
      contents:
        "module.exports = function connectH2() { throw new Error('acc-provision does not speak HTTP/2: its undici client-h2 is left out of the bundle (scripts/bundle.mjs)') }\n",
      loader: 'js',
    }));
  },
};

/**
 * dist/ loads a few libraries lazily through `const require =
 * createRequire(import.meta.url)`; in the bundle that line goes, so the calls
 * reach the bundle's own `require`, which esbuild follows.
 */
const REQUIRE_LINE = 'const require = createRequire(import.meta.url);';
const plainRequire = {
  name: 'plain-require',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('createRequire(')) return undefined;
      const contents = text.replaceAll(REQUIRE_LINE, '');
      if (contents.includes('createRequire(import.meta.url)')) {
        return { errors: [{ text: `${args.path}: use createRequire only as \`${REQUIRE_LINE}\`` }] };
      }
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [join(dist, 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import() of a package left outside becomes require(): V8 code from a
  // cache carries no dynamic-import callback in Node 20, so an import() in
  // the bundle fails once the cache is used.
  supported: { 'dynamic-import': false },
  // The first line names this build, and the code cache made for it records
  // the name (file times do not survive npm pack). import.meta.url (the
  // package.json lookup) becomes the bundle's URL: dist/bundle/ sits as deep
  // as dist/cli/.
  banner: { js: `// acc-provision build ${randomUUID()}\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;` },
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [packagesOutside, plainRequire, noHttp2],
  // Pure ASCII, so the launcher reads it as Latin-1 (checked below); the
  // libraries' license comments go to acc-provision.cjs.LEGAL.txt beside it.
  charset: 'ascii',
  legalComments: 'external',
  metafile: true,
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
const wide = bytes.findIndex((b) => b > 0x7f);
if (wide >= 0) {
  const line = bytes.subarray(0, wide).toString('latin1').split('\n').length;
  throw new Error(`${outfile}:${line} holds a non-ASCII byte: the launcher reads the bundle as Latin-1`);
}

// Type annotations in comments (`@param {import('./client.js')}`) do not count.
const codeLines = bytes
  .toString('latin1')
  .split('\n')
  .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l));
if (codeLines.some((l) => /\bimport\(/.test(l))) {
  throw new Error(`${outfile} holds an import() call, which fails when run from the code cache`);
}

// The dist/ files in the bundle: the launcher runs dist/'s modules instead
// when any of them is newer than the bundle (tsc ran again since).
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => resolve(repo, input))
  .filter((path) => path.startsWith(dist + sep))
  .map((path) => relative(dirname(outfile), path));
writeFileSync(`${outfile}.inputs.json`, `${JSON.stringify(inputs)}\n`);

// --release prints dist/RELEASE-VERSION: the source revision this build came from.
try {
  const describe = execFileSync('git', ['describe', '--tags', '--always', '--dirty'], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  writeFileSync(join(repo, 'dist', 'RELEASE-VERSION'), `${describe}\n`);
} catch {
  // Not a git checkout (a packed release): --release says the information is absent.
  rmSync(join(repo, 'dist', 'RELEASE-VERSION'), { force: true });
}

// Training run: `-a` of the sample configuration against an apic-sim in
// this process (seeded with the sample's prerequisites), writing the
// manifest, operator resource, tarball and APIC dump: it compiles what a
// generation runs and what provisioning adds (the APIC client and undici,
// discovery, the plan). There is no cache yet, so the launcher writes one
// when it finishes; the package ships it (an installed copy is seldom
// writable).
const scratch = mkdtempSync(join(tmpdir(), 'acc-provision-training-'));
const { startSim } = await import(pathToFileURL(join(dist, 'sim', 'server.js')).href);
const { defaultSeed } = await import(pathToFileURL(join(dist, 'sim', 'seed.js')).href);
const TRAINING_PASSWORD = `training-${randomUUID()}`;
const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: TRAINING_PASSWORD, seed: defaultSeed() });
try {
  // Asynchronous: the simulator answers from this process meanwhile.
  const run = (args) =>
    new Promise((done, fail) => {
      execFile(
        process.execPath,
        [launcher, ...args],
        { cwd: scratch, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ACC_PROVISION_PASS: TRAINING_PASSWORD } },
        (error, stdout, stderr) => (error ? fail(new Error(`training run ${args.join(' ')}: ${stderr}`)) : done(stdout)),
      );
    });
  const sample = await run(['--sample', '-f', TRAINING_FLAVOR]);
  const pointed = sample.replace(/(apic_hosts:[^\n]*\n\s+- )\S+/, `$1127.0.0.1:${sim.port}`);
  if (pointed === sample) throw new Error('training run: no apic_hosts entry in the sample to point at the simulator');
  writeFileSync(join(scratch, 'cluster.yaml'), pointed);
  rmSync(`${outfile}.cache`, { force: true });
  await run([
    '-c',
    'cluster.yaml',
    '-f',
    TRAINING_FLAVOR,
    '-o',
    'aci.yaml',
    '-r',
    'cr.yaml',
    '--apic-dump',
    'apic.txt',
    '--version-token',
    'training',
    '-a',
    '-u',
    'admin',
  ]);
} finally {
  await sim.close();
  rmSync(scratch, { recursive: true, force: true });
}

#!/usr/bin/env node
// Second step of `npm run build` (after tsc): dist/bundle/acc-provision.cjs,
// the command line as one CommonJS script, and the V8 code cache
// dist/cli/launch.cjs starts it from (see src/cli/launch.cts).
//
// In the bundle: dist/ and the libraries every run needs (yaml, zod's v3
// API, commander, ipaddr.js). Left as packages, loaded from node_modules on
// first use: what only -a/-d, verify, the demo or a new certificate need
// (undici, @peculiar/x509, better-sqlite3, ws, zod's v4 API used by apic-sim).
//
// The code cache comes from a training run: generating the sample
// configuration's manifest, operator resource, tarball and APIC dump in a
// scratch directory, which compiles what a generation runs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(repo, 'dist', 'bundle', 'acc-provision.cjs');
const launcher = join(repo, 'dist', 'cli', 'launch.cjs');
const INLINE = new Set(['yaml', 'zod/v3', 'commander', 'ipaddr.js']);
const TRAINING_FLAVOR = 'kubernetes-1.35';

/** Bare package imports outside INLINE stay `require()` calls into node_modules. */
const packagesOutside = {
  name: 'packages-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || INLINE.has(args.path)) return undefined;
      return { path: args.path, external: true };
    });
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

/**
 * commander loads child_process (and with it net, dgram and the stream
 * modules, ~4 ms) on start, for executable subcommands, which we do not
 * have: in the bundle it is loaded on first use instead.
 */
const COMMANDER_SPAWN = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(COMMANDER_SPAWN)) {
        return { contents: text, loader: 'js', warnings: [{ text: 'commander no longer loads child_process as expected; left as is' }] };
      }
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: text.replace(COMMANDER_SPAWN, lazy), loader: 'js' };
    });
  },
};

/** Large JSON (the CRDs) as JSON.parse of a string: far cheaper to compile than an object literal. */
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(readFileSync(args.path, 'utf8'))});`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(repo, 'dist', 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // import() of a package left outside becomes require(): V8 code from a
  // cache carries no dynamic-import callback in Node 20, so an import() in
  // the bundle fails once the cache is used.
  supported: { 'dynamic-import': false },
  // import.meta.url (package.json lookup) becomes the bundle file's URL:
  // dist/bundle/ sits as deep as dist/cli/.
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleUrl' },
  plugins: [packagesOutside, plainRequire, lazyChildProcess, jsonAsString],
  // Non-ASCII characters escaped: the launcher reads the file as latin1.
  charset: 'ascii',
  // Less source to read and keep in memory; names stay for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

const bundled = readFileSync(outfile, 'utf8');
if (/\bimport\(/.test(bundled)) {
  throw new Error(`${outfile} holds an import() call, which fails when run from the code cache`);
}
if (/[^\x00-\x7f]/.test(bundled)) throw new Error(`${outfile} is not ASCII; the launcher reads it as latin1`);

// --release prints dist/RELEASE-VERSION: the source revision this build came from.
try {
  const describe = execFileSync('git', ['describe', '--tags', '--always', '--dirty'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  writeFileSync(join(repo, 'dist', 'RELEASE-VERSION'), `${describe}\n`);
} catch {
  // Not a git checkout (a packed release): --release says the information is absent.
  rmSync(join(repo, 'dist', 'RELEASE-VERSION'), { force: true });
}

// Training run: no cache yet, so the launcher writes one when it finishes.
const scratch = mkdtempSync(join(tmpdir(), 'acc-provision-training-'));
try {
  const run = (args) =>
    execFileSync(process.execPath, [launcher, ...args], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  writeFileSync(join(scratch, 'cluster.yaml'), run(['--sample', '-f', TRAINING_FLAVOR]));
  rmSync(`${outfile}.cache`, { force: true });
  run(['-c', 'cluster.yaml', '-f', TRAINING_FLAVOR, '-o', 'aci.yaml', '-r', 'cr.yaml', '--apic-dump', 'apic.txt', '--version-token', 'training']);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

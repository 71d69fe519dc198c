// What bin/acc-provision (and bin/acc-provision.js) start: the bundle of the
// command line with V8's compiled code for it when both are current, else the
// ES modules of dist/. What each piece gains and the rules it imposes:
// docs/startup.md.
//
// The cache is only an accelerator: V8 rejects one made by another Node or
// V8 version, or with other V8 flags, and the run then compiles as usual and
// leaves a fresh cache behind (when the directory is writable). Its first line
// records the size and the build name (the bundle's first line) of the bundle
// it was made from, so a rebuilt bundle never meets an old cache. A bundle
// holding a dist/ file that is newer than itself (tsc ran since) is not used.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

type Main = (argv: string[]) => Promise<number>;

const BUNDLE = join(__dirname, '..', 'bundle', 'acc-provision.cjs');
const CACHE = `${BUNDLE}.cache`;
const INPUTS = `${BUNDLE}.inputs.json`;
const MAGIC = 'acc-provision code cache';

interface LoadedBundle {
  main: Main;
  /** Set when there was no usable cache: writes one from this run's code. */
  saveCache?: () => void;
}

function loadBundle(): LoadedBundle | undefined {
  let source: string;
  let stamp: string;
  try {
    const st = statSync(BUNDLE);
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[];
    for (const input of inputs) {
      // A file gone since is no sign of a rebuild: tsc rewrites the files that import it.
      const mtime = statSync(join(dirname(BUNDLE), input), { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (mtime > st.mtimeMs) return undefined;
    }
    // Pure ASCII (scripts/bundle.mjs sees to it), so read as Latin-1: half the time of UTF-8 decoding.
    source = readFileSync(BUNDLE, 'latin1');
    const build = /^\/\/ acc-provision build (\S+)\n/.exec(source);
    if (!build) return undefined;
    stamp = `${MAGIC} ${st.size} ${build[1]}\n`;
  } catch {
    return undefined;
  }
  const cachedData = readCache(stamp);
  // The same wrapper Node gives a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  // The bundle holds no import() (scripts/bundle.mjs sees to it): code from
  // a cache would have no dynamic-import callback.
  const script = new Script(wrapped, { filename: BUNDLE, cachedData });
  const mod = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, require, mod, BUNDLE, dirname(BUNDLE));
  const main = mod.exports.main;
  if (typeof main !== 'function') return undefined;
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  return { main, saveCache: fresh ? () => writeCache(stamp, script.createCachedData()) : undefined };
}

function readCache(stamp: string): Buffer | undefined {
  try {
    const data = readFileSync(CACHE);
    const head = Buffer.from(stamp);
    return data.subarray(0, head.length).equals(head) ? data.subarray(head.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Atomic and best effort: a read-only installation simply runs uncached. */
function writeCache(stamp: string, code: Buffer): void {
  const temp = `${CACHE}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(stamp), code]), { mode: 0o644 });
    renameSync(temp, CACHE);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was created
    }
  }
}

async function start(argv: string[]): Promise<void> {
  const bundle = loadBundle();
  if (!bundle) {
    const { main } = await import('./main.js');
    await main(argv);
    return;
  }
  await bundle.main(argv);
  bundle.saveCache?.();
}

void start(process.argv.slice(2));

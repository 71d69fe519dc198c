// `npm run typecheck` covers the tests, not only src/: a type error in a test
// file fails it. Run on a copy of the sources with one more test file, so the
// repository is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.js';

const copy = mkdtempSync(join(tmpdir(), 'acc-typecheck-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('npm run typecheck', () => {
  it('fails on a type error in a test file, naming the file and the line', () => {
    for (const entry of ['src', 'test', 'package.json', 'tsconfig.json', 'tsconfig.test.json', 'vitest.config.ts']) {
      cpSync(join(repoRoot, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
    mkdirSync(join(copy, 'test', 'fixture'));
    // A test that misuses a test helper: runCli returns a result, not a number.
    writeFileSync(
      join(copy, 'test', 'fixture', 'wrong.test.ts'),
      "import { runCli } from '../support/cli.js';\n\nexport const status: number = runCli(['-v']);\n",
    );
    const r = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: copy, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/test\/fixture\/wrong\.test\.ts\(3,14\): error TS2322/);
    // The only error is the planted one: the tests type-check as they are.
    expect((r.stdout + r.stderr).match(/error TS\d+/g)).toHaveLength(1);
  }, 300_000); // tsc over src/ and test/: ~12 s of CPU, far longer on a loaded machine
});

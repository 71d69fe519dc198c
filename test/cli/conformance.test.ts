// Every case of the landed flavor families (test/support/conformance.ts) run through the built CLI as
// the conformance README says, outputs compared as it defines equality
// (test/support/compare.ts). Rejection cases (`stdout`) must exit 1 and
// write nothing. Needs the whole generate flow: configuration, manifest,
// certificate and APIC dump.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, conformanceDir, ensureBuilt, runCli, STACK_LINE } from '../support/cli.js';
import { diffApic, diffKube } from '../support/compare.js';
import {
  auxFiles,
  conformanceCases,
  conformancePresent as present,
  testdata,
  type ConformanceCase as Case,
} from '../support/conformance.js';

// Placeholder certificates, NAD configuration and VLAN maps the inputs name.
const AUX_FILES = auxFiles();
const cases = conformanceCases();

function flags(a: Case['args']): string[] {
  const out = ['-f', a.flavor, '--version-token', 'dummy'];
  if (a.infra_vlan) out.push('--infra-vlan', String(a.infra_vlan));
  if (a.operator_mode) out.push('--operator-mode', 'true');
  if (a.upgrade) out.push('--upgrade');
  if (a.apic_oobm_ip) out.push('--apic-oobm-ip', a.apic_oobm_ip);
  return out;
}

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acc-conf-'));
  for (const f of AUX_FILES) copyFileSync(join(testdata, f), join(dir, f));
  return dir;
}

/** The case's input in the scratch dir (for `--sample`: the CLI's own sample). */
function prepareInput(c: Case, dir: string): string {
  if (c.input === '--sample') {
    const r = runCli(['--sample', '-f', c.args.flavor], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    writeFileSync(join(dir, 'sample.inp.yaml'), r.stdout);
    return 'sample.inp.yaml';
  }
  copyFileSync(join(testdata, c.input), join(dir, c.input));
  return c.input;
}

async function diffTar(expectedDir: string, tarball: string): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'acc-conf-tar-'));
  try {
    await extract({ file: tarball, cwd: out });
    const expected = readdirSync(expectedDir).sort();
    const actual = readdirSync(out).sort();
    const problems: string[] = [];
    const missing = expected.filter((f) => !actual.includes(f));
    const extra = actual.filter((f) => !expected.includes(f));
    if (missing.length || extra.length) problems.push(`tar files: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    for (const f of expected.filter((x) => actual.includes(x))) {
      for (const d of diffKube(readFileSync(join(expectedDir, f), 'utf8'), readFileSync(join(out, f), 'utf8'))) problems.push(`${f}: ${d}`);
    }
    return problems;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe.skipIf(!present)('conformance (../shared/conformance)', () => {
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);

  for (const c of cases) {
    // The -a/-d cases need an APIC: test/e2e/unprovision.test.ts runs them against apic-sim.
    if (c.args.delete || c.args.apic) continue;
    if (c.stdout) {
      it(`${c.name}: rejected with exit 1 (2 when only flags are wrong), a message per problem and nothing written`, () => {
        const dir = scratchDir();
        try {
          const input = prepareInput(c, dir);
          const before = readdirSync(dir).sort();
          const r = runCli(['-c', input, '-o', 'out.kube.yaml', '-r', 'out.cr.yaml', '--apic-dump', 'out.apic.txt', ...flags(c.args)], {
            cwd: dir,
          });
          // A wrong flag value is a usage error here (exit 2); the Python tool exits 1.
          const onlyFlags = r.stderr
            .split('\n')
            .filter((l) => l.startsWith('ERR: '))
            .every((l) => /^ERR: +-/.test(l));
          expect(r.status, r.stderr).toBe(onlyFlags ? 2 : 1);
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(/^ERR: /m);
          expect(r.stderr).not.toMatch(STACK_LINE);
          expect(r.stderr).not.toContain('internal error');
          expect(readdirSync(dir).sort()).toEqual(before);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
      continue;
    }
    it(`${c.name}: outputs equal the Python tool's`, async () => {
      const dir = scratchDir();
      try {
        const input = prepareInput(c, dir);
        const r = runCli(['-c', input, '-o', 'out.kube.yaml', '-r', 'out.cr.yaml', '--apic-dump', 'out.apic.txt', ...flags(c.args)], {
          cwd: dir,
        });
        expect(r.status, r.stderr).toBe(0);
        const problems: string[] = [];
        const read = (f: string) => readFileSync(join(dir, f), 'utf8');
        if (c.kube)
          problems.push(...diffKube(readFileSync(join(testdata, c.kube), 'utf8'), read('out.kube.yaml')).map((p) => `kube: ${p}`));
        if (c.operator_cr)
          problems.push(
            ...diffKube(readFileSync(join(testdata, c.operator_cr), 'utf8'), read('out.cr.yaml')).map((p) => `operator_cr: ${p}`),
          );
        if (c.apic) problems.push(...diffApic(readFileSync(join(testdata, c.apic), 'utf8'), read('out.apic.txt')).map((p) => `apic: ${p}`));
        // No -z: the tarball goes next to -o as OUTPUT.tar.gz, as the Python tool does.
        if (c.tar) problems.push(...(await diffTar(join(testdata, c.tar), join(dir, 'out.kube.yaml.tar.gz'))).map((p) => `tar: ${p}`));
        // The reused placeholder certificates are never rewritten.
        for (const f of AUX_FILES) expect(read(f)).toBe(readFileSync(join(testdata, f), 'utf8'));
        expect(problems).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

if (!present)
  describe('conformance', () => {
    it.skip(`skipped: ${conformanceDir} not found (the shared conformance cases live next to the repository)`, () => {});
  });

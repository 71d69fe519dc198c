// Which files -o, -r and -z write for the families whose outputs are not the
// ACI CNI manifest, as the Python tool writes them (each combination checked
// against it): RKE writes the `network:` section and never an operator
// resource nor a tarball; Calico writes only its tarball (with -z, else next
// to the -o file), never a manifest nor an operator resource, and with
// `-o /dev/null` still the tarball -z names. No empty files.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDeps, generate, type GenerateDeps } from '../../src/cli/commands/generate.js';
import { Reporter } from '../../src/cli/output/reporter.js';
import { checkRootOptions, type RawRootOptions } from '../../src/cli/root-options.js';
import { sampleConfig } from '../../src/config/sample.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Runs the generate flow on the flavor's sample with the given output flags; returns the files it wrote. */
async function filesWritten(flavor: string, flags: Partial<RawRootOptions>): Promise<{ dir: string; files: string[]; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'acc-family-out-'));
  dirs.push(dir);
  const at = (v: string | undefined) => (v === undefined || v === '/dev/null' || v === '-' ? v : join(dir, v));
  const raw: RawRootOptions = {
    config: 'cfg.yaml',
    output: at(flags.output) ?? '-',
    disableMultus: 'true',
    operatorMode: 'false',
    outputFormat: 'text',
    color: false,
    ...(flags.outputTar !== undefined ? { outputTar: at(flags.outputTar) } : {}),
    ...(flags.aci_operator_cr !== undefined ? { aci_operator_cr: at(flags.aci_operator_cr) } : {}),
  };
  const lines: string[] = [];
  const deps: GenerateDeps = {
    ...defaultDeps,
    readInput: async () => sampleConfig(flavor),
    ensureControllerCertificate: async () => ({ certPem: 'dummy\n', keyPem: 'dummy\n', reused: true }),
    stdout: () => undefined,
  };
  await generate(checkRootOptions(raw, {}), flavor, new Reporter({ format: 'text', color: false, write: (l) => lines.push(l) }), deps);
  return { dir, files: readdirSync(dir).sort(), lines };
}

async function tarNames(file: string): Promise<string[]> {
  const names: string[] = [];
  await list({ file, onReadEntry: (e) => names.push(e.path) });
  return names;
}

describe('RKE: -o writes the network section; -r and -z write nothing', () => {
  it('with -o and -r', async () => {
    const r = await filesWritten('RKE-1.8.3', { output: 'out.yaml', aci_operator_cr: 'cr.yaml' });
    expect(r.files).toEqual(['out.yaml']);
    expect(readFileSync(join(r.dir, 'out.yaml'), 'utf8')).toMatch(/^network:/m);
  });
  it('with -o, -r and -z', async () => {
    const r = await filesWritten('RKE-1.8.3', { output: 'out.yaml', aci_operator_cr: 'cr.yaml', outputTar: 't.tar.gz' });
    expect(r.files).toEqual(['out.yaml']);
    expect(r.lines.join('\n')).not.toMatch(/operator CR|operator tar/);
  });
});

describe('Calico: only the tarball', () => {
  it('next to the -o file, without -z; no manifest, no operator resource', async () => {
    const r = await filesWritten('calico-3.26.3', { output: 'out.yaml', aci_operator_cr: 'cr.yaml' });
    expect(r.files).toEqual(['out.yaml.tar.gz']);
    expect(await tarNames(join(r.dir, 'out.yaml.tar.gz'))).toEqual([
      'tigera_operator.yaml',
      'custom_resources_aci_calico.yaml',
      'custom_resources_calicoctl.yaml',
    ]);
    // No manifest: no hint to apply one.
    expect(r.lines.join('\n')).not.toMatch(/Apply infrastructure YAML/);
  });
  it('where -z names it', async () => {
    const r = await filesWritten('calico-3.26.3', { output: 'out.yaml', aci_operator_cr: 'cr.yaml', outputTar: 't.tar.gz' });
    expect(r.files).toEqual(['t.tar.gz']);
  });
  it('where -z names it, with -o /dev/null', async () => {
    const r = await filesWritten('calico-3.26.3', { output: '/dev/null', outputTar: 't.tar.gz' });
    expect(r.files).toEqual(['t.tar.gz']);
  });
});

describe('the ACI CNI families are unchanged', () => {
  it('-o /dev/null writes no tarball, even with -z', async () => {
    const r = await filesWritten('kubernetes-1.35', { output: '/dev/null', outputTar: 't.tar.gz', aci_operator_cr: 'cr.yaml' });
    expect(r.files).toEqual([]);
  });
  it('-o, -r and -z write all three', async () => {
    const r = await filesWritten('RKE2-kubernetes-1.34', { output: 'out.yaml', aci_operator_cr: 'cr.yaml', outputTar: 't.tar.gz' });
    expect(r.files).toEqual(['cr.yaml', 'out.yaml', 't.tar.gz']);
  });
});

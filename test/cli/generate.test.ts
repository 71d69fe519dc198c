// The generate flow (src/cli/commands/generate.ts) with its collaborators
// replaced by fakes: what it asks for, what it writes, and that a failure
// anywhere writes nothing.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { list } from 'tar';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/types.js';
import type { LoadOptions } from '../../src/config/load.js';
import { generate, staleObjectsHint, tarballPath, type GenerateDeps } from '../../src/cli/commands/generate.js';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import { operatorTarball } from '../../src/cli/output/tarball.js';
import { Reporter } from '../../src/cli/output/reporter.js';
import { checkRootOptions, type RawRootOptions } from '../../src/cli/root-options.js';
import { InputError } from '../../src/errors.js';

const FLAVOR = 'kubernetes-1.35';

function options(over: Partial<RawRootOptions>) {
  return checkRootOptions(
    { config: '-', output: '-', disableMultus: 'true', operatorMode: 'false', outputFormat: 'text', color: false, ...over },
    {},
  );
}

function fakeConfig(dir: string): Config {
  return {
    aci_config: {
      sync_login: {
        username: 'kube',
        certfile: join(dir, 'user.crt'),
        keyfile: join(dir, 'user.key'),
        cert_data: null,
        key_data: null,
        cert_reused: false,
        password: '',
      },
    },
    kube_config: { kubectl: 'kubectl', system_namespace: 'aci-containers-system' },
    registry: { configuration_version: 'v1' },
    provision: {},
    flavor: FLAVOR,
  } as unknown as Config;
}

interface Calls {
  load?: { text: string; file: string; opts: LoadOptions };
  certCalls: number;
  manifestConfig?: Config;
  stdout: string[];
}

function fakes(dir: string, over: Partial<GenerateDeps> & { reused?: boolean } = {}): { deps: GenerateDeps; calls: Calls } {
  const calls: Calls = { certCalls: 0, stdout: [] };
  const deps: GenerateDeps = {
    readInput: async (path) => (path === '-' ? 'from: stdin\n' : readFileSync(path, 'utf8')),
    buildCluster: (source, facts) => {
      calls.load = {
        text: source.text,
        file: source.file,
        opts: { ...source.options, ...(facts.infraVlan !== undefined ? { infraVlan: facts.infraVlan } : {}) },
      };
      const config = fakeConfig(dir);
      return {
        config,
        facts,
        warnings: ['net_config.pod_subnett: unknown key (did you mean pod_subnet?)'],
        desired: () => {
          throw new Error('not used');
        },
      };
    },
    ensureControllerCertificate: async () => {
      calls.certCalls++;
      return { certPem: 'CERT PEM\n', keyPem: 'KEY PEM\n', reused: over.reused ?? false };
    },
    renderManifest: (config) => {
      calls.manifestConfig = structuredClone(config);
      return {
        kube: 'kind: Namespace\n',
        operatorCr: 'kind: AciContainersOperator\n',
        tarFiles: [
          { name: 'cluster-network-04-Namespace-x.yaml', content: 'kind: Namespace\n' },
          { name: 'cluster-network-05-ConfigMap-y.yaml', content: 'kind: ConfigMap\n' },
        ],
      };
    },
    renderApicDump: () => '/api/mo/uni/tn-kube.json\n{"fvTenant": {"attributes": {"name": "kube"}}}\n',
    operatorTarball,
    stdout: (c) => calls.stdout.push(String(c)),
    ...over,
  };
  return { deps, calls };
}

function reporter() {
  const lines: string[] = [];
  return { lines, reporter: new Reporter({ format: 'text', color: false, write: (l) => lines.push(l.trimEnd()) }) };
}

describe('generate', () => {
  it('writes manifest, operator CR, tarball next to -o, APIC dump and the new certificate pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    writeFileSync(join(dir, 'cfg.yaml'), 'a: 1\n');
    const { deps, calls } = fakes(dir);
    const { lines, reporter: rep } = reporter();
    const out = join(dir, 'out.yaml');
    await generate(
      options({ config: join(dir, 'cfg.yaml'), output: out, aci_operator_cr: join(dir, 'cr.yaml'), apicDump: join(dir, 'apic.txt') }),
      FLAVOR,
      rep,
      deps,
    );

    expect(readdirSync(dir).sort()).toEqual(['apic.txt', 'cfg.yaml', 'cr.yaml', 'out.yaml', 'out.yaml.tar.gz', 'user.crt', 'user.key']);
    expect(readFileSync(out, 'utf8')).toBe('kind: Namespace\n');
    expect(readFileSync(join(dir, 'cr.yaml'), 'utf8')).toBe('kind: AciContainersOperator\n');
    expect(readFileSync(join(dir, 'apic.txt'), 'utf8')).toContain('/api/mo/uni/tn-kube.json');
    expect(readFileSync(join(dir, 'user.key'), 'utf8')).toBe('KEY PEM\n');
    expect(statSync(join(dir, 'user.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'user.crt'), 'utf8')).toBe('CERT PEM\n');

    const entries: string[] = [];
    await list({ file: `${out}.tar.gz`, onReadEntry: (e) => entries.push(e.path) });
    expect(entries).toEqual(['cluster-network-04-Namespace-x.yaml', 'cluster-network-05-ConfigMap-y.yaml']);
    expect(readFileSync(`${out}.tar.gz`).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip

    // The manifest sees the certificate as the Python tool's config carries it.
    expect(calls.manifestConfig?.aci_config.sync_login).toMatchObject({
      key_data: 'KEY PEM\n',
      cert_data: 'CERT PEM\n',
      cert_reused: false,
    });
    expect(calls.load).toMatchObject({
      text: 'a: 1\n',
      file: join(dir, 'cfg.yaml'),
      opts: { flavor: FLAVOR, provApic: undefined, disableMultus: true, operatorMode: false },
    });
    expect(lines).toContain('WARN: net_config.pod_subnett: unknown key (did you mean pod_subnet?)');
    expect(lines).toContain('INFO: Generating certs for kubernetes controller');
    expect(calls.stdout).toEqual([]);
  });

  it('reuses an existing pair: says so and writes no certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    const { deps, calls } = fakes(dir, { reused: true });
    const { lines, reporter: rep } = reporter();
    await generate(options({}), FLAVOR, rep, deps);
    expect(lines).toContain('INFO: Reusing existing certs for kubernetes controller');
    expect(existsSync(join(dir, 'user.crt'))).toBe(false);
    expect(calls.manifestConfig?.aci_config.sync_login.cert_reused).toBe(true);
  });

  it('operator mode: no certificate at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    const { deps, calls } = fakes(dir);
    await generate(options({ operatorMode: 'true' }), FLAVOR, reporter().reporter, deps);
    expect(calls.certCalls).toBe(0);
    expect(calls.manifestConfig?.aci_config.sync_login).toMatchObject({ key_data: null, cert_data: null, cert_reused: true });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('standard input and standard output by default; no tarball then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    const { deps, calls } = fakes(dir, { reused: true });
    const { lines, reporter: rep } = reporter();
    await generate(options({ apicDump: '-', infraVlan: '4093', password: 'pw' }), FLAVOR, rep, deps);
    expect(calls.load).toMatchObject({ text: 'from: stdin\n', file: '<stdin>', opts: { infraVlan: 4093, password: 'pw' } });
    expect(calls.stdout).toEqual(['kind: Namespace\n', '/api/mo/uni/tn-kube.json\n{"fvTenant": {"attributes": {"name": "kube"}}}\n']);
    expect(lines[0]).toBe('INFO: Loading configuration from "STDIN"');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failure after the certificate was made writes nothing and leaves existing outputs untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    const out = join(dir, 'out.yaml');
    writeFileSync(out, 'previous manifest');
    const { deps } = fakes(dir, {
      renderApicDump: () => {
        throw new InputError([{ field: 'aci_config.vrf.name', rule: 'required' }]);
      },
    });
    await expect(generate(options({ output: out, apicDump: join(dir, 'apic.txt') }), FLAVOR, reporter().reporter, deps)).rejects.toThrow(
      InputError,
    );
    expect(readdirSync(dir)).toEqual(['out.yaml']);
    expect(readFileSync(out, 'utf8')).toBe('previous manifest');
  });

  it('refuses to make a new pair over half of an existing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    writeFileSync(join(dir, 'user.crt'), 'trusted cert');
    const { deps } = fakes(dir);
    await expect(generate(options({ output: join(dir, 'out.yaml') }), FLAVOR, reporter().reporter, deps)).rejects.toThrow(
      /aci_config.sync_login.keyfile = ".*user.key": is missing while its certificate/,
    );
    expect(readdirSync(dir)).toEqual(['user.crt']);
    expect(readFileSync(join(dir, 'user.crt'), 'utf8')).toBe('trusted cert');
  });

  it('-o /dev/null renders no manifest, as the Python tool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-gen-'));
    const { deps, calls } = fakes(dir, { reused: true });
    await generate(options({ output: '/dev/null', apicDump: join(dir, 'apic.txt') }), FLAVOR, reporter().reporter, deps);
    expect(calls.manifestConfig).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['apic.txt']);
  });
});

describe('the closing hint on stale objects (as the Python tool prints it)', () => {
  const hint = (flavor: string, opts: { upgrade?: boolean } = {}) =>
    staleObjectsHint(loadConfig(sampleConfig(flavor), 'sample.yaml', { flavor, infraVlan: 4093, versionToken: 'tok', ...opts }).config);

  it("names the flavor's kubectl, the system namespace, the kinds it makes and the new version", () => {
    expect(hint('openshift-4.20-baremetal')).toBe(
      "oc -n aci-containers-system delete configmap,secret,serviceaccount,daemonset,deployment,clusterrolebinding,clusterrole -l 'aci-containers-config-version,aci-containers-config-version notin (tok)'",
    );
    // OpenShift 3.x makes security context constraints too.
    expect(hint('openshift-3.11')).toContain('deployment,securitycontextconstraints,clusterrolebinding');
    expect(hint('kubernetes-1.35')).toMatch(/^kubectl -n aci-containers-system delete /);
    expect(hint('k8s-overlay')).toMatch(/^kubectl -n kube-system delete /);
  });

  it('is not printed for an upgrade, nor by the families without an ACI CNI manifest', () => {
    expect(hint('openshift-4.20-baremetal', { upgrade: true })).toBeUndefined();
    expect(hint('RKE-1.8.3')).toBeUndefined();
  });

  it('follows the manifest in the messages of a run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-hint-'));
    const { lines, reporter: rep } = reporter();
    await generate(options({ output: join(dir, 'aci.yaml') }), FLAVOR, rep, fakes(dir).deps);
    const at = lines.findIndex((l) => l.includes('Delete stale objects from older deployments using:'));
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.includes('Apply infrastructure YAML using:')));
    expect(lines[at + 1]).toContain(
      "kubectl -n aci-containers-system delete configmap,secret,serviceaccount,daemonset,deployment -l 'aci-containers-config-version,aci-containers-config-version notin (v1)'",
    );
  });
});

describe('tarballPath (where -z goes, as the Python tool decides)', () => {
  it.each([
    [{ output: 'k.yaml' }, 'k.yaml.tar.gz'],
    [{ output: 'k.yaml', outputTar: 'op.tgz' }, 'op.tgz'],
    [{ output: '-', outputTar: 'op.tgz' }, 'op.tgz'],
    [{ output: '-' }, undefined],
    [{ output: 'k.yaml', outputTar: '-' }, 'k.yaml.tar.gz'],
    [{ output: 'k.yaml', upgrade: true }, undefined],
    [{ output: 'k.yaml', outputTar: 'op.tgz', upgrade: true }, 'op.tgz'],
  ])('%o -> %s', (o, expected) => {
    expect(tarballPath({ upgrade: false, ...o })).toBe(expected);
  });
});

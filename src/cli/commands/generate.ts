// The default job of acc-provision (no -a/-d): configuration -> certificate
// -> manifest (+ operator CR, operator tarball) -> APIC request dump, every
// output written at the very end and all at once (see output/atomic.ts).
import { existsSync } from 'node:fs';
import { readTextFile } from '../../config/file.js';
import { basename } from 'node:path';
import { InputError } from '../../errors.js';
import type { Config } from '../../config/types.js';
import { flavorFamily } from '../../config/flavors.js';
import type { LoadOptions } from '../../config/load.js';
import type { Cluster, ClusterSource, FabricFacts } from '../../cluster/index.js';
import type { ManifestFiles } from '../../manifest/index.js';
import type { ControllerCertificate } from '../../provision/certificate.js';
import { OutputBatch } from '../output/atomic.js';
import type { Reporter } from '../output/reporter.js';
import type { TarFile } from '../output/tarball.js';
import type { RootOptions } from '../root-options.js';

/** The modules the flow calls; imported lazily, replaceable in tests. */
export interface GenerateDeps {
  /** Step two of every command (src/cluster): file + flags + the fabric's facts -> the cluster. */
  buildCluster(source: ClusterSource, facts: FabricFacts): Cluster | Promise<Cluster>;
  ensureControllerCertificate(username: string, certFile: string, keyFile: string): Promise<ControllerCertificate>;
  renderManifest(config: Config): ManifestFiles | Promise<ManifestFiles>;
  /** `facts`: the fabric's, so a dump written with -a lists what -a sends. */
  renderApicDump(config: Config, facts: FabricFacts): string | Promise<string>;
  operatorTarball(files: TarFile[]): Promise<Uint8Array>;
  readInput(path: string): Promise<string>;
  stdout?: (chunk: string | Uint8Array) => void;
}

export const defaultDeps: GenerateDeps = {
  buildCluster: async (source, facts) => (await import('../../cluster/build.js')).buildCluster(source, facts),
  ensureControllerCertificate: async (u, c, k) => (await import('../../provision/certificate.js')).ensureControllerCertificate(u, c, k),
  renderManifest: async (config) => (await import('../../manifest/index.js')).renderManifest(config),
  renderApicDump: async (config, facts) => (await import('../../provision/dump.js')).renderApicDump(config, facts),
  operatorTarball: async (files) => (await import('../output/tarball.js')).operatorTarball(files),
  readInput,
};

/** `-` reads standard input; a missing or unreadable file is an input problem. */
export async function readInput(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readTextFile(path, '--config');
}

export function loadOptionsOf(opts: RootOptions, flavor: string): LoadOptions {
  return {
    flavor,
    infraVlan: opts.infraVlan,
    operatorMode: opts.operatorMode,
    upgrade: opts.upgrade,
    apicOobmIp: opts.apicOobmIp,
    versionToken: opts.versionToken,
    disableMultus: opts.disableMultus,
    provApic: opts.apic ? true : opts.delete ? false : undefined,
    skipAppProfileCheck: opts.skipAppProfileCheck,
    username: opts.username,
    password: opts.password,
    timeout: opts.timeout,
    apicProxy: opts.apicProxy,
    debug: opts.debug,
    oldNadVlanMapInput: opts.oldNadVlanMapInput,
  };
}

/**
 * Where the operator tarball goes, as the Python tool decides: `-z FILE`;
 * else next to the `-o` file as FILE.tar.gz; none when the manifest goes to
 * standard output or for an upgrade without `-z`.
 */
export function tarballPath(opts: Pick<RootOptions, 'output' | 'outputTar' | 'upgrade'>): string | undefined {
  const asked = opts.outputTar ?? '-';
  if (asked !== '-') return asked;
  if (opts.upgrade || opts.output === '-') return undefined;
  return `${opts.output}.tar.gz`;
}

/** Files the Python tool treats as "write nothing here". */
const DISCARD = '/dev/null';

/**
 * How `-a` joins the flow (see commands/provision.ts): it builds the cluster
 * from the fabric's facts instead of offline ones (validating the whole
 * configuration before its first request, then discovering), and after every
 * output is ready and before any is written, it provisions. A failure there
 * leaves every file untouched.
 */
export interface ApicHooks {
  /** `validated` is called with the configuration once it is checked, before the first request. */
  cluster(source: ClusterSource, validated: (config: Config) => Promise<void>): Promise<Cluster>;
  beforeWrite(cluster: Cluster): Promise<void>;
}

/** The configuration file's text and the flags, as the cluster model takes them. */
export async function clusterSource(
  opts: RootOptions,
  flavor: string,
  reporter: Reporter,
  deps: Pick<GenerateDeps, 'readInput'>,
): Promise<ClusterSource> {
  reporter.info(opts.config === '-' ? 'Loading configuration from "STDIN"' : `Loading configuration from "${opts.config}"`);
  const text = await deps.readInput(opts.config);
  return { text, file: opts.config === '-' ? '<stdin>' : opts.config, options: loadOptionsOf(opts, flavor) };
}

export async function generate(
  opts: RootOptions,
  flavor: string,
  reporter: Reporter,
  deps: GenerateDeps = defaultDeps,
  hooks?: ApicHooks,
): Promise<void> {
  const source = await clusterSource(opts, flavor, reporter, deps);
  // The certificate pair is asked for as soon as the configuration is known:
  // with -a, a new one is made while the APIC is read.
  let certificate: Promise<ControllerCertificate> | undefined;
  const startCertificate = (config: Config) => {
    certificate ??= controllerCertificate(config, deps);
    certificate.catch(() => undefined); // awaited below; a failure on the APIC first must not leave it unhandled
  };
  let cluster: Cluster;
  if (hooks) {
    cluster = await hooks.cluster(source, async (config) => {
      // What --dpu needs of the configuration is checked before the APIC is read too.
      if (opts.dpu !== undefined) (await import('../../manifest/dpu-containers.js')).checkDpuConfig(config);
      if (!opts.operatorMode) startCertificate(config);
    });
  } else {
    const { offlineFacts } = await import('../../cluster/facts.js');
    cluster = await deps.buildCluster(source, offlineFacts(opts.infraVlan));
    for (const w of cluster.warnings) reporter.warn(w);
  }
  const config = cluster.config;
  reporter.info(`Using configuration flavor ${flavor}`);

  const batch = new OutputBatch();
  const written: string[] = [];
  const syncLogin = config.aci_config.sync_login;
  if (opts.operatorMode) {
    // The operator runs acc-provision inside the cluster, where the
    // certificate already lives in the aci-user-cert Secret.
    syncLogin.key_data = null;
    syncLogin.cert_data = null;
    syncLogin.cert_reused = true;
  } else {
    startCertificate(config);
    const cert = await certificate!;
    reporter.info(cert.reused ? 'Reusing existing certs for kubernetes controller' : 'Generating certs for kubernetes controller');
    if (cert.warning) reporter.warn(cert.warning);
    reporter.info(`  Private key file: "${syncLogin.keyfile}"`);
    reporter.info(`  Certificate file: "${syncLogin.certfile}"`);
    syncLogin.key_data = cert.keyPem;
    syncLogin.cert_data = cert.certPem;
    syncLogin.cert_reused = cert.reused;
    if (!cert.reused) {
      // A new pair is written only with the other outputs, never over a file.
      batch.add({ path: syncLogin.certfile, content: cert.certPem, mode: 0o644, noClobber: true, field: 'aci_config.sync_login.certfile' });
      batch.add({ path: syncLogin.keyfile, content: cert.keyPem, mode: 0o600, noClobber: true, field: 'aci_config.sync_login.keyfile' });
    }
  }

  let manifestTarget: string | undefined;
  // Outputs join the batch in the Python tool's order: manifest, CR, tarball, dump.
  let tarball: { path: string; bytes: Promise<Uint8Array> } | undefined;
  // -o /dev/null writes no manifest, CR nor tarball; but a family without a
  // manifest (Calico) still writes the tarball -z names, as the Python tool does.
  const named = (path: string | undefined) => path !== undefined && path !== '-' && path !== DISCARD;
  const files = opts.output !== DISCARD || named(opts.outputTar) ? await deps.renderManifest(config) : undefined;
  const absent = new Set(files?.absent ?? []);
  if (files && (opts.output !== DISCARD || absent.has('kube'))) {
    if (opts.output !== DISCARD && !absent.has('kube')) {
      manifestTarget = opts.output;
      batch.add({ path: opts.output, content: files.kube, field: '--output' });
      written.push(`kubernetes infrastructure YAML to ${opts.output === '-' ? '<stdout>' : opts.output}`);
    }
    if (opts.output !== DISCARD && !absent.has('operatorCr') && named(opts.operatorCr)) {
      batch.add({ path: opts.operatorCr!, content: files.operatorCr, field: '--aci_operator_cr' });
      written.push(`kubernetes ACI operator CR to ${opts.operatorCr}`);
    }
    const tarPath = opts.output === DISCARD ? opts.outputTar : tarballPath(opts);
    if (!absent.has('tarball') && named(tarPath)) {
      const bytes = deps.operatorTarball(files.tarFiles);
      bytes.catch(() => undefined); // awaited below; a dump failure first must not leave it unhandled
      tarball = { path: tarPath!, bytes };
    }
  }
  if (opts.dpu !== undefined) {
    const { renderDpuManifest } = await import('../../manifest/dpu-containers.js');
    batch.add({ path: opts.dpu, content: renderDpuManifest(config), field: '--dpu' });
    written.push(`DPU kubernetes configuration to ${opts.dpu === '-' ? '<stdout>' : opts.dpu}`);
  }
  const dump =
    opts.apicDump !== undefined ? Promise.resolve().then(() => deps.renderApicDump(withDumpPassword(config), cluster.facts)) : undefined;
  dump?.catch(() => undefined); // awaited below, after the tarball
  if (tarball) {
    batch.add({ path: tarball.path, content: await tarball.bytes, field: '--output_tar' });
    written.push(`ACI CNI operator tar to ${tarball.path}`);
  }
  if (opts.apicDump !== undefined) {
    batch.add({ path: opts.apicDump, content: await dump!, field: '--apic-dump' });
    written.push(`apic configuration to ${opts.apicDump === '-' ? '"STDOUT"' : `"${opts.apicDump}"`}`);
  }

  if (hooks) await hooks.beforeWrite(cluster);
  batch.commit({ stdout: deps.stdout });
  for (const w of written) reporter.info(`Wrote ${w}`);
  if (manifestTarget !== undefined) {
    const kubectl = config.kube_config?.kubectl ?? 'kubectl';
    reporter.info('Apply infrastructure YAML using:');
    reporter.info(`  ${kubectl} apply -f ${manifestTarget === '-' ? '<filename>' : basename(manifestTarget)}`);
    const stale = staleObjectsHint(config);
    if (stale) {
      reporter.info('Delete stale objects from older deployments using:');
      reporter.info(`  ${stale}`);
    }
  }
}

/**
 * The command that removes the ACI CNI objects an earlier configuration
 * version left (they carry another version label), as the Python tool prints
 * it after a new manifest: not for an upgrade, nor for the families that
 * write no ACI CNI manifest (RKE's network section, Calico's tarball).
 */
export function staleObjectsHint(config: Config): string | undefined {
  const family = flavorFamily(config.flavor);
  if (config.provision?.upgrade_cluster || family === 'rke' || family === 'calico') return undefined;
  const kube = config.kube_config;
  const kinds = ['configmap', 'secret', 'serviceaccount', 'daemonset', 'deployment'];
  if (kube.use_openshift_security_context_constraints) kinds.push('securitycontextconstraints');
  if (kube.use_cluster_role) kinds.push('clusterrolebinding', 'clusterrole');
  const version = String(config.registry.configuration_version);
  return `${kube.kubectl ?? 'kubectl'} -n ${kube.system_namespace} delete ${kinds.join(',')} -l 'aci-containers-config-version,aci-containers-config-version notin (${version})'`;
}

/** The password the dump shows for the controller's APIC user. The dump is a
 * file users share and diff: it never carries the real (random or configured)
 * password, and a fixed placeholder keeps it deterministic. It is the value
 * the Python tool's own dumps carry, so dumps of both tools compare equal. */
export const DUMP_PASSWORD_PLACEHOLDER = 'NotRandom!';

function withDumpPassword(config: Config): Config {
  // Copied along the path to the password only: the dump reads the rest.
  const aci = config.aci_config;
  return { ...config, aci_config: { ...aci, sync_login: { ...aci.sync_login, password: DUMP_PASSWORD_PLACEHOLDER } } };
}

/** The pair the run uses: the files when both exist, else a new pair (never with one file of a pair left). */
function controllerCertificate(config: Config, deps: GenerateDeps): Promise<ControllerCertificate> {
  const login = config.aci_config.sync_login;
  halfPairCheck(login.certfile, login.keyfile);
  return deps.ensureControllerCertificate(login.username, login.certfile, login.keyfile);
}

/** One file of the pair without the other: a new pair would replace the
 * survivor, which may be the certificate the APIC already trusts. */
function halfPairCheck(certFile: string, keyFile: string): void {
  const cert = existsSync(certFile);
  const key = existsSync(keyFile);
  if (cert && !key) {
    throw new InputError([
      {
        field: 'aci_config.sync_login.keyfile',
        value: keyFile,
        rule: `is missing while its certificate ${certFile} exists: restore the key, or remove the certificate to make a new pair`,
      },
    ]);
  }
  if (key && !cert) {
    throw new InputError([
      {
        field: 'aci_config.sync_login.certfile',
        value: certFile,
        rule: `is missing while its key ${keyFile} exists: restore the certificate, or remove the key to make a new pair`,
      },
    ]);
  }
}

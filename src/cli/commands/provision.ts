// `-a`, `-d`, `--plan` and `acc-provision plan`: the configuration is
// validated in full before the first request; then log in, discover (APIC
// version, infra VLAN, the nested VMware domain's VLAN pool; for -a the
// prerequisites and the other clusters), build the cluster (src/cluster),
// and only then plan and write.
//
// `-a` writes its output files (manifest, operator CR and tarball, dump, a
// new certificate pair) only once the APIC holds the desired state: a run
// that fails on the APIC leaves no manifest pointing at objects that are not
// there, and the next run (idempotent) continues where it stopped. `-d` and
// `--plan` write no file.
//
// Loaded only when -a/-d/plan run, so its imports are not on every start's path.
import type { Config } from '../../config/types.js';
import { ApicClient, retryMessage } from '../../apic/client.js';
import { apicClientOptions } from '../../apic/from-config.js';
import { renderApplySummary, type ApplyProgress } from '../../provision/apply.js';
import type { Cluster, ClusterSource } from '../../cluster/index.js';
import { sharedReads } from '../../apic/read-cache.js';
import { planToJson, renderPlanText, type Plan } from '../../provision/plan.js';
import {
  applyProvision,
  applyRemoval,
  planProvision,
  prefetchPlanReads,
  prefetchRemovalReads,
  planRemoval,
  redactPlan,
  removalToJson,
} from '../../provision/provision.js';
import { renderUnprovisionText, type UnprovisionPlan } from '../../provision/unprovision.js';
import { interruptible } from '../interrupt.js';
import type { Reporter } from '../output/reporter.js';
import type { RootOptions } from '../root-options.js';
import { clusterSource, defaultDeps, generate, type GenerateDeps } from './generate.js';

/** The client -a/-d use; tests connect to an in-process simulator instead. */
export type ApicConnection = Pick<
  ApicClient,
  'get' | 'getMo' | 'getChildren' | 'getClass' | 'post' | 'delete' | 'login' | 'close' | 'currentHost' | 'stats'
>;

export interface ApicDeps extends GenerateDeps {
  connect(config: Config, opts: RootOptions, reporter: Reporter): Promise<ApicConnection>;
}

export const defaultApicDeps: ApicDeps = {
  ...defaultDeps,
  async connect(config, opts, reporter) {
    const options = apicClientOptions(
      config,
      { username: opts.username, password: opts.password, timeoutSeconds: opts.timeout, proxy: opts.apicProxy },
      {
        onWarning: (m) => reporter.warn(m),
        onRetry: (e) => reporter.warn(retryMessage(e)),
        // --debug: one line per HTTP exchange (never a body, so never a secret).
        ...(opts.debug
          ? {
              onRequest: (e) =>
                reporter.info(`APIC ${e.method} ${e.path} on ${e.host} (attempt ${e.attempt}): ${e.status ?? e.failure ?? ''}`),
            }
          : {}),
      },
    );
    return new ApicClient(options);
  },
};

export type ApicMode = 'apply' | 'delete';

export interface ApicRun {
  mode: ApicMode;
  /** Print the plan and write nothing (neither to the APIC nor to files). */
  planOnly: boolean;
  /** With planOnly: exit 2 when there are changes, 0 when none (Terraform's -detailed-exitcode). */
  detailedExitCode?: boolean;
}

/** Runs `-a`/`-d` (optionally `--plan`); returns the exit code. */
export async function runApic(
  opts: RootOptions,
  flavor: string,
  reporter: Reporter,
  run: ApicRun,
  deps: ApicDeps = defaultApicDeps,
): Promise<number> {
  let client: ApicConnection | undefined;
  // Discovery and the plan share their reads (apic/read-cache.ts); writes go to the client itself.
  let reads: ApicConnection | undefined;
  const session = {
    connect: async (config: Config) => {
      client = await connect(config, opts, reporter, deps);
      reads = sharedReads(client);
      return reads;
    },
  };
  try {
    if (run.mode === 'apply' && !run.planOnly) {
      await generate(opts, flavor, reporter, deps, {
        cluster: async (source, validated) => {
          const cluster = await clusterFromFabric(source, run.mode, session, reporter, deps, validated);
          // A read the fabric's facts changed (seldom: see clusterFromFabric) travels while the manifest is made.
          prefetchPlanReads(reads!, cluster.desired(), cluster.config);
          return cluster;
        },
        beforeWrite: async (cluster) => {
          await provisionApic(reads!, cluster, reporter);
        },
      });
      return 0;
    }
    const base = await clusterSource(opts, flavor, reporter, deps);
    const source = { ...base, options: { ...base.options, provApic: run.mode === 'apply' } };
    const cluster = await clusterFromFabric(source, run.mode, session, reporter, deps);
    if (run.mode === 'apply') {
      await attachCertificate(cluster.config, opts, deps);
      protectSecrets(cluster.config, reporter);
      const plan = await planProvision(reads!, cluster.desired(), cluster.config);
      printPlan(plan, opts, deps);
      return run.detailedExitCode && plan.summary.requests > 0 ? 2 : 0;
    }
    const deletes = await removeFromApic(reads!, cluster, opts, reporter, run.planOnly, deps);
    return run.detailedExitCode && run.planOnly && deletes > 0 ? 2 : 0;
  } finally {
    await client?.close();
  }
}

async function connect(config: Config, opts: RootOptions, reporter: Reporter, deps: ApicDeps): Promise<ApicConnection> {
  const client = await deps.connect(config, opts, reporter);
  reporter.info(`Logging in to the APIC at ${client.currentHost}`);
  try {
    await client.login();
  } catch (e) {
    await client.close();
    throw e;
  }
  return client;
}

/**
 * The two steps of every command, against an APIC: the whole configuration
 * is validated before the first request (only the infra VLAN may be left to
 * the fabric), then one round of reads (version, infra VLAN, nested pool;
 * for -a also the prerequisites and the other clusters), then the cluster is
 * built from the file and those facts.
 */
async function clusterFromFabric(
  source: ClusterSource,
  mode: ApicMode,
  session: { connect(config: Config): Promise<ApicConnection> },
  reporter: Reporter,
  deps: ApicDeps,
  validated?: (config: Config) => Promise<void>,
): Promise<Cluster> {
  const { probeCluster, probeDesired, discoverFabric } = await import('../../cluster/index.js');
  const probe = probeCluster(source);
  for (const w of probe.warnings) reporter.warn(w);
  await validated?.(probe.config);
  const client = await session.connect(probe.config);
  const writes = mode === 'apply';
  const discovered = discoverFabric(client, probe.config, {
    ...(source.options.infraVlan !== undefined ? { infraVlan: source.options.infraVlan } : {}),
    prerequisites: writes,
    neighbours: writes,
  });
  // The plan's reads travel with discovery's: the objects they name come from
  // the file's names, which the fabric's facts seldom change (a read they do
  // change is made once the cluster is built).
  const guess = probeDesired(probe.config, source.options.infraVlan);
  if (guess && writes) prefetchPlanReads(client, guess, probe.config);
  if (guess && !writes) prefetchRemovalReads(client, guess, probe.config, { skipAppProfileCheck: source.options.skipAppProfileCheck });
  const facts = await discovered;
  if (facts.apicVersion) reporter.info(`APIC version ${facts.apicVersion.raw}`);
  if (facts.infraVlan !== undefined && facts.infraVlan !== probe.config.net_config.infra_vlan) {
    reporter.info(`Using infra_vlan from ACI: ${facts.infraVlan}`);
  }
  const cluster = await deps.buildCluster(source, facts);
  for (const w of cluster.warnings) if (!probe.warnings.includes(w)) reporter.warn(w);
  return cluster;
}

/** For --plan: the certificate the run would use (an existing pair, else a new one kept in memory). */
async function attachCertificate(config: Config, opts: RootOptions, deps: ApicDeps): Promise<void> {
  const login = config.aci_config.sync_login;
  if (opts.operatorMode) {
    login.cert_data = null;
    login.key_data = null;
    return;
  }
  const cert = await deps.ensureControllerCertificate(login.username, login.certfile, login.keyfile);
  login.cert_data = cert.certPem;
  login.key_data = cert.keyPem;
  login.cert_reused = cert.reused;
}

function protectSecrets(config: Config, reporter: Reporter): void {
  const login = config.aci_config.sync_login;
  if (login.password !== null && login.password !== undefined) reporter.addSecret(String(login.password));
  if (login.key_data) reporter.addSecret(login.key_data);
}

function progressLine(reporter: Reporter): (p: ApplyProgress) => void {
  return (p) => {
    const roots = p.request.roots;
    reporter.info(
      `[${p.sent}/${p.total}] ${p.request.method} ${p.request.dn}${roots ? ` (${roots.length} subtrees in one transaction)` : ''}`,
    );
  };
}

async function provisionApic(client: ApicConnection, cluster: Cluster, reporter: Reporter): Promise<void> {
  const config = cluster.config;
  reporter.info('Provisioning configuration in APIC');
  // An APIC error may quote what it was sent: the controller's password and key are never printed.
  protectSecrets(config, reporter);
  const plan = await planProvision(client, cluster.desired(), config);
  const s = plan.summary;
  if (s.requests > 0) {
    reporter.info(
      `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.unchanged} unchanged; ${s.requests} request${s.requests === 1 ? '' : 's'} to send`,
    );
  }
  if (s.replace > 0)
    reporter.warn(`User already exists (${config.aci_config.sync_login.username}) with another certificate: recreating it`);
  let sent = 0;
  const progress = progressLine(reporter);
  try {
    const summary = await interruptible(
      () =>
        reporter.warn(
          `interrupted: ${sent} of ${s.requests} requests were sent; no output file was written; run -a again to finish (it sends only what is missing)`,
        ),
      () =>
        applyProvision(client, plan, (p) => {
          sent = p.sent;
          progress(p);
        }),
    );
    reporter.info(renderApplySummary(summary).trimEnd());
  } catch (e) {
    // What was sent stays on the APIC; the next run plans from there.
    reporter.warn(`${sent} of ${s.requests} requests were sent before the failure; no output file was written; run -a again to finish`);
    throw e;
  }
}

/** Returns the number of deletes planned (with planOnly) or sent. */
async function removeFromApic(
  client: ApicConnection,
  cluster: Cluster,
  opts: RootOptions,
  reporter: Reporter,
  planOnly: boolean,
  deps: ApicDeps,
): Promise<number> {
  const config = cluster.config;
  const plan: UnprovisionPlan = await planRemoval(client, cluster.desired(), config, { skipAppProfileCheck: opts.skipAppProfileCheck });
  if (planOnly) {
    const out = opts.outputFormat === 'json' ? `${JSON.stringify(removalToJson(plan), null, 2)}\n` : renderUnprovisionText(plan);
    (deps.stdout ?? ((c) => process.stdout.write(c)))(out);
    return plan.deletes.length;
  }
  reporter.info('Unprovisioning configuration in APIC');
  let done = 0;
  const sent = await interruptible(
    () => reporter.warn(`interrupted: ${done} of ${plan.deletes.length} delete requests were sent; run -d again to finish`),
    () => applyRemoval(client, plan, (p) => ((done = p.sent), reporter.info(`[${p.sent}/${p.total}] DELETE ${p.dn}`))),
  );
  const kept = plan.items.filter((i) => i.decision === 'keep').length;
  const keptText =
    kept > 0
      ? `; kept ${kept} object${kept === 1 ? '' : 's'} that ${kept === 1 ? 'is' : 'are'} shared or hold${kept === 1 ? 's' : ''} others' objects`
      : '';
  reporter.info(
    sent === 0
      ? `Nothing to delete: the APIC holds nothing of this cluster${keptText}.`
      : `Deleted: ${sent} delete request${sent === 1 ? '' : 's'} sent${keptText}.`,
  );
  return sent;
}

function printPlan(raw: Plan, opts: RootOptions, deps: ApicDeps): void {
  const plan = redactPlan(raw);
  const write = deps.stdout ?? ((c: string | Uint8Array) => process.stdout.write(c));
  write(opts.outputFormat === 'json' ? `${JSON.stringify(planToJson(plan), null, 2)}\n` : renderPlanText(plan));
}

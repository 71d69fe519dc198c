// `-a`, `-d`, `--plan` and `acc-provision plan`: the configuration is
// validated in full before the first request; then log in, discover (APIC
// version, infra VLAN, the nested VMware domain's VLAN pool), check the
// prerequisites, and only then plan and write.
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
import { buildDesiredState } from '../../provision/desired/index.js';
import { planToJson, renderPlanText, type Plan } from '../../provision/plan.js';
import { checkPrerequisites, discoverNestedVlanPool } from '../../provision/prerequisites.js';
import { applyProvision, applyRemoval, discoverFabric, planProvision, planRemoval, redactPlan, removalToJson } from '../../provision/provision.js';
import { renderUnprovisionText, type UnprovisionPlan } from '../../provision/unprovision.js';
import { interruptible } from '../interrupt.js';
import type { Reporter } from '../output/reporter.js';
import type { RootOptions } from '../root-options.js';
import { defaultDeps, generate, loadOptionsOf, type GenerateDeps } from './generate.js';

/** The client -a/-d use; tests connect to an in-process simulator instead. */
export type ApicConnection = Pick<ApicClient, 'get' | 'getMo' | 'getChildren' | 'post' | 'delete' | 'login' | 'close' | 'currentHost' | 'stats'>;

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
          ? { onRequest: (e) => reporter.info(`APIC ${e.method} ${e.path} on ${e.host} (attempt ${e.attempt}): ${e.status ?? e.failure ?? ''}`) }
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
export async function runApic(opts: RootOptions, flavor: string, reporter: Reporter, run: ApicRun, deps: ApicDeps = defaultApicDeps): Promise<number> {
  let client: ApicConnection | undefined;
  try {
    if (run.mode === 'apply' && !run.planOnly) {
      await generate(opts, flavor, reporter, deps, {
        afterLoad: async (config, reload) => {
          client = await connect(config, opts, reporter, deps);
          return prepareApply(client, config, reload, reporter);
        },
        beforeWrite: async (config) => {
          await provisionApic(client!, config, reporter);
        },
      });
      return 0;
    }
    reporter.info(opts.config === '-' ? 'Loading configuration from "STDIN"' : `Loading configuration from "${opts.config}"`);
    const text = await deps.readInput(opts.config);
    const file = opts.config === '-' ? '<stdin>' : opts.config;
    const loadOpts = { ...loadOptionsOf(opts, flavor), provApic: run.mode === 'apply' };
    const loaded = await deps.loadConfig(text, file, loadOpts);
    for (const w of loaded.warnings) reporter.warn(w);
    client = await connect(loaded.config, opts, reporter, deps);
    if (run.mode === 'apply') {
      const config = await prepareApply(client, loaded.config, async (o) => {
        const again = await deps.loadConfig(text, file, { ...loadOpts, ...o });
        for (const w of again.warnings) if (!loaded.warnings.includes(w)) reporter.warn(w);
        return again.config;
      }, reporter);
      await attachCertificate(config, opts, deps);
      protectSecrets(config, reporter);
      const plan = await planProvision(client, buildDesiredState(config));
      printPlan(plan, opts, deps);
      return run.detailedExitCode && plan.summary.requests > 0 ? 2 : 0;
    }
    // -d removes what -a made from the same discovered facts (the version decides the cluster info, the pool the kube-api VLAN block).
    const config = loaded.config;
    const [facts, pool] = await Promise.all([discoverFabric(client), discoverNestedVlanPool(client, config)]);
    if (facts.apicVersion) config.aci_config.apic_version = facts.apicVersion.normalized;
    if (pool !== undefined) config.aci_config.vmm_domain.nested_inside.vlan_pool = pool;
    const deletes = await removeFromApic(client, config, opts, reporter, run.planOnly, deps);
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

/** Discovery and prerequisite checks: everything `-a` must know before it builds or writes anything. */
async function prepareApply(
  client: ApicConnection,
  config: Config,
  reload: (o: { infraVlan: number }) => Promise<Config>,
  reporter: Reporter,
): Promise<Config> {
  // One round trip: the prerequisites depend on names only, which discovery does not change.
  const [facts, pool] = await Promise.all([discoverFabric(client), discoverNestedVlanPool(client, config), checkPrerequisites(client, config)]);
  let c = config;
  if (facts.infraVlan !== undefined && facts.infraVlan !== c.net_config.infra_vlan) {
    // The infra VLAN feeds derived values (and the manifest): load again with the fabric's.
    c = await reload({ infraVlan: facts.infraVlan });
    reporter.info(`Using infra_vlan from ACI: ${facts.infraVlan}`);
  }
  if (facts.apicVersion) {
    c.aci_config.apic_version = facts.apicVersion.normalized;
    reporter.info(`APIC version ${facts.apicVersion.raw}`);
  }
  if (pool !== undefined) c.aci_config.vmm_domain.nested_inside.vlan_pool = pool;
  return c;
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
  return (p) => reporter.info(`[${p.sent}/${p.total}] ${p.request.method} ${p.request.dn}`);
}

async function provisionApic(client: ApicConnection, config: Config, reporter: Reporter): Promise<void> {
  reporter.info('Provisioning configuration in APIC');
  // An APIC error may quote what it was sent: the controller's password and key are never printed.
  protectSecrets(config, reporter);
  const plan = await planProvision(client, buildDesiredState(config));
  const s = plan.summary;
  if (s.requests > 0) {
    reporter.info(`Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.unchanged} unchanged; ${s.requests} requests to send`);
  }
  if (s.replace > 0) reporter.warn(`User already exists (${config.aci_config.sync_login.username}) with another certificate: recreating it`);
  let sent = 0;
  const progress = progressLine(reporter);
  try {
    const summary = await interruptible(
      () => reporter.warn(`interrupted: ${sent} of ${s.requests} requests were sent; no output file was written; run -a again to finish (it sends only what is missing)`),
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
async function removeFromApic(client: ApicConnection, config: Config, opts: RootOptions, reporter: Reporter, planOnly: boolean, deps: ApicDeps): Promise<number> {
  const plan: UnprovisionPlan = await planRemoval(client, buildDesiredState(config), config, { skipAppProfileCheck: opts.skipAppProfileCheck });
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
  const keptText = kept > 0 ? `; kept ${kept} object${kept === 1 ? '' : 's'} that ${kept === 1 ? 'is' : 'are'} shared or hold${kept === 1 ? 's' : ''} others' objects` : '';
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

// A fabric for end-to-end runs: apic-sim over HTTPS on 127.0.0.1 (port 0,
// ':memory:'), seeded with the prerequisites a configuration names, and ways
// to run `-a`/`-d`/plan against it: in-process through the CLI's own flow
// (runApic) or by spawning bin/acc-provision.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManagedObject } from '../../../src/aci/types.js';
import { ApicClient, type ApicClientOptions } from '../../../src/apic/client.js';
import type { Config } from '../../../src/config/types.js';
import { Reporter } from '../../../src/cli/output/reporter.js';
import { checkRootOptions, type RawRootOptions } from '../../../src/cli/root-options.js';
import { defaultApicDeps, runApic, type ApicDeps, type ApicRun } from '../../../src/cli/commands/provision.js';
import { startSim, type RunningSim, type SimOptions } from '../../../src/sim/server.js';
import { seedSchema, type SeedSpec } from '../../../src/sim/seed.js';
import type { FaultRule } from '../../../src/sim/faults.js';
import { makeSelfSignedCert, type TestCert } from '../../apic/support/cert.js';
import { ensureBuilt } from '../../support/cli.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const conformanceDir = resolve(repoRoot, '..', 'shared', 'conformance');
export const cliPath = join(repoRoot, 'bin', 'acc-provision');
export const PASSWORD = 'e2e-Secret-pw-7';
export const FLAVOR = 'kubernetes-1.35';

/** Properties that change on every write or that the APIC never reports back. */
export const VOLATILE = new Set([
  'modTs',
  'uid',
  'status',
  'childAction',
  'lcOwn',
  'dn',
  'rn',
  'pwd',
  'creator',
  'userdom',
  'extMngdBy',
  'monPolDn',
]);

let tls: Promise<TestCert> | undefined;
/** One certificate for every simulator of the run (making one is slow). */
export function testCert(): Promise<TestCert> {
  tls ??= makeSelfSignedCert();
  return tls;
}

/** `5.2.7` -> `5.2(7a)`, `1.0` -> `1.0(0a)`: what firmwareCtrlrRunning shows for a configuration's apic_version. */
export function firmwareOf(apicVersion: string): string {
  const [major = '1', minor = '0', patch = '0'] = String(apicVersion).split('.');
  return `${major}.${minor}(${patch}a)`;
}

/** The prerequisites a configuration names (AEP, VRF, L3Out and its external EPGs, nested VMware domain, pre-existing tenant). */
export function seedForConfig(config: Config, overrides: Partial<SeedSpec> = {}): SeedSpec {
  const a = config.aci_config;
  const nested = a.vmm_domain.nested_inside;
  return seedSchema.parse({
    version: firmwareOf(String(a.apic_version)),
    infra_vlan: config.net_config.infra_vlan ?? 4093,
    aeps: [a.aep],
    vrfs: [{ tenant: a.vrf.tenant, name: a.vrf.name }],
    l3outs: [{ tenant: a.vrf.tenant, name: a.l3out.name, vrf: a.vrf.name, external_networks: a.l3out.external_networks }],
    vmware_domains: nested?.type && nested.name ? [{ name: String(nested.name) }] : [],
    tenants: a.use_pre_existing_tenant ? [a.cluster_tenant] : [],
    ...overrides,
  });
}

export interface Fabric {
  sim: RunningSim;
  /** Every object of the simulator, for before/after comparisons. */
  rows(): Map<string, { className: string; attrs: Record<string, string> }>;
  client(extra?: Partial<ApicClientOptions>): ApicClient;
  close(): Promise<void>;
}

export async function startFabric(seed: SeedSpec, opts: Partial<SimOptions> = {}): Promise<Fabric> {
  const cert = await testCert();
  const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD, tls: cert, seed, ...opts });
  const clients: ApicClient[] = [];
  return {
    sim,
    rows() {
      const out = new Map<string, { className: string; attrs: Record<string, string> }>();
      for (const r of sim.store.all()) {
        const attrs = Object.fromEntries(Object.entries(r.attrs).filter(([k]) => !VOLATILE.has(k)));
        out.set(r.dn, { className: r.className, attrs });
      }
      return out;
    },
    client(extra = {}) {
      const c = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: cert.cert, retryBaseDelayMs: 1, ...extra });
      clients.push(c);
      return c;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await sim.close();
    },
  };
}

/** A port nothing listens on (a dead APIC). */
export async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A comparable form of a subtree: stable properties, children sorted. */
export function canon(mo: ManagedObject | undefined): unknown {
  if (!mo) return null;
  const attrs = Object.fromEntries(
    Object.entries(mo.attributes)
      .filter(([k]) => !VOLATILE.has(k))
      .sort(),
  );
  const kids = mo.children.map(canon).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { [mo.className]: attrs, children: kids };
}

export interface InProcessRun {
  lines: string[];
  stdout: string;
  client?: ApicClient;
}

export interface InProcessOptions {
  /** Root flags beside -c/-f (e.g. `{ infraVlan: '4093' }`). */
  raw?: Partial<RawRootOptions>;
  /** Client options (hosts, retries) instead of the simulator's defaults. */
  client?: Partial<ApicClientOptions>;
  /** Certificate the run uses (default: the conformance placeholder files' content, `dummy` and a newline). */
  cert?: { certPem: string; keyPem: string };
  /** Configuration text instead of reading `config`. */
  text?: string;
  /** Collects the messages (also when the run throws). */
  lines?: string[];
  /** Flavor (default FLAVOR). */
  flavor?: string;
}

/**
 * Runs the CLI's -a/-d/--plan flow in-process against a fabric: the same code
 * as bin/acc-provision after argument parsing, with the client pointed at the
 * simulator and the controller certificate given (no files touched).
 */
export async function runInProcess(fabric: Fabric, config: string, run: ApicRun, o: InProcessOptions = {}): Promise<InProcessRun> {
  const lines: string[] = o.lines ?? [];
  let stdout = '';
  const reporter = new Reporter({ format: 'text', color: false, write: (l) => lines.push(l) });
  const raw: RawRootOptions = {
    config,
    output: '/dev/null',
    flavor: o.flavor ?? FLAVOR,
    apic: run.mode === 'apply',
    delete: run.mode === 'delete',
    password: PASSWORD,
    disableMultus: 'true',
    operatorMode: 'false',
    outputFormat: 'text',
    color: false,
    ...o.raw,
  };
  const opts = checkRootOptions(raw, {});
  reporter.addSecret(opts.password);
  const result: InProcessRun = { lines, stdout: '' };
  const deps: ApicDeps = {
    ...defaultApicDeps,
    ...(o.text !== undefined ? { readInput: async () => o.text! } : {}),
    ensureControllerCertificate: async () => ({ ...(o.cert ?? { certPem: 'dummy\n', keyPem: 'dummy\n' }), reused: true }),
    stdout: (c) => {
      stdout += typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
    },
    async connect() {
      result.client = fabric.client(o.client);
      return result.client;
    },
  };
  await runApic(opts, o.flavor ?? FLAVOR, reporter, run, deps);
  result.stdout = stdout;
  return result;
}

export interface SpawnResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns bin/acc-provision without blocking the event loop (the simulator runs in this process). */
export function spawnCli(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; onSpawn?: (kill: () => void) => void },
): Promise<SpawnResult> {
  ensureBuilt();
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
    if (!opts.env || !('ACC_PROVISION_PASS' in opts.env)) delete env.ACC_PROVISION_PASS;
    const child = spawn(cliPath, args, { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status, signal) => resolvePromise({ status, signal, stdout, stderr }));
    opts.onSpawn?.(() => child.kill('SIGKILL'));
  });
}

/** Faults that reject every write (POST or DELETE of an object): a run that needs to write fails loudly. */
export const REJECT_WRITES: FaultRule[] = [
  { path: '^/api/(node/)?mo/', method: 'POST', errorRate: 1, errorStatus: 400 },
  { path: '^/api/(node/)?mo/', method: 'DELETE', errorRate: 1, errorStatus: 400 },
];

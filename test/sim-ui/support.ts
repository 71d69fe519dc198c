// Shared by the fabric view tests: an
// in-process apic-sim with a provisioned cluster, a REST client for it, and
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { Agent, fetch } from 'undici';
import { loadConfig } from '../../src/config/load.js';
import { VALID } from '../config/helpers.js';
import type { Config } from '../../src/config/types.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { postRequests } from '../../src/provision/desired/requests.js';
import { startSim, type RunningSim, type SimOptions } from '../../src/sim/server.js';
import { seedSchema, type SeedSpec } from '../../src/sim/seed.js';
import { selfSignedCertificate } from '../../src/sim/tls.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_MISSING = `${CHROMIUM} is absent: install the Debian package 'chromium' to run the fabric view tests`;
export const PASSWORD = 'fabric-view-pw-1';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = resolve(repoRoot, 'test-artifacts');
const baseCase = resolve(repoRoot, '..', 'shared', 'conformance', 'testdata', 'base_case.inp.yaml');

/** The conformance base case (legacy names: tenant kube, EPGs kube-default/-nodes/-system), else the sample. */
export function clusterConfig(): Config {
  const opts = { flavor: 'kubernetes-1.35', versionToken: 'dummy', fixedSyncPassword: true };
  // Without ../shared: the configuration tests' own file, with the same legacy names.
  const text = existsSync(baseCase)
    ? readFileSync(baseCase, 'utf8')
    : VALID.replace('  system_id: kube', '  system_id: kube\n  use_legacy_kube_naming_convention: true');
  return loadConfig(text, 'base_case.inp.yaml', opts).config;
}

const insecure = new Agent({ connect: { rejectUnauthorized: false } });

/** A logged-in REST client (token in the APIC-cookie cookie). */
export class Rest {
  private token = '';
  constructor(readonly url: string) {}

  async login(): Promise<void> {
    const a = await this.call('POST', '/api/aaaLogin.json', { aaaUser: { attributes: { name: 'admin', pwd: PASSWORD } } });
    this.token = a.imdata[0].aaaLogin.attributes.token;
  }

  async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(this.url + path, {
      method,
      headers: this.token ? { cookie: `APIC-cookie=${this.token}` } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: insecure,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

/** What the user makes before provisioning, as the configuration names it: the AEP, the VRF, the L3Out. */
export function prerequisites(config: Config): SeedSpec {
  const a = config.aci_config as unknown as {
    aep: string;
    vrf: { tenant: string; name: string };
    l3out: { name: string; external_networks: string[] };
  };
  return seedSchema.parse({
    aeps: [a.aep],
    vrfs: [{ tenant: a.vrf.tenant, name: a.vrf.name }],
    l3outs: [{ tenant: a.vrf.tenant, name: a.l3out.name, vrf: a.vrf.name, external_networks: a.l3out.external_networks }],
  });
}

/** apic-sim on 127.0.0.1, port 0, in memory, with the cluster's objects posted as `acc-provision -a` posts them. */
export async function provisionedSim(config: Config = clusterConfig(), extra: SimOptions = {}): Promise<{ sim: RunningSim; rest: Rest }> {
  const tls = await selfSignedCertificate(['localhost', '127.0.0.1']);
  const sim = await startSim({
    listen: '127.0.0.1:0',
    data: ':memory:',
    adminPassword: PASSWORD,
    tls,
    seed: prerequisites(config),
    ...extra,
  });
  const rest = new Rest(sim.url);
  await rest.login();
  for (const r of postRequests(buildDesiredState(config))) await rest.call('POST', r.path, r.body);
  return { sim, rest };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

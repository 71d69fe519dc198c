// The verify command end to end, in-process: a configuration file, the
// password from the environment, text and JSON output, exit status.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runVerify } from '../../src/verify/command.js';
import { normalizeApicVersion } from '../../src/apic/discovery.js';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_VERIFY_FLAVOR, withCertificate } from '../../src/verify/config.js';
import { provisionedSim, SIM_PASSWORD, type ProvisionedSim } from './support.js';
import { seedSchema } from '../../src/sim/seed.js';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBverifytestcertificatedata\n-----END CERTIFICATE-----\n';
const EPG = 'uni/tn-kube/ap-kubernetes/epg-kube-default';

function yamlFor(host: string, certfile: string): string {
  return `aci_config:
  system_id: kube
  use_legacy_kube_naming_convention: True
  apic_hosts:
    - ${host}
  apic_version: "5.2"
  aep: kube-aep
  vrf:
    name: kube
    tenant: common
  l3out:
    name: l3out
    external_networks:
    - default
  sync_login:
    certfile: ${certfile}
    keyfile: ${certfile}.key
  vmm_domain:
    encap_type: vxlan
    mcast_range:
        start: 225.2.1.1
        end: 225.2.255.255
  custom_epgs:
    - group1
net_config:
  node_subnet: 10.1.0.1/16
  pod_subnet: 10.2.0.1/16
  extern_dynamic: 10.3.0.1/24
  extern_static: 10.4.0.1/24
  node_svc_subnet: 10.5.0.1/24
  kubeapi_vlan: 4001
  service_vlan: 4003
  infra_vlan: 4093
kube_config:
  controller: 1.1.1.1
`;
}

const seed = seedSchema.parse({
  aeps: ['kube-aep'],
  vrfs: [{ tenant: 'common', name: 'kube' }],
  l3outs: [{ tenant: 'common', name: 'l3out', vrf: 'kube', external_networks: ['default'] }],
});

let dir: string;
let env: ProvisionedSim | undefined;
let cfgFile: string;

/** Starts a provisioned simulator for the configuration file (the file names the simulator's port). */
async function setUp(): Promise<ProvisionedSim> {
  // The port is known only once the simulator runs: provision with a placeholder host, then write the real one.
  const certfile = join(dir, 'user.crt');
  writeFileSync(certfile, CERT);
  cfgFile = join(dir, 'cluster.yaml');
  writeFileSync(cfgFile, yamlFor('127.0.0.1:1', certfile));
  const { config } = withCertificate(loadConfig(readFileSync(cfgFile, 'utf8'), cfgFile, { flavor: DEFAULT_VERIFY_FLAVOR }).config);
  // As -a builds it: for the version the simulator reports.
  config.aci_config.apic_version = normalizeApicVersion(seed.version);
  env = await provisionedSim(config, seed);
  writeFileSync(cfgFile, yamlFor(`127.0.0.1:${env.sim.port}`, certfile));
  return env;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
});
afterEach(async () => {
  await env?.close();
  env = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const io = (warnings: string[] = []) => ({
  env: { ACC_PROVISION_PASS: SIM_PASSWORD },
  warn: (m: string) => warnings.push(m),
  clientExtra: { ca: env!.sim.certificate, retryBaseDelayMs: 1, maxRetries: 0 },
});

/** Runs the real command line in-process, the password in ACC_PROVISION_PASS; returns the exit status and the output. */
async function runMain(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const before = process.env.ACC_PROVISION_PASS;
  try {
    process.env.ACC_PROVISION_PASS = SIM_PASSWORD;
    const code = await main(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
    if (before === undefined) delete process.env.ACC_PROVISION_PASS;
    else process.env.ACC_PROVISION_PASS = before;
    process.exitCode = undefined;
  }
}

describe('acc-provision verify', () => {
  it('passes after provisioning, with the legacy kube-* names, the password from ACC_PROVISION_PASS', async () => {
    await setUp();
    const r = await runVerify({ config: cfgFile, username: 'admin', outputFormat: 'text' }, io());
    expect(r.ok).toBe(true);
    for (const epg of ['kube-default', 'kube-system', 'kube-nodes', 'group1']) {
      expect(r.output).toMatch(new RegExp(`PASS  EPG ${epg} +uni/tn-kube/ap-kubernetes/epg-${epg}\\n`));
    }
    expect(r.output).toMatch(/PASS {2}Bridge domain kube-node-bd/);
    expect(r.output).toMatch(/PASS {2}Certificate kube\.crt/);
    expect(r.output).not.toContain(SIM_PASSWORD);
    expect(r.report.notes).toEqual([]);
  });

  it('fails, naming the EPG deleted through the API; exit status 1 from the command line', async () => {
    const { client } = await setUp();
    await client.delete(EPG);
    const { code, out, err } = await runMain(['verify', '-c', cfgFile, '-u', 'admin', '--output-format', 'json']);
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.ok).toBe(false);
    const failed = doc.groups.flatMap((g: any) => g.checks).filter((c: any) => c.status === 'fail');
    expect(failed.map((c: any) => c.dn)).toEqual([EPG]);
    expect(failed[0].problems[0]).toMatchObject({ kind: 'missing', dn: EPG });
    expect(out + err).not.toContain(SIM_PASSWORD);
  });

  it('takes -u and --output-format given before the subcommand; exit status 0 when all pass', async () => {
    await setUp();
    const { code, out } = await runMain(['-u', 'admin', '--output-format', 'json', 'verify', '-c', cfgFile]);
    expect(code).toBe(0);
    expect(JSON.parse(out).ok).toBe(true);
  });

  it('checks only that the certificate is there when its file is not at hand, and says so', async () => {
    await setUp();
    rmSync(join(dir, 'user.crt'));
    const r = await runVerify({ config: cfgFile, username: 'admin', outputFormat: 'text' }, io());
    expect(r.ok).toBe(true);
    expect(r.output).toMatch(/^note: certificate file .*user\.crt not found: only the presence/m);
  });

  it('reports a certificate on the APIC that is not the one in the file', async () => {
    await setUp();
    writeFileSync(join(dir, 'user.crt'), CERT.replace('verifytest', 'otherfile'));
    const r = await runVerify({ config: cfgFile, username: 'admin', outputFormat: 'text' }, io());
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(
      /FAIL {2}Certificate kube\.crt .*\n +data is "-----BEGIN CERTIFICATE-----\.\.\." \(\d+ characters\), expected /,
    );
  });

  it('refuses a wrong password without printing it (APIC error, exit 1)', async () => {
    await setUp();
    const wrong = 'Wrong-Secret-42';
    await expect(runVerify({ config: cfgFile, username: 'admin', password: wrong, outputFormat: 'text' }, io())).rejects.toSatisfy(
      (e: Error) => (e.name === 'ApicRequestError' || e.name === 'ApicError' ? !e.message.includes(wrong) : false),
    );
  });
});

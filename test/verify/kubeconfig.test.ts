// `verify --kubeconfig`: the nodes and LoadBalancer services of a live
// cluster (a stand-in kube-apiserver over HTTPS, token and CA from the
// kubeconfig) checked against an apic-sim where the cluster was provisioned
// with -a and `apic-sim cluster` played its controller (3 nodes, 2 services).
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApicClient } from '../../src/apic/client.js';
import { main as accProvision } from '../../src/cli/main.js';
import { DEMO_FLAVOR, demoConfig, exampleInventory } from '../../src/demo/demo.js';
import { main as apicSim } from '../../src/sim/main.js';
import { startSim, type RunningSim } from '../../src/sim/server.js';
import { selfSignedCertificate, type TlsMaterial } from '../../src/sim/tls.js';
import { runVerify, type VerifyCommandFlags } from '../../src/verify/command.js';
import { kubeconfigText, startKubeApiserver, type FakeKubeApiserver, type KubeService } from './kube-apiserver.js';
import { runEntry } from '../support/entry.js';

const PASSWORD = 'kubeconfig-sim-pass-1';
const TOKEN = 'kube-token-s3cret-0123456789abcdef';
const WRONG_TOKEN = 'wrong-token-5ecret-fedcba9876543210';
const dir = mkdtempSync(join(tmpdir(), 'verify-kubeconfig-'));
const cfg = join(dir, 'cfg.yaml');
const nodesFile = join(dir, 'nodes.yaml');
const kubeconfig = join(dir, 'kubeconfig');
const INJ = 'comp/prov-Kubernetes/ctrlr-[mykube]-mykube/injcont';
const NODES = ['node-1', 'node-2', 'node-3'];
const SERVICES: KubeService[] = [
  { namespace: 'default', name: 'lb-1', type: 'LoadBalancer' },
  { namespace: 'default', name: 'lb-2', type: 'LoadBalancer' },
  { namespace: 'default', name: 'kubernetes', type: 'ClusterIP' },
];
let tls: TlsMaterial;
let sim: RunningSim;
let kube: FakeKubeApiserver;

/** `acc-provision verify` through the command line, the APIC password from the environment. */
async function cliVerify(args: string[]) {
  process.env.ACC_PROVISION_PASS = PASSWORD;
  try {
    return await runEntry(accProvision, ['verify', '-c', cfg, '-f', DEMO_FLAVOR, '-u', 'admin', ...args]);
  } finally {
    delete process.env.ACC_PROVISION_PASS;
  }
}

const verify = (flags: Partial<VerifyCommandFlags>) =>
  runVerify(
    { config: cfg, flavor: DEMO_FLAVOR, username: 'admin', outputFormat: 'text', kubeconfig, ...flags },
    { env: { ACC_PROVISION_PASS: PASSWORD }, warn: () => {}, clientExtra: { maxRetries: 0 } },
  );

function writeKubeconfig(file: string, opts: Partial<Parameters<typeof kubeconfigText>[0]> = {}): string {
  writeFileSync(file, kubeconfigText({ server: kube.url, ca: tls.cert, token: TOKEN, ...opts }), { mode: 0o600 });
  return file;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

beforeAll(async () => {
  tls = await selfSignedCertificate(['127.0.0.1']);
  sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD, tls });
  kube = await startKubeApiserver(tls, TOKEN);
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, sim.certificate!);
  writeFileSync(cfg, demoConfig(`${sim.host}:${sim.port}`, dir, ca));
  writeFileSync(nodesFile, exampleInventory());
  writeKubeconfig(kubeconfig);
  process.env.ACC_PROVISION_PASS = PASSWORD;
  const provisioned = await runEntry(accProvision, ['-c', cfg, '-f', DEMO_FLAVOR, '-o', join(dir, 'out.yaml'), '-a', '-u', 'admin']);
  delete process.env.ACC_PROVISION_PASS;
  expect(provisioned.code, provisioned.err).toBe(0);
  const cert = join(dir, 'user-mykube.crt');
  const key = join(dir, 'user-mykube.key');
  const controller = ['cluster', '--apic', sim.url, '-c', cfg, '-f', DEMO_FLAVOR, '--nodes', nodesFile, '--load-balancers', '2'];
  const emulated = await runEntry(apicSim, [...controller, '--cert', cert, '--key', key]);
  expect(emulated.code, emulated.err).toBe(0);
}, 60_000);

beforeEach(() => {
  kube.nodes = [...NODES];
  kube.services = SERVICES.map((s) => ({ ...s }));
  kube.requests.length = 0;
});

afterAll(async () => {
  await kube?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verify --kubeconfig', () => {
  it('passes when every Kubernetes node and LoadBalancer service is in the APIC (through the command line)', async () => {
    const r = await cliVerify(['--kubeconfig', kubeconfig]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`note: Kubernetes ${kube.url} (context test-admin@test): 3 nodes, 2 LoadBalancer services`);
    for (const n of NODES) expect(r.out).toMatch(new RegExp(`PASS {2}Node ${n} +${escape(`${INJ}/host-[${n}]`)}`));
    expect(r.out).toMatch(/PASS {2}Namespace kube-system /);
    expect(r.out).toMatch(/PASS {2}Service graph template mykube_svc_global /);
    expect(r.out).toMatch(/PASS {2}L4-L7 device mykube_svc_global /);
    for (const s of ['lb-1', 'lb-2']) {
      expect(r.out).toMatch(new RegExp(`PASS {2}LoadBalancer service default/${s} +${escape(`${INJ}/ns-[default]/svc-[${s}]`)}`));
      expect(r.out).toMatch(new RegExp(`PASS {2}Deployed graph instance of service default/${s} +uni/tn-common/GraphInst_C-`));
    }
    // A ClusterIP service is no concern of the L4-L7 checks.
    expect(r.out).not.toContain('default/kubernetes');
    expect(r.out).toMatch(/^OK: all \d+ checks passed/m);
    // Both lists read with the kubeconfig's token; the token itself is never printed.
    expect([...kube.requests].sort()).toEqual(['GET /api/v1/nodes', 'GET /api/v1/services']);
    expect(r.out + r.err).not.toContain(TOKEN);
  });

  it('FAILs naming a node Kubernetes has that the VMM inventory lacks', async () => {
    kube.nodes.push('node-9');
    const r = await verify({});
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(
      /FAIL {2}Node node-9 +comp\/prov-Kubernetes\/ctrlr-\[mykube\]-mykube\/injcont\/host-\[node-9\]\n +not reported by the controller\n/,
    );
    expect(r.output).toMatch(/PASS {2}Node node-1 /);
    expect(r.output).toMatch(/^FAILED: 1 of \d+ checks failed/m);
  });

  it('FAILs naming a LoadBalancer service the controller did not report, without contract or graph instance', async () => {
    kube.services.push({ namespace: 'shop', name: 'web', type: 'LoadBalancer' });
    const r = await verify({});
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(
      new RegExp(
        `FAIL {2}LoadBalancer service shop/web +${escape(`${INJ}/ns-[shop]/svc-[web]`)}\n +not reported by the controller as a LoadBalancer service\n`,
      ),
    );
    expect(r.output).toMatch(/FAIL {2}Deployed graph instance of service shop\/web +uni\/tn-common\/brc-mykube_svc_shop_web\n/);
    expect(r.output).toContain("missing: the service's contract uni/tn-common/brc-mykube_svc_shop_web is missing");
    expect(r.output).toMatch(/PASS {2}Deployed graph instance of service default\/lb-1 /);
    expect(r.output).toMatch(/^FAILED: 2 of \d+ checks failed/m);
  });

  it('notes the services the controller still reports but the cluster no longer has, and passes', async () => {
    kube.services = kube.services.filter((s) => s.name !== 'lb-2');
    const r = await verify({ outputFormat: 'json' });
    expect(r.ok).toBe(true);
    const doc = JSON.parse(r.output) as { notes: string[]; groups: { id: string; checks: { title: string }[] }[] };
    expect(doc.notes).toContain(
      'the controller still reports LoadBalancer service default/lb-2, which the cluster no longer has (not checked)',
    );
    const titles = doc.groups.find((g) => g.id === 'running-cluster')!.checks.map((c) => c.title);
    expect(titles).toContain('LoadBalancer service default/lb-1');
    expect(titles.filter((t) => t.includes('lb-2'))).toEqual([]);
  });

  it('with --nodes too, checks the nodes of both', async () => {
    writeFileSync(
      join(dir, 'nodes4.yaml'),
      `${exampleInventory()}- name: node-4\n  uplink: ens192\n  infra_mac: "00:50:56:aa:00:04"\n  node_ip: 10.1.0.14\n`,
    );
    kube.nodes.push('node-5');
    const r = await verify({ nodes: join(dir, 'nodes4.yaml') });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/FAIL {2}Node node-4 /);
    expect(r.output).toMatch(/FAIL {2}Node node-5 /);
    expect(r.output.match(/ {2}Node node-1 /g)).toHaveLength(1);
    expect(r.output).toMatch(/^FAILED: 2 of \d+ checks failed/m);
  });

  it('--context picks a context other than the current one; an unknown one is named', async () => {
    const file = writeKubeconfig(join(dir, 'two-contexts'), {
      token: WRONG_TOKEN,
      current: 'test-admin@test',
      contexts: [{ name: 'prod', server: kube.url, token: TOKEN }],
    });
    const r = await cliVerify(['--kubeconfig', file, '--context', 'prod']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`note: Kubernetes ${kube.url} (context prod): 3 nodes`);
    const unknown = await cliVerify(['--kubeconfig', file, '--context', 'staging']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(`--context = "staging": no such context in ${file} (its contexts: test-admin@test, prod)`);
    const alone = await cliVerify(['--context', 'prod']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--context = "prod": needs --kubeconfig');
  });

  it('a kubeconfig file that is missing or not a kubeconfig: exit 1 naming the file, nothing of its content', async () => {
    const missing = join(dir, 'no-such-kubeconfig');
    const r = await cliVerify(['--kubeconfig', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`--kubeconfig = "${missing}": no such file`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');

    const broken = join(dir, 'broken-kubeconfig');
    writeFileSync(broken, `users:\n- name: u\n  user:\n    token: ${TOKEN}\n  : [\n`);
    const b = await cliVerify(['--kubeconfig', broken]);
    expect(b.code).toBe(1);
    expect(b.err).toContain(`--kubeconfig = "${broken}": not a valid kubeconfig: YAML syntax error at line 5`);
    expect(b.err).not.toContain(TOKEN);

    const noContext = writeKubeconfig(join(dir, 'no-context'), { current: '' });
    writeFileSync(noContext, kubeconfigText({ server: kube.url, ca: tls.cert, token: TOKEN }).replace(/^current-context:.*$/m, ''));
    const n = await cliVerify(['--kubeconfig', noContext]);
    expect(n.code).toBe(1);
    expect(n.err).toContain(`--kubeconfig = "${noContext}": names no current context (current-context): give --context NAME`);
    expect(kube.requests).toEqual([]);
  });

  it('a wrong token (401) or too few rights (403): exit 1 saying whose credentials, never the token', async () => {
    const file = writeKubeconfig(join(dir, 'wrong-token'), { token: WRONG_TOKEN });
    const r = await cliVerify(['--kubeconfig', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `Kubernetes: ${escape(kube.url)} refused the credentials of user "test-admin@test-user" of context "test-admin@test" in ${escape(file)} \\(HTTP 401 Unauthorized on GET /api/v1/(nodes|services)\\)`,
      ),
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out + r.err).not.toContain(WRONG_TOKEN);

    kube.forbidden.add(WRONG_TOKEN);
    const f = await cliVerify(['--kubeconfig', file]);
    kube.forbidden.clear();
    expect(f.code).toBe(1);
    expect(f.err).toMatch(
      /may not list (nodes|services) in all namespaces \(HTTP 403 Forbidden\); verify needs list on nodes and services/,
    );
    expect(f.out + f.err).not.toContain(WRONG_TOKEN);
  });

  it('an unreachable API server or one whose certificate the kubeconfig does not trust: exit 1 naming its URL', async () => {
    const url = `https://127.0.0.1:${await closedPort()}`;
    const down = await cliVerify(['--kubeconfig', writeKubeconfig(join(dir, 'down'), { server: url })]);
    expect(down.code).toBe(1);
    expect(down.err).toContain(`Kubernetes: cannot reach the Kubernetes API server ${url} (user "test-admin@test-user" of context`);
    expect(down.err).toContain('connection refused (ECONNREFUSED)');
    expect(down.err).not.toMatch(/\n\s+at /);

    const other = await selfSignedCertificate(['127.0.0.1']);
    const untrusted = await cliVerify(['--kubeconfig', writeKubeconfig(join(dir, 'other-ca'), { ca: other.cert })]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toContain(
      `Kubernetes: the TLS certificate of ${kube.url} could not be verified against the certificate-authority of context`,
    );
    expect(untrusted.out + untrusted.err).not.toContain(TOKEN);
  });

  it('FAILs naming a reported service whose graph instance the APIC withdrew', async () => {
    const admin = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: sim.certificate, maxRetries: 0 });
    try {
      await admin.delete('uni/tn-common/out-mykube_l3out/instP-mykube_svc_default_lb-2');
    } finally {
      await admin.close();
    }
    const r = await verify({});
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/PASS {2}LoadBalancer service default\/lb-2 /);
    expect(r.output).toMatch(/FAIL {2}Deployed graph instance of service default\/lb-2 +uni\/tn-common\/brc-mykube_svc_default_lb-2\n/);
    expect(r.output).toContain('no deployed graph instance for contract uni/tn-common/brc-mykube_svc_default_lb-2');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `apic-sim cluster` (the emulated ACI CNI controller) and `verify --nodes`,
// over HTTPS against apic-sim: the cluster is provisioned with -a (which
// registers the controller's certificate), then the emulation writes signing
// with that certificate's key, and verify checks the running cluster.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApicClient } from '../../src/apic/client.js';
import { main as accProvision } from '../../src/cli/main.js';
import { DEMO_FLAVOR, demoConfig, exampleInventory } from '../../src/demo/demo.js';
import { main as apicSim } from '../../src/sim/main.js';
import { startSim, type RunningSim } from '../../src/sim/server.js';
import { selfSignedCertificate } from '../../src/sim/tls.js';
import { runVerify } from '../../src/verify/command.js';
import { runEntry } from '../support/entry.js';

const PASSWORD = 'cluster-sim-pass-1';
const dir = mkdtempSync(join(tmpdir(), 'apic-sim-cluster-'));
const cfg = join(dir, 'cfg.yaml');
const nodes3 = join(dir, 'nodes.yaml');
const nodes4 = join(dir, 'nodes4.yaml');
const cert = join(dir, 'user-mykube.crt');
const key = join(dir, 'user-mykube.key');
const INJ = 'comp/prov-Kubernetes/ctrlr-[mykube]-mykube/injcont';
const GRAPH = 'uni/tn-common/AbsGraph-mykube_svc_global';
let sim: RunningSim;
let admin: ApicClient;

const emulate = (nodes: string, keyFile = key, extra: string[] = []) =>
  runEntry(apicSim, [
    'cluster',
    '--apic',
    sim.url,
    '-c',
    cfg,
    '-f',
    DEMO_FLAVOR,
    '--nodes',
    nodes,
    '--cert',
    cert,
    '--key',
    keyFile,
    ...extra,
  ]);

const verify = (nodes?: string) =>
  runVerify(
    { config: cfg, flavor: DEMO_FLAVOR, username: 'admin', outputFormat: 'text', ...(nodes ? { nodes } : {}) },
    { env: { ACC_PROVISION_PASS: PASSWORD }, warn: () => {}, clientExtra: { maxRetries: 0 } },
  );

beforeAll(async () => {
  sim = await startSim({
    listen: '127.0.0.1:0',
    data: ':memory:',
    adminPassword: PASSWORD,
    tls: await selfSignedCertificate(['127.0.0.1']),
  });
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, sim.certificate!);
  writeFileSync(cfg, demoConfig(`${sim.host}:${sim.port}`, dir, ca));
  writeFileSync(nodes3, exampleInventory());
  writeFileSync(nodes4, `${exampleInventory()}- name: node-4\n  uplink: ens192\n  infra_mac: "00:50:56:aa:00:04"\n  node_ip: 10.1.0.14\n`);
  admin = new ApicClient({ hosts: [sim.url], username: 'admin', password: PASSWORD, ca: sim.certificate, maxRetries: 0 });
  process.env.ACC_PROVISION_PASS = PASSWORD;
  const provisioned = await runEntry(accProvision, ['-c', cfg, '-f', DEMO_FLAVOR, '-o', join(dir, 'out.yaml'), '-a', '-u', 'admin']);
  delete process.env.ACC_PROVISION_PASS;
  expect(provisioned.code, provisioned.err).toBe(0);
}, 60_000);

afterAll(async () => {
  await admin?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('apic-sim cluster', () => {
  it('is refused by the APIC when it signs with another key, and writes nothing', async () => {
    const other = join(dir, 'other.key');
    writeFileSync(other, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const r = await emulate(nodes3, other);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Signature verification failed');
    expect(r.err).toContain(`warning: the key ${other} does not belong to the certificate ${cert}`);
    expect(r.err).not.toContain('PRIVATE KEY');
    expect(await admin.getMo(`${INJ}/host-[node-1]`)).toBeUndefined();
  });

  it('refuses bad input, naming the flag', async () => {
    const r = await emulate(nodes3, key, ['--load-balancers', 'many']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--load-balancers');
    const k = await emulate(nodes3, cfg);
    expect(k.code).toBe(1);
    expect(k.err).toContain(`--key = "${cfg}": must be a PEM private key`);
  });

  it('verify --nodes fails naming the nodes missing from the inventory', async () => {
    const { output, ok } = await verify(nodes3);
    expect(ok).toBe(false);
    expect(output).toContain('Running cluster: VMM inventory and L4-L7 services');
    expect(output).toMatch(/FAIL {2}Node node-1 +comp\/prov-Kubernetes\/ctrlr-\[mykube\]-mykube\/injcont\/host-\[node-1\]/);
    expect(output).toMatch(/FAIL {2}Namespace kube-system /);
    // No LoadBalancer service is reported yet, so there is no L4-L7 line.
    expect(output).not.toContain('Service graph template');
    // Without --nodes the running cluster stays information.
    const plain = await verify();
    expect(plain.ok).toBe(true);
    expect(plain.output).toContain('INFO  VMM inventory: no nodes or namespaces reported');
  });

  it('writes with the controller certificate: inventory, L4-L7 objects, and the APIC deploys the graph instances', async () => {
    const r = await emulate(nodes3, key, ['--load-balancers', '2']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('signing as uni/userext/user-mykube/usercert-mykube.crt');
    const host = await admin.getMo(`${INJ}/host-[node-2]`);
    expect(host?.attributes).toMatchObject({ name: 'node-2', mgmtIp: '10.1.0.12', annotation: 'orchestrator:aci-containers-controller' });
    const svc = await admin.getMo(`${INJ}/ns-[default]/svc-[lb-1]`, { subtree: 'children' });
    expect(svc?.attributes).toMatchObject({ type: 'loadBalancer' });
    expect(svc?.children.map((c) => c.className)).toEqual(['vmmInjectedSvcPort']);
    const device = await admin.getMo('uni/tn-common/lDevVip-mykube_svc_global', { subtree: 'full' });
    expect(device?.children.filter((c) => c.className === 'vnsCDev')).toHaveLength(3);
    expect(await admin.getMo('uni/tn-common/svcCont/svcRedirectPol-mykube_svc_default_lb-2', { subtree: 'children' })).toMatchObject({
      attributes: { thresholdDownAction: 'deny' },
    });
    const instances = await admin.getClass('vnsGraphInst');
    expect(instances.map((i) => i.attributes['ctrctDn']).sort()).toEqual([
      'uni/tn-common/brc-mykube_svc_default_lb-1',
      'uni/tn-common/brc-mykube_svc_default_lb-2',
    ]);
    expect(instances.every((i) => i.attributes['graphDn'] === GRAPH && i.attributes['scopeDn'] === 'uni/tn-common/ctx-mykube-vrf')).toBe(
      true,
    );
  });

  it('verify --nodes: a node missing from the inventory fails by name; passes once all are there', async () => {
    const missing = await verify(nodes4);
    expect(missing.ok).toBe(false);
    expect(missing.output).toMatch(/FAIL {2}Node node-4 /);
    expect(missing.output).toMatch(/PASS {2}Node node-1 /);
    expect(missing.output).toMatch(/^FAILED: 1 of \d+ checks failed/m);

    expect((await emulate(nodes4, key, ['--load-balancers', '2'])).code).toBe(0);
    const all = await verify(nodes4);
    expect(all.ok).toBe(true);
    for (const n of ['node-1', 'node-2', 'node-3', 'node-4']) expect(all.output).toMatch(new RegExp(`PASS {2}Node ${n} `));
    for (const ns of ['default', 'kube-system', 'aci-containers-system'])
      expect(all.output).toMatch(new RegExp(`PASS {2}Namespace ${ns} `));
    expect(all.output).toMatch(/PASS {2}Service graph template mykube_svc_global +uni\/tn-common\/AbsGraph-mykube_svc_global/);
    expect(all.output).toMatch(/PASS {2}L4-L7 device mykube_svc_global +uni\/tn-common\/lDevVip-mykube_svc_global/);
    expect(all.output).toMatch(/PASS {2}Deployed graph instance of service default\/lb-1 +uni\/tn-common\/GraphInst_C-/);
    expect(all.output).toMatch(/^OK: all \d+ checks passed/m);
  });

  it('-a again leaves what the controller wrote alone', async () => {
    process.env.ACC_PROVISION_PASS = PASSWORD;
    const again = await runEntry(accProvision, ['-c', cfg, '-f', DEMO_FLAVOR, '-o', join(dir, 'out.yaml'), '-a', '-u', 'admin']);
    delete process.env.ACC_PROVISION_PASS;
    expect(again.code, again.err).toBe(0);
    expect(await admin.getMo('uni/tn-common/out-mykube_l3out/instP-mykube_extepg/rscons-mykube_svc_default_lb-1')).toBeDefined();
    expect(await admin.getMo('uni/tn-common/BD-mykube_bd_kubernetes-service')).toBeDefined();
    expect((await verify(nodes4)).ok).toBe(true);
  });

  it('verify --nodes fails naming the graph instance the APIC withdraws when the service is no longer provided', async () => {
    await admin.delete('uni/tn-common/out-mykube_l3out/instP-mykube_svc_default_lb-2');
    expect((await admin.getClass('vnsGraphInst')).map((i) => i.attributes['ctrctDn'])).toEqual([
      'uni/tn-common/brc-mykube_svc_default_lb-1',
    ]);
    const r = await verify(nodes4);
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/FAIL {2}Deployed graph instance of service default\/lb-2 +uni\/tn-common\/brc-mykube_svc_default_lb-2/);
    expect(r.output).toContain('no deployed graph instance for contract uni/tn-common/brc-mykube_svc_default_lb-2');
  });
});

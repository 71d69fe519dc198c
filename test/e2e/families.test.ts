// The flavor families of issue 16 live on apic-sim (HTTPS): an RKE2 cluster's
// -a creates what its --apic-dump lists and -d leaves the fabric as it was; a
// Calico cluster's -a, built on the leaves read from the fabric, leaves every
// object of its dump, verify passes right after, a second -a writes nothing,
// -d removes them all.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/cli/output/reporter.js';
import { checkRootOptions, type RawRootOptions } from '../../src/cli/root-options.js';
import { defaultApicDeps, runApic, type ApicDeps, type ApicRun } from '../../src/cli/commands/provision.js';
import { loadConfig } from '../../src/config/load.js';
import { renderApicDump } from '../../src/provision/dump.js';
import type { Config } from '../../src/config/types.js';
import { conformanceDir, PASSWORD, seedForConfig, startFabric, testCert, type Fabric } from './support/fabric.js';
import { parseDump } from '../provision/dump-compare.js';
import { checkCalicoAsn, readCalicoFabricFacts, readFabricAsn } from '../../src/apic/bgp.js';
import { runVerify } from '../../src/verify/command.js';
import { DUMP_PASSWORD_PLACEHOLDER } from '../../src/cli/commands/generate.js';

const testdata = join(conformanceDir, 'testdata');
const present = existsSync(testdata);

async function run(
  fabric: Fabric,
  file: string,
  flavor: string,
  mode: ApicRun['mode'],
  extra: Partial<RawRootOptions> = {},
): Promise<{ code: number; lines: string[]; writes: number }> {
  const lines: string[] = [];
  const reporter = new Reporter({ format: 'text', color: false, write: (l) => lines.push(l) });
  const raw: RawRootOptions = {
    config: file,
    output: '/dev/null',
    flavor,
    apic: mode === 'apply',
    delete: mode === 'delete',
    password: PASSWORD,
    username: 'admin',
    disableMultus: 'true',
    operatorMode: 'false',
    outputFormat: 'text',
    color: false,
    ...extra,
  };
  const opts = checkRootOptions(raw, {});
  let writes = 0;
  const deps: ApicDeps = {
    ...defaultApicDeps,
    ensureControllerCertificate: async () => ({ certPem: 'dummy\n', keyPem: 'dummy\n', reused: true }),
    stdout: () => undefined,
    async connect() {
      // Writes to objects (logins are POSTs too).
      return fabric.client({ onRequest: (e) => void (e.method !== 'GET' && /^\/api\/(node\/)?mo\//.test(e.path) && writes++) });
    },
  };
  const code = await runApic(opts, flavor, reporter, { mode, planOnly: false }, deps);
  return { code, lines, writes };
}

function withCert(config: Config): Config {
  const login = config.aci_config.sync_login;
  login.cert_data = 'dummy\n';
  login.key_data = 'dummy\n';
  return config;
}

/** The DN each request of the dump posts (the URL's), for objects the dump creates. */
function dumpDns(dump: ReturnType<typeof parseDump>): string[] {
  return dump.filter(([, body]) => body !== null).map(([path]) => path.replace(/^\/api\/(node\/)?mo\//, '').replace(/\.json$/, ''));
}

describe.skipIf(!present)('flavor families on apic-sim', () => {
  it('RKE2: -a creates what the dump lists, -d leaves the fabric as it was', async () => {
    const file = join(testdata, 'flavor_RKE2_kubernetes_1_24.inp.yaml');
    const flavor = 'RKE2-kubernetes-1.24';
    const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor });
    const fabric = await startFabric(seedForConfig(config));
    try {
      const before = fabric.rows();
      const a = await run(fabric, file, flavor, 'apply');
      expect(a.code, a.lines.join('\n')).toBe(0);
      const rows = fabric.rows();
      for (const dn of dumpDns(parseDump(renderApicDump(withCert(config))))) expect(rows.has(dn), dn).toBe(true);
      expect(rows.get('uni/tn-rke2/flt-aci-containers-rke2-api-filter/e-aci-containers-rke2-rancher-ui')?.attrs.dFromPort).toBe('443');
      const d = await run(fabric, file, flavor, 'delete');
      expect(d.code, d.lines.join('\n')).toBe(0);
      // Left: the infra binding posted inside the user's AEP (shared, kept as for every Kubernetes flavor).
      const left = [...fabric.rows().keys()].filter((dn) => !before.has(dn));
      expect(left.filter((dn) => !dn.startsWith(`uni/infra/attentp-${config.aci_config.aep}/`))).toEqual([]);
      expect([...before.keys()].filter((dn) => !fabric.rows().has(dn)).sort()).toEqual([]);
    } finally {
      await fabric.close();
    }
  }, 60_000);

  it('Calico: the leaves read from the fabric shape -a; it leaves every object of its dump, verify passes, a second -a writes nothing, -d removes them all', async () => {
    const file = join(testdata, 'flavor_calico-3.26.3.inp.yaml');
    const flavor = 'calico-3.26.3';
    const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor });
    const a3 = config.aci_config;
    const aep = String((a3.cluster_l3out as unknown as { aep: string }).aep);
    // The fabric has the racks' anchor leaves (verify resolves the node profile's relations to them).
    const nodes = [101, 102, 103].map((id) => ({ id, name: `leaf-${id}`, role: 'leaf' as const }));
    const fabric = await startFabric(seedForConfig(config, { aeps: [aep], nodes, bgp_asn: 2 }));
    const dir = mkdtempSync(join(tmpdir(), 'acc-calico-'));
    try {
      // The user's L3Out already routes through leaf 102 with router ID 9.9.9.9: the cluster L3Out must reuse it.
      const admin = fabric.client();
      const userOut = `uni/tn-${a3.vrf.tenant}/out-${a3.l3out.name}`;
      await admin.post(`${userOut}/lnodep-border`, {
        className: 'l3extLNodeP',
        attributes: { name: 'border' },
        children: [{ className: 'l3extRsNodeL3OutAtt', attributes: { tDn: 'topology/pod-1/node-102', rtrId: '9.9.9.9' }, children: [] }],
      });
      const before = fabric.rows();
      // The route reflector AS as fabric discovery reads it (src/apic/bgp.ts): the file's 2.
      expect(checkCalicoAsn(config, await readFabricAsn(admin))).toBeUndefined();
      const facts = await readCalicoFabricFacts(admin, config);
      expect(facts).toEqual({ configuredNodes: [], routerIds: [['topology/pod-1/node-102', '9.9.9.9']] });

      const dumpFile = join(dir, 'apic.txt');
      const a = await run(fabric, file, flavor, 'apply', { apicDump: dumpFile });
      expect(a.code, a.lines.join('\n')).toBe(0);
      expect(a.writes).toBeGreaterThan(0);
      // The dump -a writes lists what -a sent: the fabric's facts, not the offline stand-in.
      const dump = parseDump(readFileSync(dumpFile, 'utf8'));
      const expected = withCert(structuredClone(config));
      expected.aci_config.sync_login.password = DUMP_PASSWORD_PLACEHOLDER;
      expect(dump).toEqual(parseDump(renderApicDump(expected, { calicoFabric: facts })));
      const rows = fabric.rows();
      const dns = dumpDns(dump);
      for (const dn of dns) expect(rows.has(dn), dn).toBe(true);
      const profile = `uni/tn-${a3.vrf.tenant}/out-${String(a3.cluster_l3out.name)}/lnodep-${String(a3.cluster_l3out.svi['node_profile_name'])}`;
      const rtrId = (node: number) => rows.get(`${profile}/rsnodeL3OutAtt-[topology/pod-1/node-${node}]`)?.attrs.rtrId;
      expect([rtrId(101), rtrId(102), rtrId(103)]).toEqual(['1.1.4.101', '9.9.9.9', '1.1.4.103']);

      // verify, right after -a, reads the same facts (its own discovery) and checks the same tree.
      const cfg = join(dir, 'cfg.yaml');
      const ca = (await testCert()).cert;
      writeFileSync(cfg, readFileSync(file, 'utf8'));
      const verify = () =>
        runVerify(
          { config: cfg, flavor, username: 'admin', outputFormat: 'text' },
          { env: { ACC_PROVISION_PASS: PASSWORD }, warn: () => {}, clientExtra: { hosts: [fabric.sim.url], ca, maxRetries: 0 } },
        );
      const report = await verify();
      expect(report.ok, report.output).toBe(true);
      expect(report.report.checklist.summary.objects).toBeGreaterThan(60);

      const again = await run(fabric, file, flavor, 'apply');
      expect(again.code, again.lines.join('\n')).toBe(0);
      expect(again.writes, again.lines.join('\n')).toBe(0);
      expect((await verify()).ok).toBe(true);

      const d = await run(fabric, file, flavor, 'delete');
      expect(d.code, d.lines.join('\n')).toBe(0);
      const after = fabric.rows();
      for (const dn of dns) if (!before.has(dn)) expect(after.has(dn), dn).toBe(false);
      // The user's L3Out keeps its own node profile.
      expect(after.get(`${userOut}/lnodep-border/rsnodeL3OutAtt-[topology/pod-1/node-102]`)?.attrs.rtrId).toBe('9.9.9.9');
    } finally {
      await fabric.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

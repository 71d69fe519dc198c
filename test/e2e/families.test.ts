// The flavor families of issue 16 live on apic-sim: an RKE2 cluster's -a
// creates what its --apic-dump lists and -d leaves the fabric as it was; a
// Calico cluster's -a leaves every object of its dump, a second -a writes
// nothing, -d removes them all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/cli/output/reporter.js';
import { checkRootOptions, type RawRootOptions } from '../../src/cli/root-options.js';
import { defaultApicDeps, runApic, type ApicDeps, type ApicRun } from '../../src/cli/commands/provision.js';
import { loadConfig } from '../../src/config/load.js';
import { renderApicDump } from '../../src/provision/dump.js';
import type { Config } from '../../src/config/types.js';
import { conformanceDir, PASSWORD, seedForConfig, startFabric, type Fabric } from './support/fabric.js';
import { parseDump } from '../provision/dump-compare.js';
import { apicStateReader } from '../../src/provision/engine/state.js';
import { checkCalicoAsn, readFabricAsn } from '../../src/apic/bgp.js';
import { formatVerifyText, verifyCluster } from '../../src/verify/index.js';

const testdata = join(conformanceDir, 'testdata');
const present = existsSync(testdata);

async function run(
  fabric: Fabric,
  file: string,
  flavor: string,
  mode: ApicRun['mode'],
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
function dumpDns(config: Config): string[] {
  return parseDump(renderApicDump(withCert(config)))
    .filter(([, body]) => body !== null)
    .map(([path]) => path.replace(/^\/api\/(node\/)?mo\//, '').replace(/\.json$/, ''));
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
      for (const dn of dumpDns(config)) expect(rows.has(dn), dn).toBe(true);
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

  it('Calico: -a leaves every object of its dump, a second -a writes nothing, -d removes them all', async () => {
    const file = join(testdata, 'flavor_calico-3.26.3.inp.yaml');
    const flavor = 'calico-3.26.3';
    const { config } = loadConfig(readFileSync(file, 'utf8'), file, { flavor });
    const aep = String((config.aci_config.cluster_l3out as unknown as { aep: string }).aep);
    // The fabric has the racks' anchor leaves (verify resolves the node profile's relations to them).
    const nodes = [101, 102, 103].map((id) => ({ id, name: `leaf-${id}`, role: 'leaf' as const }));
    const fabric = await startFabric(seedForConfig(config, { aeps: [aep], nodes, bgp_asn: 2 }));
    try {
      const before = fabric.rows();
      // The route reflector AS as fabric discovery reads it (src/apic/bgp.ts): the file's 2.
      expect(checkCalicoAsn(config, await readFabricAsn(fabric.client()))).toBeUndefined();
      const a = await run(fabric, file, flavor, 'apply');
      expect(a.code, a.lines.join('\n')).toBe(0);
      expect(a.writes).toBeGreaterThan(0);
      const rows = fabric.rows();
      const dns = dumpDns(config);
      for (const dn of dns) expect(rows.has(dn), dn).toBe(true);
      // verify checks the same tree: the cluster L3Out, BGP policies, external EPGs, the user.
      const client = fabric.client();
      const report = await verifyCluster({
        config: withCert(config),
        reader: apicStateReader(client),
        inventory: client,
        apic: fabric.sim.url,
      });
      expect(report.checklist.summary.failed, formatVerifyText(report)).toBe(0);
      expect(report.checklist.summary.objects).toBeGreaterThan(60);
      const again = await run(fabric, file, flavor, 'apply');
      expect(again.code, again.lines.join('\n')).toBe(0);
      expect(again.writes, again.lines.join('\n')).toBe(0);
      const d = await run(fabric, file, flavor, 'delete');
      expect(d.code, d.lines.join('\n')).toBe(0);
      const after = fabric.rows();
      for (const dn of dns) if (!before.has(dn)) expect(after.has(dn), dn).toBe(false);
    } finally {
      await fabric.close();
    }
  }, 60_000);
});

// Every APIC request the Python acc-provision sends for the conformance
// cases (../shared/conformance, `apic` dumps) must be accepted by the
// simulator when sent in order, on a fabric seeded with the prerequisites
// the case's configuration names (AEP, VRF, L3Out, nested VMware domain).
// Every dump of cases-all.json's landed flavor families that names only
// objects under `uni` and `comp` (postableDump): all of them (about 10 s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seedSchema } from '../../src/sim/seed.js';
import { startSim } from '../../src/sim/server.js';
import { Client, PASSWORD } from './helpers.js';
import { conformanceCases, conformancePresent as present, postableDump, testdata } from '../support/conformance.js';
import { conformanceDir as conformance } from '../support/cli.js';

type Case = ReturnType<typeof conformanceCases>[number];

/** Splits a dump into (path, body) requests; `None` bodies (nothing sent) are skipped. */
function requests(text: string): { path: string; body: unknown }[] {
  const out: { path: string; body: unknown }[] = [];
  const blocks = text.split(/^(?=\/api\/)/m);
  for (const b of blocks) {
    const nl = b.indexOf('\n');
    if (nl < 0) continue;
    const path = b.slice(0, nl).trim();
    const body = b.slice(nl + 1).trim();
    if (!path.startsWith('/api/') || body === '' || body === 'None') continue;
    out.push({ path, body: JSON.parse(body) });
  }
  return out;
}

function seedFor(input: string) {
  const cfg = (parseYaml(readFileSync(join(testdata, input), 'utf8')) ?? {}) as { aci_config?: Record<string, any> };
  const aci = cfg.aci_config ?? {};
  const vrfTenant = aci.vrf?.tenant ?? 'common';
  const nested = aci.vmm_domain?.nested_inside;
  return seedSchema.parse({
    aeps: aci.aep ? [aci.aep] : [],
    vrfs: aci.vrf?.name ? [{ tenant: vrfTenant, name: aci.vrf.name }] : [],
    l3outs: aci.l3out?.name
      ? [{ tenant: vrfTenant, name: aci.l3out.name, vrf: aci.vrf?.name, external_networks: aci.l3out.external_networks ?? [] }]
      : [],
    vmware_domains: nested?.type === 'vmware' && nested.name ? [{ name: nested.name }] : [],
  });
}

const withDump = conformanceCases().filter((c) => c.apic && c.input && !c.input.startsWith('--') && postableDump(c.apic));
const byDump = new Map<string, Case>();
for (const c of withDump) if (!byDump.has(c.apic!)) byDump.set(c.apic!, c);

describe.skipIf(!present)('apic-sim accepts the requests of the conformance cases', () => {
  if (!present) it.skip(`../shared/conformance is absent (looked in ${conformance})`, () => {});
  for (const [dump, c] of byDump) {
    it(`${dump} (${c.name})`, async () => {
      const sim = await startSim({ listen: '127.0.0.1:0', http: true, adminPassword: PASSWORD, seed: seedFor(c.input) });
      try {
        const client = new Client(sim.url);
        await client.login();
        const refused: string[] = [];
        const reqs = requests(readFileSync(join(testdata, dump), 'utf8'));
        expect(reqs.length).toBeGreaterThan(0);
        for (const r of reqs) {
          const a = await client.post(r.path, r.body);
          if (a.status !== 200) refused.push(`${r.path}: ${JSON.stringify(a.body.imdata[0]?.error?.attributes)}`);
        }
        expect(refused).toEqual([]);
      } finally {
        await sim.close();
      }
    });
  }
});

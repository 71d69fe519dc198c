// Shared by the verify tests: a small cluster whose VRF and L3Out live in
// tenant common, the simulator seeded with its prerequisites, and the
// cluster provisioned by posting the desired tree's requests.
import { ApicClient } from '../../src/apic/client.js';
import { fromWire } from '../../src/aci/json.js';
import type { Config } from '../../src/config/types.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { postRequests } from '../../src/provision/desired/requests.js';
import type { SeedSpec } from '../../src/sim/seed.js';
import { seedSchema } from '../../src/sim/seed.js';
import { startSim, type RunningSim } from '../../src/sim/server.js';
import { selfSignedCertificate, type TlsMaterial } from '../../src/sim/tls.js';
import { smallClusterConfig } from '../provision/fixtures/small-cluster.js';

export const SIM_PASSWORD = 'verify-sim-pass-1';

export function clusterConfig(overrides: (c: any) => void = () => {}): Config {
  return smallClusterConfig((c) => {
    c.aci_config.vrf = { name: 'my-vrf', tenant: 'common', dn: 'uni/tn-common/ctx-my-vrf' };
    overrides(c);
  });
}

/** The prerequisites the user makes before provisioning: AEP, VRF, L3Out with its external EPG. */
export function clusterSeed(): SeedSpec {
  return seedSchema.parse({
    aeps: ['my-aep'],
    vrfs: [{ tenant: 'common', name: 'my-vrf' }],
    l3outs: [{ tenant: 'common', name: 'my-l3out', vrf: 'my-vrf', external_networks: ['ext'] }],
  });
}

/** Creates the cluster's objects as `-a` does on an empty fabric: each request of the desired tree, in order. */
export async function provision(client: ApicClient, config: Config): Promise<number> {
  const requests = postRequests(buildDesiredState(config));
  for (const r of requests) await client.post(r.dn, fromWire(r.body));
  return requests.length;
}

let tls: Promise<TlsMaterial> | undefined;
/** One server certificate per test file: key generation is the slow part of a start. */
function testTls(): Promise<TlsMaterial> {
  return (tls ??= selfSignedCertificate(['localhost', '127.0.0.1']));
}

export interface ProvisionedSim {
  sim: RunningSim;
  client: ApicClient;
  close(): Promise<void>;
}

/** A fresh in-memory simulator seeded with the prerequisites, and the cluster provisioned on it. */
export async function provisionedSim(config: Config, seed: SeedSpec = clusterSeed()): Promise<ProvisionedSim> {
  const sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: SIM_PASSWORD, seed, tls: await testTls() });
  const client = new ApicClient({
    hosts: [sim.url],
    username: 'admin',
    password: SIM_PASSWORD,
    ca: sim.certificate,
    retryBaseDelayMs: 1,
    maxRetries: 0,
  });
  await provision(client, config);
  return {
    sim,
    client,
    async close() {
      await client.close();
      await sim.close();
    },
  };
}

// The engine against the real simulator, over HTTPS, through the ApicClient:
// apply, re-plan (no write), unprovision, second unprovision (nothing).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../../src/aci/types.js';
import { ApicClient } from '../../../src/apic/client.js';
import { applyPlan } from '../../../src/provision/apply.js';
import { apicStateReader } from '../../../src/provision/engine/state.js';
import { planChanges } from '../../../src/provision/plan.js';
import { unprovision, type OwnedObject } from '../../../src/provision/unprovision.js';
import { startSim, type RunningSim } from '../../../src/sim/server.js';

const ANN = 'orchestrator:aci-containers-controller';
const mo = (className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject => ({
  className,
  attributes,
  children,
});

const desired: ManagedObject[] = [
  mo('fvnsVlanInstP', { dn: 'uni/infra/vlanns-[kube-pool]-static', name: 'kube-pool', allocMode: 'static', annotation: ANN }, [
    mo('fvnsEncapBlk', { allocMode: 'static', from: 'vlan-4001', to: 'vlan-4001', annotation: ANN }),
  ]),
  mo('fvTenant', { dn: 'uni/tn-common', name: 'common' }, [
    mo('vzFilter', { name: 'kube-allow-all-filter', annotation: ANN }, [mo('vzEntry', { name: 'allow-all', annotation: ANN })]),
  ]),
  mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN }, [
    mo('fvBD', { name: 'kube-pod-bd', arpFlood: 'yes', annotation: ANN }, [
      mo('fvSubnet', { ip: '10.2.0.1/16', scope: 'public', annotation: ANN }),
    ]),
    mo('fvAp', { name: 'aci-containers-kube', annotation: ANN }, [mo('fvAEPg', { name: 'aci-containers-nodes', annotation: ANN })]),
  ]),
];

const owned: OwnedObject[] = [
  { dn: 'uni/infra/vlanns-[kube-pool]-static', className: 'fvnsVlanInstP', owned: 'always' },
  { dn: 'uni/tn-common', className: 'fvTenant', owned: 'never' },
  { dn: 'uni/tn-common/flt-kube-allow-all-filter', className: 'vzFilter', owned: 'always' },
  { dn: 'uni/tn-kube', className: 'fvTenant', owned: 'if-annotated', keepIfHasOtherChildrenOf: ['fvAp'] },
  { dn: 'uni/tn-kube/ap-aci-containers-kube', className: 'fvAp', owned: 'if-annotated', keepIfHasOtherChildrenOf: ['fvAEPg'] },
  { dn: 'uni/tn-kube/ap-aci-containers-kube/epg-aci-containers-nodes', className: 'fvAEPg', owned: 'if-annotated' },
];

let sim: RunningSim;
let client: ApicClient;

beforeAll(async () => {
  sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: 'sim-pass-1' });
  client = new ApicClient({ hosts: [sim.url], username: 'admin', password: 'sim-pass-1', ca: sim.certificate, retryBaseDelayMs: 1 });
});

afterAll(async () => {
  await client?.close();
  await sim?.close();
});

describe('engine against apic-sim', () => {
  it('applies, then plans nothing, then unprovisions what it owns, then does nothing', async () => {
    const reader = apicStateReader(client);
    const plan = await planChanges(reader, desired);
    expect(plan.summary.requests).toBe(3);
    await applyPlan(client, plan);
    expect((await client.getMo('uni/tn-kube/BD-kube-pod-bd'))?.attributes['arpFlood']).toBe('yes');

    const posts = client.stats.posts;
    const again = await planChanges(reader, desired);
    expect(again.changes.filter((c) => c.action !== 'unchanged')).toEqual([]);
    await applyPlan(client, again);
    expect(client.stats.posts).toBe(posts);

    const { plan: del } = await unprovision(reader, client, owned, { annotation: ANN });
    expect(del.deletes.sort()).toEqual(['uni/infra/vlanns-[kube-pool]-static', 'uni/tn-common/flt-kube-allow-all-filter', 'uni/tn-kube']);
    expect(await client.getMo('uni/tn-kube')).toBeUndefined();
    expect(await client.getMo('uni/tn-common')).toBeDefined();

    const deletes = client.stats.deletes;
    const second = await unprovision(reader, client, owned, { annotation: ANN });
    expect(second.sent).toBe(0);
    expect(client.stats.deletes).toBe(deletes);
  });
});

describe('engine against a faulty apic-sim', () => {
  it('converges through 503s, dropped connections and a dead first APIC', async () => {
    const faulty = await startSim({
      listen: '127.0.0.1:0',
      data: ':memory:',
      adminPassword: 'sim-pass-1',
      faults: [
        { path: '^/api/mo/', errorRate: 0.3, errorStatus: 503 },
        { path: '^/api/mo/', dropRate: 0.1 },
      ],
    });
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const deadPort = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const c = new ApicClient({
      hosts: [`127.0.0.1:${deadPort}`, faulty.url],
      username: 'admin',
      password: 'sim-pass-1',
      ca: faulty.certificate,
      retryBaseDelayMs: 1,
      maxRetries: 12,
    });
    try {
      const reader = apicStateReader(c);
      await applyPlan(c, await planChanges(reader, desired));
      const again = await planChanges(reader, desired);
      expect(again.summary.requests).toBe(0);
      expect(c.currentHost).toBe(faulty.url);
      expect(c.stats.retries).toBeGreaterThan(0);
    } finally {
      await c.close();
      await faulty.close();
    }
  });
});

// The writes of -a as one transaction (src/provision/transaction.ts): which
// roots go in it, how their bodies nest below polUni, and that the APIC
// (the simulator, over HTTPS) ends up holding exactly what the waves of
// separate POSTs leave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../src/aci/types.js';
import { applyPlan } from '../../src/provision/apply.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { computePlan, readCurrentState, type Plan, type PlanBatch } from '../../src/provision/plan.js';
import { apicStateReader } from '../../src/provision/engine/state.js';
import { desiredRoots, inventoryLast, planProvision } from '../../src/provision/provision.js';
import { inOneTransaction } from '../../src/provision/transaction.js';
import { clusterYaml, sharedSeed } from '../e2e/support/cluster.js';
import { seedForConfig, startFabric, type Fabric } from '../e2e/support/fabric.js';
import { loadConfig } from '../../src/config/load.js';
import { seedSchema } from '../../src/sim/seed.js';

function mo(className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject {
  return { className, attributes, children };
}

function post(root: string, body: ManagedObject, after: string[] = []): PlanBatch {
  return { root, after, requests: [{ method: 'POST', dn: root, body: { ...body, attributes: { ...body.attributes, dn: root } } }] };
}

function planOf(batches: PlanBatch[]): Plan {
  const requests = batches.reduce((n, b) => n + b.requests.length, 0);
  return { changes: [], batches, summary: { create: 0, update: 0, replace: 0, unchanged: 0, delete: 0, requests } };
}

// When each simulator wrote (or seeded) the object.
const TIMES = new Set(['modTs', 'creationTs', 'ts']);

const POOL = 'uni/infra/vlanns-[kube-pool]-static';
const DOMAIN = 'uni/vmmp-Kubernetes/dom-kube';
const TENANT = 'uni/tn-kube';
const RSPROV = 'uni/tn-common/out-l3out/instP-default/rsprov-kube-l3out-allow-all';

function waves(): PlanBatch[] {
  return [
    post('uni/tn-common', mo('fvTenant', { name: 'common' }, [mo('vzFilter', { name: 'kube-allow-all-filter' })])),
    post(POOL, mo('fvnsVlanInstP', { name: 'kube-pool', allocMode: 'static' })),
    post(DOMAIN, mo('vmmDomP', { name: 'kube' }, [mo('infraRsVlanNs', { tDn: POOL })]), [POOL]),
    post(TENANT, mo('fvTenant', { name: 'kube' }), [DOMAIN]),
    post(RSPROV, mo('fvRsProv', { tnVzBrCPName: 'kube-l3out-allow-all' }), ['uni/tn-common']),
  ];
}

describe('one transaction', () => {
  it('nests every POST-only root below one polUni, naming the objects between and requiring those with names to exist', () => {
    const plan = inOneTransaction(planOf(waves()));
    expect(plan.summary.requests).toBe(1);
    expect(plan.batches).toHaveLength(1);
    const [request] = plan.batches[0].requests;
    expect(request.dn).toBe('uni');
    expect(request.roots).toEqual(['uni/tn-common', POOL, DOMAIN, TENANT, RSPROV]);
    const uni = request.body!;
    expect(uni.className).toBe('polUni');
    const child = (parent: ManagedObject, className: string): ManagedObject => parent.children.find((c) => c.className === className)!;
    // uni/infra has a fixed RN: it stands on every APIC, sent as is.
    const infra = child(uni, 'infraInfra');
    expect(infra.attributes).toEqual({});
    expect(child(infra, 'fvnsVlanInstP').attributes).toEqual({ name: 'kube-pool', allocMode: 'static' });
    // The VMM provider is named: it must exist (status modified), never created by this request.
    const provider = child(uni, 'vmmProvP');
    expect(provider.attributes).toEqual({ vendor: 'Kubernetes', status: 'modified' });
    expect(child(provider, 'vmmDomP').children).toEqual([mo('infraRsVlanNs', { tDn: POOL })]);
    // The relation below tenant common lands inside tenant common's own body, the L3Out and its EPG required.
    const commons = uni.children.filter((c) => c.className === 'fvTenant' && c.attributes['name'] === 'common');
    expect(commons).toHaveLength(1);
    const l3out = child(commons[0], 'l3extOut');
    expect(l3out.attributes).toEqual({ name: 'l3out', status: 'modified' });
    expect(child(child(l3out, 'l3extInstP'), 'fvRsProv').attributes).toEqual({ tnVzBrCPName: 'kube-l3out-allow-all' });
    // No body below uni carries a dn: each is placed by its naming properties.
    expect(JSON.stringify(uni)).not.toContain('"dn"');
  });

  it('keeps apart roots with a DELETE, the VMM inventory and whatever waits for them; those wait for the transaction', () => {
    const user: PlanBatch = {
      root: 'uni/userext/user-kube',
      after: [],
      requests: [
        { method: 'DELETE', dn: 'uni/userext/user-kube' },
        { method: 'POST', dn: 'uni/userext/user-kube', body: mo('aaaUser', { dn: 'uni/userext/user-kube', name: 'kube' }) },
      ],
    };
    const waitsForUser = post('uni/infra/attentp-aep', mo('infraAttEntityP', { name: 'aep' }), ['uni/userext/user-kube']);
    const inventory = post('comp/prov-Kubernetes/ctrlr-[kube]-kube/injcont/info', mo('vmmInjectedClusterInfo', { name: 'kube' }), [
      POOL,
      DOMAIN,
    ]);
    const plan = inOneTransaction(planOf([...waves(), user, waitsForUser, inventory]));
    expect(plan.batches.map((b) => b.root)).toEqual(['uni', user.root, waitsForUser.root, inventory.root]);
    expect(plan.batches[0].requests[0].roots).toHaveLength(5);
    expect(plan.batches[2].after).toEqual([user.root]);
    expect(plan.batches[3].after).toEqual(['uni']);
    expect(plan.summary.requests).toBe(1 + 2 + 1 + 1);
  });

  it('leaves a plan of one root as it is', () => {
    const single = planOf([post(POOL, mo('fvnsVlanInstP', { name: 'kube-pool', allocMode: 'static' }))]);
    expect(inOneTransaction(single)).toBe(single);
  });
});

describe('on apic-sim (HTTPS)', () => {
  const text = clusterYaml({ systemId: 'tx', n: 3 });
  const { config } = loadConfig(text, 'tx.yaml', { flavor: 'kubernetes-1.35' });
  let waved: Fabric;
  let folded: Fabric;
  beforeAll(async () => {
    const seed = seedSchema.parse({ ...seedForConfig(config), ...sharedSeed() });
    [waved, folded] = await Promise.all([startFabric(seed), startFabric(seed)]);
  });
  afterAll(async () => {
    await Promise.all([waved?.close(), folded?.close()]);
  });

  it('leaves the same fabric as the waves of separate POSTs, and a second plan finds nothing to do', async () => {
    const state = buildDesiredState(config);
    const a = waved.client();
    const b = folded.client();
    await Promise.all([a.login(), b.login()]);
    const reads = await readCurrentState(apicStateReader(a), desiredRoots(state));
    const separate = inventoryLast(computePlan(desiredRoots(state), reads));
    expect(separate.batches.length).toBeGreaterThan(3);
    await applyPlan(a, separate, { concurrency: 16 });

    const plan = await planProvision(b, state, config);
    expect(plan.batches[0].root).toBe('uni');
    await applyPlan(b, plan, { concurrency: 16 });
    expect(b.stats.posts).toBe(plan.summary.requests);
    expect(b.stats.posts).toBeLessThan(a.stats.posts);

    const stable = (f: Fabric): unknown[] =>
      [...f.rows()]
        .map(
          ([dn, r]) =>
            [
              dn,
              r.className,
              Object.entries(r.attrs)
                .filter(([k]) => !TIMES.has(k))
                .sort(),
            ] as const,
        )
        .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(stable(folded)).toEqual(stable(waved));
    expect((await planProvision(b, state, config)).summary.requests).toBe(0);
  });
});

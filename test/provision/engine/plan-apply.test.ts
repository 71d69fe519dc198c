import { describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../../src/aci/types.js';
import { applyPlan, renderApplySummary, runBatches } from '../../../src/provision/apply.js';
import { computePlan, mergeDesired, planChanges, planToJson, renderPlanText } from '../../../src/provision/plan.js';
import { memoryStateReader } from '../../../src/provision/engine/state.js';
import { ApicError } from '../../../src/errors.js';
import { MemoryApic } from './support/memory-apic.js';

const ANN = 'orchestrator:aci-containers-controller';

function mo(className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject {
  return { className, attributes, children };
}

/** A small desired state shaped like the Python tool's requests (roots posted at their DNs). */
function desired(opts: { certData?: string; arpFlood?: string } = {}): ManagedObject[] {
  return [
    mo('fvnsVlanInstP', { dn: 'uni/infra/vlanns-[kube-pool]-static', name: 'kube-pool', allocMode: 'static', annotation: ANN }, [
      mo('fvnsEncapBlk', { allocMode: 'static', from: 'vlan-4001', to: 'vlan-4001', annotation: ANN }),
    ]),
    mo('fvTenant', { dn: 'uni/tn-common', name: 'common' }, [
      mo('vzFilter', { name: 'kube-allow-all-filter', annotation: ANN }, [mo('vzEntry', { name: 'allow-all', annotation: ANN })]),
    ]),
    mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN }, [
      mo('fvBD', { name: 'kube-pod-bd', arpFlood: opts.arpFlood ?? 'yes', annotation: ANN }, [
        mo('fvSubnet', { ip: '10.2.0.1/16', scope: 'public', annotation: ANN }),
      ]),
      mo('fvAp', { name: 'aci-containers-kube', annotation: ANN }, [mo('fvAEPg', { name: 'aci-containers-nodes', annotation: ANN })]),
    ]),
    mo('l3extInstP', { dn: 'uni/tn-common/out-l3out/instP-default', name: 'default' }, [
      mo('fvRsProv', { tnVzBrCPName: 'kube-l3out-allow-all', annotation: ANN }),
    ]),
    mo('aaaUser', { dn: 'uni/userext/user-kube', name: 'kube', pwd: 'NotRandom!', annotation: ANN }, [
      mo('aaaUserDomain', { name: 'all', annotation: ANN }, [mo('aaaUserRole', { name: 'admin', privType: 'writePriv', annotation: ANN })]),
    ]),
    mo('aaaUser', { dn: 'uni/userext/user-kube', name: 'kube', annotation: ANN }, [
      mo('aaaUserCert', { name: 'kube.crt', data: opts.certData ?? 'CERT-1', annotation: ANN }),
    ]),
  ];
}

/** What the fabric holds before: tenant common and the L3Out with its external EPG (prerequisites). */
function fabric(): MemoryApic {
  return new MemoryApic([
    mo('fvTenant', { dn: 'uni/tn-common', name: 'common' }, [mo('l3extOut', { name: 'l3out' }, [mo('l3extInstP', { name: 'default' })])]),
  ]);
}

describe('merging desired roots', () => {
  it('merges roots posted at the same DN and keeps nested roots apart, ancestors first', () => {
    const roots = mergeDesired(desired());
    expect(roots.map((r) => r.dn)).toEqual([
      'uni/tn-common',
      'uni/tn-kube',
      'uni/infra/vlanns-[kube-pool]-static',
      'uni/userext/user-kube',
      'uni/tn-common/out-l3out/instP-default',
    ]);
    const user = roots.find((r) => r.dn === 'uni/userext/user-kube')!;
    expect(user.children.map((c) => c.dn)).toEqual(['uni/userext/user-kube/userdomain-all', 'uni/userext/user-kube/usercert-kube.crt']);
    expect(user.attributes['pwd']).toBe('NotRandom!');
  });
});

describe('plan', () => {
  it('creates each missing root in one POST and lists every object, parents first', async () => {
    const apic = fabric();
    const plan = await planChanges(apic, desired());
    expect(plan.batches.map((b) => b.requests.map((r) => `${r.method} ${r.dn}`))).toEqual([
      ['POST uni/tn-common'],
      ['POST uni/tn-kube'],
      ['POST uni/infra/vlanns-[kube-pool]-static'],
      ['POST uni/userext/user-kube'],
      ['POST uni/tn-common/out-l3out/instP-default'],
    ]);
    // tenant common exists: its POST carries only the missing filter, not the L3Out.
    const common = plan.batches[0].requests[0].body!;
    expect(common.attributes).toEqual({ name: 'common', dn: 'uni/tn-common' });
    expect(common.children.map((c) => c.className)).toEqual(['vzFilter']);
    expect(common.children[0].children).toHaveLength(1);
    // The existing external EPG: only its missing relation.
    const instP = plan.batches[4].requests[0].body!;
    expect(instP).toEqual(
      mo('l3extInstP', { name: 'default', dn: 'uni/tn-common/out-l3out/instP-default' }, [
        mo('fvRsProv', { tnVzBrCPName: 'kube-l3out-allow-all', annotation: ANN }),
      ]),
    );
    expect(plan.batches[4].after).toEqual(['uni/tn-common']);
    const tenant = plan.changes.filter((c) => c.dn.startsWith('uni/tn-kube'));
    expect(tenant.map((c) => [c.dn, c.action, c.within ?? ''])).toEqual([
      ['uni/tn-kube', 'create', ''],
      ['uni/tn-kube/BD-kube-pod-bd', 'create', 'uni/tn-kube'],
      ['uni/tn-kube/BD-kube-pod-bd/subnet-[10.2.0.1/16]', 'create', 'uni/tn-kube'],
      ['uni/tn-kube/ap-aci-containers-kube', 'create', 'uni/tn-kube'],
      ['uni/tn-kube/ap-aci-containers-kube/epg-aci-containers-nodes', 'create', 'uni/tn-kube'],
    ]);
    expect(plan.summary).toMatchObject({ update: 0, replace: 0, requests: 5 });
    expect(plan.summary.unchanged).toBe(2); // tenant common and the external EPG
    const text = renderPlanText(plan);
    expect(text).toContain('+ create  fvTenant uni/tn-kube (+4 inside)');
    expect(text).toMatch(/Plan: \d+ to create, 0 to update, 0 to replace, 0 to delete, 2 unchanged; 5 requests to send\./);
  });

  it('sends no write on a second run with the same desired state', async () => {
    const apic = fabric();
    const first = await applyPlan(apic, await planChanges(apic, desired()));
    expect(first.sent).toBe(5);
    const writes = apic.writes.length;
    const again = await planChanges(apic, desired());
    expect(again.summary.requests).toBe(0);
    expect(again.summary.create + again.summary.update).toBe(0);
    const second = await applyPlan(apic, again);
    expect(second.sent).toBe(0);
    expect(apic.writes.length).toBe(writes);
    expect(renderPlanText(again)).toMatch(/^No changes/m);
    expect(renderApplySummary(second)).toMatch(/^Nothing to do/);
  });

  it('updates only the changed attributes of an existing object, with its naming properties', async () => {
    const apic = fabric();
    await applyPlan(apic, await planChanges(apic, desired()));
    const plan = await planChanges(apic, desired({ arpFlood: 'no' }));
    expect(plan.summary).toMatchObject({ update: 1, create: 0, requests: 1 });
    expect(plan.batches[0].requests[0]).toEqual({
      method: 'POST',
      dn: 'uni/tn-kube',
      body: mo('fvTenant', { name: 'kube', dn: 'uni/tn-kube' }, [mo('fvBD', { name: 'kube-pod-bd', arpFlood: 'no' })]),
    });
    const change = plan.changes.find((c) => c.action === 'update')!;
    expect(change).toEqual({
      dn: 'uni/tn-kube/BD-kube-pod-bd',
      className: 'fvBD',
      action: 'update',
      attributes: { arpFlood: { current: 'yes', desired: 'no' } },
    });
    expect(renderPlanText(plan)).toContain('arpFlood: "yes" -> "no"');
  });

  it('never compares write-only properties, and replaces a class that cannot be modified when it differs', async () => {
    const apic = fabric();
    await applyPlan(apic, await planChanges(apic, desired()));
    // The APIC never reports pwd back; that alone is no change.
    expect((await planChanges(apic, desired(), { replaceOnChange: ['aaaUser'] })).summary.requests).toBe(0);
    const plan = await planChanges(apic, desired({ certData: 'CERT-2' }), { replaceOnChange: ['aaaUser'] });
    expect(plan.batches.map((b) => b.requests.map((r) => `${r.method} ${r.dn}`))).toEqual([
      ['DELETE uni/userext/user-kube', 'POST uni/userext/user-kube'],
    ]);
    const body = plan.batches[0].requests[1].body!;
    expect(body.attributes['pwd']).toBe('NotRandom!');
    expect(body.children.map((c) => c.className)).toEqual(['aaaUserDomain', 'aaaUserCert']);
    expect(plan.summary.replace).toBe(1);
    await applyPlan(apic, plan);
    expect((await apic.read('uni/userext/user-kube/usercert-kube.crt', 'full'))!.attributes['data']).toBe('CERT-2');
  });

  it('computes the same plan from injected state', () => {
    const state = new Map<string, ManagedObject | undefined>([
      ['uni/tn-kube', mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: 'someone-else' })],
    ]);
    const plan = computePlan([desired()[2]], state);
    expect(plan.changes[0]).toMatchObject({ action: 'update', attributes: { annotation: { current: 'someone-else', desired: ANN } } });
    expect(plan.batches[0].requests[0].body!.children.map((c) => c.className)).toEqual(['fvBD', 'fvAp']);
    const json = planToJson(plan) as { requests: Array<{ path: string; body: Record<string, unknown> }> };
    expect(json.requests[0].path).toBe('/api/mo/uni/tn-kube.json');
    expect(Object.keys(json.requests[0].body)).toEqual(['fvTenant']);
  });

  it('reads from an in-memory state reader', async () => {
    const reader = memoryStateReader([mo('fvTenant', { dn: 'uni/tn-kube', name: 'kube', annotation: ANN })]);
    const plan = await planChanges(reader, [desired()[2]]);
    expect(plan.changes[0].action).toBe('unchanged');
    expect(plan.summary.create).toBe(4);
  });
});

describe('reading the current state', () => {
  it("reads a shared container's (tenant common) desired children directly, in the same round as other roots read whole", async () => {
    const apic = fabric();
    const reads: string[] = [];
    const spy = { read: (dn: string, depth: 'children' | 'full') => (reads.push(`${depth} ${dn}`), apic.read(dn, depth)) };
    await planChanges(spy, desired().slice(1, 3));
    // Not the whole of tenant common (everything else the fabric keeps there), nor its listing.
    expect(reads.sort()).toEqual(['full uni/tn-common/flt-kube-allow-all-filter', 'full uni/tn-kube']);
    await applyPlan(apic, await planChanges(apic, desired()));
    reads.length = 0;
    const plan = await planChanges(spy, desired().slice(1, 2));
    expect(reads.sort()).toEqual(['full uni/tn-common/flt-kube-allow-all-filter']);
    expect(plan.summary).toMatchObject({ requests: 0, unchanged: 3 });
  });

  it('keeps at most `concurrency` reads in flight, containers included', async () => {
    let running = 0;
    let peak = 0;
    const reader = {
      read: async (dn: string, depth: 'children' | 'full') => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setImmediate(r));
        running--;
        return depth === 'children' && dn === 'uni/tn-common'
          ? mo(
              'fvTenant',
              { dn, name: 'common' },
              Array.from({ length: 8 }, (_, i) => mo('vzFilter', { name: `f${i}` })),
            )
          : undefined;
      },
    };
    const common = mo(
      'fvTenant',
      { dn: 'uni/tn-common', name: 'common' },
      Array.from({ length: 8 }, (_, i) => mo('vzFilter', { name: `f${i}`, annotation: ANN })),
    );
    const tenants = Array.from({ length: 8 }, (_, i) => mo('fvTenant', { dn: `uni/tn-t${i}`, name: `t${i}`, annotation: ANN }));
    await planChanges(reader, [common, ...tenants], { concurrency: 3 });
    expect(peak).toBe(3);
  });

  it('compares multi-valued properties as sets', () => {
    const current = new Map([
      [
        'uni/tn-kube/BD-b/subnet-[10.2.0.1/16]',
        mo('fvSubnet', { dn: 'uni/tn-kube/BD-b/subnet-[10.2.0.1/16]', ip: '10.2.0.1/16', scope: 'shared,public' }),
      ],
    ]);
    const want = [mo('fvSubnet', { dn: 'uni/tn-kube/BD-b/subnet-[10.2.0.1/16]', ip: '10.2.0.1/16', scope: 'public,shared' })];
    expect(computePlan(want, current).summary.requests).toBe(0);
    const other = [mo('fvSubnet', { dn: 'uni/tn-kube/BD-b/subnet-[10.2.0.1/16]', ip: '10.2.0.1/16', scope: 'private' })];
    expect(computePlan(other, current).summary.update).toBe(1);
  });
});

describe('apply', () => {
  it('reports progress as sent / total and applies ancestors before descendants', async () => {
    const apic = fabric();
    const plan = await planChanges(apic, desired());
    const progress: string[] = [];
    const summary = await applyPlan(apic, plan, { onProgress: (p) => progress.push(`${p.sent}/${p.total}`) });
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(summary).toMatchObject({ sent: 5, total: 5, posts: 5, deletes: 0 });
    const order = apic.writes.map((w) => w.dn);
    expect(order.indexOf('uni/tn-common')).toBeLessThan(order.indexOf('uni/tn-common/out-l3out/instP-default'));
    expect(renderApplySummary(summary)).toMatch(/5 of 5 requests sent/);
  });

  it('runs independent roots in parallel, within the bound', async () => {
    let running = 0;
    let peak = 0;
    const batches = Array.from({ length: 10 }, (_, i) => ({ root: `uni/tn-t${i}`, after: [], requests: [] }));
    await runBatches(batches, 3, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
    });
    expect(peak).toBe(3);
  });

  it('stops at a failure with an ApicError, and the next run completes what is left', async () => {
    const apic = fabric();
    const full = fabric();
    await applyPlan(full, await planChanges(full, desired()));
    apic.failFrom = 2;
    const err = await applyPlan(apic, await planChanges(apic, desired()), { concurrency: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApicError);
    expect(apic.writes.length).toBe(2);
    apic.failFrom = undefined;
    const rest = await planChanges(apic, desired());
    expect(rest.summary.requests).toBe(3);
    await applyPlan(apic, rest);
    expect(apic.snapshot()).toEqual(full.snapshot());
  });
});

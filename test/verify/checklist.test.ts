// The comparison and the checklist on in-memory state: the APIC's copy is the
// desired tree itself, then changed the way a fabric drifts.
import { describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../src/aci/types.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import type { DesiredMo } from '../../src/provision/desired/types.js';
import { allObjects } from '../../src/provision/desired/requests.js';
import { memoryStateReader, type StateReader } from '../../src/provision/engine/state.js';
import { buildChecklist, type CheckLine, type Checklist } from '../../src/verify/checklist.js';
import { compareObject } from '../../src/verify/compare.js';
import { sameValue } from '../../src/aci/values.js';
import { readApicState } from '../../src/verify/read.js';
import { clusterConfig } from './support.js';

const config = clusterConfig();
const state = buildDesiredState(config);
const TENANT = 'uni/tn-mycluster';
const AP = `${TENANT}/ap-aci-containers-mycluster`;
const POD_BD = `${TENANT}/BD-aci-containers-mycluster-pod-bd`;

/** The desired tree as an APIC would hold it: plain objects, roots carrying their DN. */
function fabric(): ManagedObject[] {
  const copy = (m: DesiredMo): ManagedObject => ({
    className: m.className,
    attributes: { ...m.attributes },
    children: m.children.map(copy),
  });
  return state.root.children.map((r) => {
    const mo = copy(r);
    mo.attributes['dn'] = r.dn;
    return mo;
  });
}

/** The object at a DN inside the fabric copy (which keeps the desired tree's child order), with its parent. */
function find(roots: ManagedObject[], dn: string): { mo: ManagedObject; parent: ManagedObject } {
  const top: ManagedObject = { className: 'topRoot', attributes: {}, children: roots };
  const walk = (d: DesiredMo, m: ManagedObject): { mo: ManagedObject; parent: ManagedObject } | undefined => {
    for (let i = 0; i < d.children.length; i++) {
      const dc = d.children[i];
      const mc = m.children[i];
      if (dc.dn === dn) return { mo: mc, parent: m };
      const found = walk(dc, mc);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(state.root, top);
  if (!found) throw new Error(`not in the desired tree: ${dn}`);
  return found;
}

function remove(roots: ManagedObject[], dn: string): void {
  const { mo, parent } = find(roots, dn);
  parent.children.splice(parent.children.indexOf(mo), 1);
}

async function check(roots: ManagedObject[], opts: { ignore?: Set<string> } = {}): Promise<Checklist> {
  const snapshot = await readApicState(memoryStateReader(roots), state);
  return buildChecklist(state, snapshot, opts);
}

function line(c: Checklist, dn: string): CheckLine {
  const l = c.groups.flatMap((g) => g.checks).find((x) => x.dn === dn);
  if (!l) throw new Error(`no line for ${dn}`);
  return l;
}

describe('verify checklist (in memory)', () => {
  it('passes when the APIC holds the desired tree; every desired object is counted once', async () => {
    const c = await check(fabric());
    expect(c.ok).toBe(true);
    const shown = allObjects(state).filter(
      (m) =>
        !['polUni', 'infraInfra', 'aaaUserEp', 'vmmProvP', 'compUni', 'compProv', 'compCtrlr', 'vmmInjectedCont'].includes(m.className),
    );
    expect(c.summary.objects).toBe(shown.length);
  });

  it('reports a changed attribute on the line of its object', async () => {
    const roots = fabric();
    find(roots, `${TENANT}/BD-aci-containers-mycluster-node-bd`).mo.attributes['arpFlood'] = 'no';
    const c = await check(roots);
    expect(c.ok).toBe(false);
    expect(line(c, `${TENANT}/BD-aci-containers-mycluster-node-bd`).problems).toMatchObject([
      { kind: 'attribute', attribute: 'arpFlood', actual: 'no', expected: 'yes' },
    ]);
    expect(c.summary.failed).toBe(1);
  });

  it('shows a missing relation under its EPG, naming the relation', async () => {
    const roots = fabric();
    const rsbd = `${AP}/epg-aci-containers-system/rsbd`;
    remove(roots, rsbd);
    const l = line(await check(roots), `${AP}/epg-aci-containers-system`);
    expect(l.status).toBe('fail');
    expect(l.problems).toEqual([{ dn: rsbd, className: 'fvRsBd', kind: 'missing', message: 'missing' }]);
  });

  it('says once that a whole tenant is missing: each line under it points at the tenant, folded objects say nothing', async () => {
    const roots = fabric();
    remove(roots, TENANT);
    const c = await check(roots);
    expect(line(c, TENANT).problems).toEqual([{ dn: TENANT, className: 'fvTenant', kind: 'missing', message: 'missing' }]);
    const epg = line(c, `${AP}/epg-web`);
    expect(epg.problems).toEqual([
      { dn: `${AP}/epg-web`, className: 'fvAEPg', kind: 'missing', missingAncestor: TENANT, message: `missing (${TENANT} is missing)` },
    ]);
    // Outside the tenant all is well.
    expect(line(c, 'uni/phys-mycluster-pdom').status).toBe('pass');
  });

  it('reports a relation the APIC could not resolve', async () => {
    const roots = fabric();
    const rsctx = find(roots, `${POD_BD}/rsctx`).mo;
    Object.assign(rsctx.attributes, { tDn: 'uni/tn-mycluster/ctx-my-vrf', state: 'missing-target' });
    expect(line(await check(roots), `${POD_BD}/rsctx`).problems).toEqual([
      {
        dn: `${POD_BD}/rsctx`,
        className: 'fvRsCtx',
        kind: 'unresolved',
        target: 'uni/tn-mycluster/ctx-my-vrf',
        state: 'missing-target',
        message: 'relation unresolved: target uni/tn-mycluster/ctx-my-vrf (state missing-target)',
      },
    ]);
    find(roots, `${POD_BD}/rsctx`).mo.attributes['state'] = 'formed';
    expect(line(await check(roots), `${POD_BD}/rsctx`).status).toBe('pass');
  });

  it('never compares nor shows the write-only password and the private key', async () => {
    const roots = fabric();
    find(roots, 'uni/userext/user-mycluster').mo.attributes['pwd'] = '';
    const details = find(roots, 'comp/prov-Kubernetes/ctrlr-[mycluster]-mycluster/injcont/info').mo.children[0];
    details.attributes['userKey'] = 'APIC-SIDE-KEY';
    details.attributes['accProvisionInput'] = 'rewritten by the controller';
    const c = await check(roots);
    expect(c.ok).toBe(true);
    expect(JSON.stringify(c)).not.toContain('Secret-1');
  });

  it('ignores attributes it is told it cannot know (a certificate without its file)', async () => {
    const roots = fabric();
    find(roots, 'uni/userext/user-mycluster/usercert-mycluster.crt').mo.attributes['data'] = 'OTHER';
    expect((await check(roots)).ok).toBe(false);
    expect((await check(roots, { ignore: new Set(['aaaUserCert.data']) })).ok).toBe(true);
  });

  it('reads one subtree per posted root, and a context object only when nothing under it was found', async () => {
    const roots = fabric();
    const reads: string[] = [];
    const inner = memoryStateReader(roots);
    const reader: StateReader = { read: (dn, depth) => (reads.push(`${depth} ${dn}`), inner.read(dn, depth)) };
    await readApicState(reader, state);
    expect(reads.every((r) => r.startsWith('full '))).toBe(true);
    expect(reads).toContain(`full ${TENANT}`);
    expect(reads).toContain('full uni/tn-common/out-my-l3out/instP-ext/rsprov-mycluster-l3out-allow-all');
    expect(reads.some((r) => r.includes(`${TENANT}/`))).toBe(false);

    remove(roots, 'uni/tn-common/out-my-l3out');
    const reads2: string[] = [];
    const inner2 = memoryStateReader(roots);
    const snap = await readApicState({ read: (dn, depth) => (reads2.push(`${depth} ${dn}`), inner2.read(dn, depth)) }, state);
    expect(reads2).toContain('children uni/tn-common/out-my-l3out');
    expect(reads2).not.toContain('children uni/tn-common/out-my-l3out/instP-ext');
    expect(snap.objects.has('uni/tn-common')).toBe(true);
    const c = buildChecklist(state, snap);
    expect(line(c, 'uni/tn-common/out-my-l3out').problems[0].message).toBe('missing');
    expect(line(c, 'uni/tn-common/out-my-l3out/instP-ext').problems[0].message).toBe('missing (uni/tn-common/out-my-l3out is missing)');
  });
});

describe('APIC value normalisation', () => {
  it('treats the names the APIC gives well-known ports and protocols as their numbers', () => {
    expect(sameValue('vzEntry', 'dFromPort', 'dns', '53')).toBe(true);
    expect(sameValue('vzEntry', 'dToPort', '53', 'dns')).toBe(true);
    expect(sameValue('vzEntry', 'dFromPort', 'https', '6443')).toBe(false);
    expect(sameValue('vzEntry', 'prot', 'tcp', '6')).toBe(true);
    expect(sameValue('fvBD', 'arpFlood', 'no', 'yes')).toBe(false);
  });

  it('compares flag lists as sets, texts without line-ending differences, and a missing property as empty', () => {
    expect(sameValue('ndPfxPol', 'ctrl', 'router-address,on-link', 'on-link,router-address')).toBe(true);
    expect(sameValue('aaaUserCert', 'data', '-----BEGIN X-----\r\nAB\r\n-----END X-----', '-----BEGIN X-----\nAB\n-----END X-----\n')).toBe(
      true,
    );
    expect(sameValue('vzEntry', 'tcpRules', undefined, '')).toBe(true);
    expect(sameValue('vzEntry', 'tcpRules', undefined, 'est')).toBe(false);
  });

  it('summarises long values instead of printing them whole', () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\n-----END CERTIFICATE-----\n`;
    const [p] = compareObject(
      {
        dn: 'uni/userext/user-u/usercert-u.crt',
        className: 'aaaUserCert',
        attributes: { data: pem },
        owner: 'cluster',
        existenceOnly: false,
      },
      { className: 'aaaUserCert', attributes: { data: 'x' }, children: [] },
    );
    expect(p.message).toBe(`data is "x", expected "-----BEGIN CERTIFICATE-----..." (${pem.length} characters)`);
  });
});

describe('verify checklist layout', () => {
  it('puts the L3Out contract under "L3Out contracts" also when the VRF is in the cluster tenant', async () => {
    const own = buildDesiredState(
      clusterConfig((c) => (c.aci_config.vrf = { name: 'my-vrf', tenant: 'mycluster', dn: 'uni/tn-mycluster/ctx-my-vrf' })),
    );
    const roots = own.root.children.map((r) => {
      const copy = (m: DesiredMo): ManagedObject => ({
        className: m.className,
        attributes: { ...m.attributes },
        children: m.children.map(copy),
      });
      const mo = copy(r);
      mo.attributes['dn'] = r.dn;
      return mo;
    });
    const c = buildChecklist(own, await readApicState(memoryStateReader(roots), own));
    const l3out = c.groups.find((g) => g.id === 'l3out')!.checks.map((x) => x.dn);
    expect(l3out).toEqual([
      'uni/tn-mycluster/flt-mycluster-allow-all-filter',
      'uni/tn-mycluster/brc-mycluster-l3out-allow-all',
      'uni/tn-mycluster/out-my-l3out',
      'uni/tn-mycluster/out-my-l3out/instP-ext',
      'uni/tn-mycluster/out-my-l3out/instP-ext/rsprov-mycluster-l3out-allow-all',
    ]);
    const contracts = c.groups.find((g) => g.id === 'contracts')!.checks.map((x) => x.dn);
    expect(contracts).not.toContain('uni/tn-mycluster/brc-mycluster-l3out-allow-all');
  });

  it('lists the VMM domain before its controller, pools, AEP binding and registration', async () => {
    const c = await check(fabric());
    expect(c.groups.find((g) => g.id === 'vmm-domain')!.checks.map((x) => x.title)).toEqual([
      'VMM domain mycluster',
      'VMM controller mycluster',
      'VLAN pool mycluster-vpool',
      'Multicast address pool mycluster-mpool',
      'AEP binding my-aep -> uni/vmmp-Kubernetes/dom-mycluster',
      'Cluster registration',
    ]);
    expect(c.groups.find((g) => g.id === 'physical-domain')!.checks.map((x) => x.title)).toEqual([
      'Physical domain mycluster-pdom',
      'VLAN pool mycluster-pool',
      'AEP binding my-aep -> uni/phys-mycluster-pdom',
    ]);
  });
});

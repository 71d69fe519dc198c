// verify against apic-sim over HTTPS: it passes after provisioning, and names
// what an operator breaks through the API afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { apicStateReader } from '../../src/provision/engine/state.js';
import type { Config } from '../../src/config/types.js';
import { formatVerifyJson, formatVerifyText, verifyCluster } from '../../src/verify/index.js';
import type { CheckLine } from '../../src/verify/checklist.js';
import { clusterConfig, provisionedSim, type ProvisionedSim } from './support.js';

const config = clusterConfig();
const TENANT = 'uni/tn-mycluster';
const AP = `${TENANT}/ap-aci-containers-mycluster`;
const NODE_BD = `${TENANT}/BD-aci-containers-mycluster-node-bd`;

let env: ProvisionedSim | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

async function verify(cfg: Config = config) {
  return verifyCluster({ config: cfg, reader: apicStateReader(env!.client), inventory: env!.client, apic: env!.sim.url });
}

function line(report: Awaited<ReturnType<typeof verify>>, dn: string): CheckLine {
  const found = report.checklist.groups.flatMap((g) => g.checks).find((c) => c.dn === dn);
  if (!found) throw new Error(`no line for ${dn}`);
  return found;
}

describe('verify against apic-sim', () => {
  it('passes after provisioning, in the guide order, reading one subtree per posted root', async () => {
    env = await provisionedSim(config);
    const r = await verify();
    expect(r.ok).toBe(true);
    expect(r.checklist.summary.failed).toBe(0);
    expect(r.checklist.groups.map((g) => g.id)).toEqual([
      'tenant',
      'epgs',
      'bridge-domains',
      'vmm-domain',
      'physical-domain',
      'contracts',
      'l3out',
      'user',
      'fabric',
    ]);
    const epgs = r.checklist.groups.find((g) => g.id === 'epgs')!.checks.map((c) => c.title);
    expect(epgs).toEqual([
      'Application profile aci-containers-mycluster',
      'EPG aci-containers-default',
      'EPG aci-containers-system',
      'EPG aci-containers-nodes',
      'EPG aci-containers-istio',
      'EPG web',
    ]);
    // 13 reads of the desired tree + 2 for the running cluster's information; not one per object.
    expect(r.requests).toBeLessThanOrEqual(16);
    expect(r.checklist.summary.objects).toBeGreaterThan(100);
    const text = formatVerifyText(r);
    expect(text).toMatch(/^OK: all \d+ checks passed/m);
    expect(text).toContain('INFO  VMM inventory: no nodes or namespaces reported');
  });

  it('fails naming the DN of an EPG deleted through the API', async () => {
    env = await provisionedSim(config);
    const epg = `${AP}/epg-aci-containers-default`;
    await env.client.delete(epg);
    const r = await verify();
    expect(r.ok).toBe(false);
    const l = line(r, epg);
    expect(l.status).toBe('fail');
    expect(l.problems).toEqual([{ dn: epg, className: 'fvAEPg', kind: 'missing', message: 'missing' }]);
    // Only that EPG: everything else still passes.
    expect(r.checklist.summary.failed).toBe(1);
    expect(formatVerifyText(r)).toMatch(new RegExp(`FAIL  EPG aci-containers-default +${epg.replace(/[[\]/.]/g, '\\$&')}\n +missing\n`));
  });

  it('reports an attribute changed on the APIC (the node BD floods ARP no more)', async () => {
    env = await provisionedSim(config);
    await env.client.post(NODE_BD, { className: 'fvBD', attributes: { arpFlood: 'no' }, children: [] });
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(line(r, NODE_BD).problems).toEqual([
      {
        dn: NODE_BD,
        className: 'fvBD',
        kind: 'attribute',
        attribute: 'arpFlood',
        actual: 'no',
        expected: 'yes',
        message: 'arpFlood is "no", expected "yes"',
      },
    ]);
    expect(formatVerifyText(r)).toContain('arpFlood is "no", expected "yes"');
  });

  it('reports a relation whose target is gone as unresolved (the VRF deleted from tenant common)', async () => {
    env = await provisionedSim(config);
    await env.client.delete('uni/tn-common/ctx-my-vrf');
    const r = await verify();
    expect(r.ok).toBe(false);
    const vrf = line(r, `${NODE_BD}/rsctx`);
    expect(vrf.title).toBe('VRF my-vrf');
    expect(vrf.problems).toHaveLength(1);
    expect(vrf.problems[0]).toMatchObject({ kind: 'unresolved', state: 'missing-target' });
    expect(vrf.problems[0].message).toMatch(/^relation unresolved: target \S*ctx-my-vrf \(state missing-target\)$/);
  });

  it('folds a missing contract relation into its EPG line, and a deleted contract leaves the relation unresolved', async () => {
    env = await provisionedSim(config);
    const rscons = `${AP}/epg-web/rscons-aci-containers-mycluster-dns`;
    await env.client.delete(rscons);
    await env.client.delete(`${TENANT}/brc-aci-containers-mycluster-icmp`);
    const r = await verify();
    const web = line(r, `${AP}/epg-web`);
    expect(web.problems.find((p) => p.dn === rscons)).toMatchObject({ kind: 'missing', className: 'fvRsCons' });
    expect(web.problems.find((p) => p.dn.endsWith('rscons-aci-containers-mycluster-icmp'))).toMatchObject({ kind: 'unresolved' });
    expect(line(r, `${TENANT}/brc-aci-containers-mycluster-icmp`).problems[0].kind).toBe('missing');
    expect(formatVerifyText(r)).toContain(`        ${rscons}: missing`);
  });

  it('fails the VMM domain group when the domain is deleted, and still reports on the (now absent) inventory', async () => {
    env = await provisionedSim(config);
    const dom = 'uni/vmmp-Kubernetes/dom-mycluster';
    await env.client.delete(dom);
    const r = await verify();
    expect(r.ok).toBe(false);
    const vmm = r.checklist.groups.find((g) => g.id === 'vmm-domain')!;
    expect(vmm.checks.find((c) => c.dn === dom)!.problems).toMatchObject([{ kind: 'missing' }]);
    expect(vmm.checks.find((c) => c.dn === `${dom}/ctrlr-mycluster`)!.problems).toMatchObject([{ kind: 'missing', missingAncestor: dom }]);
    // The AEP still points at it: the binding is there but resolves to nothing.
    expect(vmm.checks.find((c) => c.title.startsWith('AEP binding'))!.problems).toMatchObject([{ kind: 'unresolved', target: dom }]);
    // Every EPG's domain attachment is now unresolved too.
    expect(line(r, `${AP}/epg-web`).problems).toMatchObject([{ kind: 'unresolved', target: dom }]);
    expect(r.info.find((i) => i.id === 'vmm-inventory')!.nodes).toEqual([]);
  });

  it('reports the running cluster: nodes, namespaces and the L4-L7 objects of its load-balanced services', async () => {
    env = await provisionedSim(config);
    const injcont = 'comp/prov-Kubernetes/ctrlr-[mycluster]-mycluster/injcont';
    await env.client.post(injcont, {
      className: 'vmmInjectedCont',
      attributes: {},
      children: [
        { className: 'vmmInjectedHost', attributes: { name: 'node-1' }, children: [] },
        { className: 'vmmInjectedHost', attributes: { name: 'node-2' }, children: [] },
        { className: 'vmmInjectedNs', attributes: { name: 'kube-system' }, children: [] },
      ],
    });
    const graph = 'uni/tn-common/AbsGraph-mycluster_svc_global';
    await env.client.post('uni/tn-common', {
      className: 'fvTenant',
      attributes: { name: 'common' },
      children: [
        { className: 'vnsAbsGraph', attributes: { name: 'mycluster_svc_global' }, children: [] },
        { className: 'vnsLDevVip', attributes: { name: 'mycluster_svc_global' }, children: [] },
      ],
    });
    const r = await verify();
    expect(r.ok).toBe(true);
    const inv = r.info.find((i) => i.id === 'vmm-inventory')!;
    expect(inv).toMatchObject({ nodes: ['node-1', 'node-2'], namespaces: ['kube-system'] });
    const svc = r.info.find((i) => i.id === 'service-graphs')!;
    expect(svc).toMatchObject({ graphTemplate: { dn: graph, present: true }, device: { present: true }, instances: [] });
    expect(formatVerifyText(r)).toContain('2 nodes (node-1, node-2), 1 namespace (kube-system)');
  });

  it('gives scripts one JSON document: verdict, summary, groups of checks with problems, information', async () => {
    env = await provisionedSim(config);
    await env.client.post(NODE_BD, { className: 'fvBD', attributes: { arpFlood: 'no' }, children: [] });
    const doc = JSON.parse(formatVerifyJson(await verify()));
    expect(Object.keys(doc)).toEqual(['ok', 'apic', 'systemId', 'tenant', 'summary', 'notes', 'groups', 'info']);
    expect(doc.ok).toBe(false);
    expect(doc.summary).toMatchObject({ failed: 1, passed: doc.summary.checks - 1 });
    expect(typeof doc.summary.requests).toBe('number');
    const bd = doc.groups.find((g: any) => g.id === 'bridge-domains');
    expect(bd.title).toBe('Bridge domains, subnets and VRF');
    const check = bd.checks.find((c: any) => c.dn === NODE_BD);
    expect(check).toMatchObject({ title: 'Bridge domain aci-containers-mycluster-node-bd', className: 'fvBD', status: 'fail' });
    expect(check.problems[0]).toMatchObject({ kind: 'attribute', attribute: 'arpFlood', actual: 'no', expected: 'yes' });
    expect(doc.info.map((i: any) => i.id)).toEqual(['vmm-inventory', 'service-graphs']);
  });
});

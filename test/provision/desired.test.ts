import { describe, expect, it } from 'vitest';
import { classOfDn, parentDn } from '../../src/aci/dn.js';
import { classInfo } from '../../src/aci/classes.js';
import { buildDesiredState, CLUSTER_ANNOTATION } from '../../src/provision/desired/index.js';
import { allObjects, postRequests, removalTargets, verifyChecks } from '../../src/provision/desired/requests.js';
import { smallClusterConfig } from './fixtures/small-cluster.js';

const state = buildDesiredState(smallClusterConfig());
const byDn = new Map(allObjects(state).map((m) => [m.dn, m]));
const requests = postRequests(state);

describe('desired tree', () => {
  it('names every object with a DN the class table resolves to its class', () => {
    for (const m of allObjects(state)) {
      expect(classOfDn(m.dn), m.dn).toBe(m.className);
      for (const k of Object.keys(m.attributes)) {
        if (['dn', 'rn', 'status', 'annotation', 'userdom'].includes(k)) continue;
        expect(classInfo(m.className)!.props, `${m.className}.${k}`).toContain(k);
      }
    }
  });

  it('sends every non-context object in exactly one request', () => {
    const carried = new Map<string, number>();
    const count = (w: Record<string, { attributes?: Record<string, string>; children?: unknown[] }>, dn: string) => {
      for (const [cls, b] of Object.entries(w)) {
        const obj = [...byDn.values()].find((m) => m.dn === dn && m.className === cls);
        if (obj && !obj.context) carried.set(dn, (carried.get(dn) ?? 0) + 1);
        for (const c of (b.children ?? []) as Array<Record<string, { attributes: Record<string, string> }>>) {
          const [[ccls, cb]] = Object.entries(c) as [[string, { attributes: Record<string, string> }]];
          const child = [...byDn.values()].find(
            (m) => parentDn(m.dn) === dn && m.className === ccls && JSON.stringify(m.attributes) === JSON.stringify(cb.attributes),
          );
          expect(child, `child ${ccls} of ${dn}`).toBeDefined();
          count(c, child!.dn);
        }
      }
    };
    for (const r of requests) {
      const [[cls, b]] = Object.entries(r.body);
      const rootDn = r.objects[0].post!.wrap === 1 ? parentDn(r.objects[0].dn)! : r.objects[0].dn;
      expect(byDn.get(rootDn)?.className ?? cls).toBe(cls);
      count({ [cls]: b } as never, rootDn);
    }
    for (const m of allObjects(state)) {
      if (m.context) continue;
      // A wrapped request repeats its parent as an envelope; count objects posted by their own request once.
      expect(carried.get(m.dn), m.dn).toBeGreaterThanOrEqual(1);
    }
  });

  it('posts the cluster tenant whole, with its VRF-tenant L3Out objects in a request of their own', () => {
    const tenantPosts = requests.filter((r) => r.path === '/api/mo/uni/tn-mycluster.json');
    expect(tenantPosts).toHaveLength(2);
    const l3 = tenantPosts.find((r) => r.objects.some((o) => o.className === 'vzFilter'))!;
    expect((l3.body.fvTenant.children ?? []).map((c) => Object.keys(c)[0])).toEqual(['vzFilter', 'vzBrCP']);
    const main = tenantPosts.find((r) => r !== l3)!;
    expect(main.body.fvTenant.attributes).toEqual({ name: 'mycluster', dn: 'uni/tn-mycluster', annotation: CLUSTER_ANNOTATION });
    expect(JSON.stringify(main.body)).not.toContain('mycluster-allow-all-filter');
    expect(JSON.stringify(main.body)).not.toContain('l3extOut');
  });

  it('uses the current naming convention', () => {
    expect(byDn.has('uni/tn-mycluster/ap-aci-containers-mycluster/epg-aci-containers-nodes')).toBe(true);
    expect(byDn.has('uni/tn-mycluster/BD-aci-containers-mycluster-pod-bd')).toBe(true);
    expect(byDn.has('uni/tn-mycluster/brc-aci-containers-mycluster-api')).toBe(true);
    expect(byDn.get('uni/tn-mycluster/ap-aci-containers-mycluster/epg-web')?.children.map((c) => c.dn.split('/').pop())).toContain(
      'rscons-aci-containers-mycluster-prometheus-opflex-agent',
    );
  });

  it('adds the dynamic VLAN pool for VLAN encapsulation and binds it to the VMM domain', () => {
    expect(byDn.get('uni/infra/vlanns-[mycluster-vpool]-dynamic')?.children[0]?.attributes).toMatchObject({
      from: 'vlan-100',
      to: 'vlan-199',
    });
    expect(byDn.get('uni/vmmp-Kubernetes/dom-mycluster/rsvlanNs')?.attributes.tDn).toBe('uni/infra/vlanns-[mycluster-vpool]-dynamic');
  });

  it('gives IPv6 pod subnets the ND policy', () => {
    const sn = byDn.get('uni/tn-mycluster/BD-aci-containers-mycluster-pod-bd/subnet-[fd00:2::1/64]')!;
    expect(sn.attributes.ctrl).toBe('nd');
    expect(sn.children[0]?.attributes.tnNdPfxPolName).toBe('aci-containers-mycluster-nd-ra-policy');
    expect(byDn.has('uni/tn-mycluster/ndpfxpol-aci-containers-mycluster-nd-ra-policy')).toBe(true);
  });

  it('uses the leaf OpFlex settings and reports the cluster from APIC 5.2(3)', () => {
    const set = byDn.get('uni/infra/settings')!;
    expect(set.attributes).toMatchObject({ leafOpflexpAuthenticateClients: 'no', leafOpflexpUseSsl: 'yes' });
    const info = byDn.get('comp/prov-Kubernetes/ctrlr-[mycluster]-mycluster/injcont/info')!;
    expect(info.attributes.annotation).toBeUndefined();
    expect(info.children[0]?.attributes.userCert).toBe('CERT\n');
    const old = buildDesiredState(smallClusterConfig((c) => (c.aci_config.apic_version = '4.2')));
    const oldObjs = new Map(allObjects(old).map((m) => [m.dn, m]));
    expect(oldObjs.get('uni/infra/settings')?.attributes.opflexpUseSsl).toBe('yes');
    expect([...oldObjs.keys()].some((d) => d.startsWith('comp/'))).toBe(false);
  });

  it('never annotates a pre-existing tenant nor removes it, but removes what the cluster put in it', () => {
    const pre = buildDesiredState(
      smallClusterConfig((c) => {
        c.aci_config.use_pre_existing_tenant = true;
        c.aci_config.cluster_tenant = 'theirs';
        c.aci_config.vrf.tenant = 'common';
      }),
    );
    const tn = allObjects(pre).find((m) => m.dn === 'uni/tn-theirs')!;
    expect(tn.attributes.annotation).toBeUndefined();
    expect(tn.owner).toBe('shared');
    const targets = removalTargets(pre);
    expect(targets.some((t) => t.dn === 'uni/tn-theirs')).toBe(false);
    expect(targets).toContainEqual({ dn: 'uni/tn-theirs/ap-aci-containers-mycluster', className: 'fvAp', ifAnnotated: true });
  });
});

describe('removal targets', () => {
  const targets = removalTargets(state);
  const dns = targets.map((t) => t.dn);
  it('removes what the cluster owns', () => {
    for (const dn of [
      'uni/infra/vlanns-[mycluster-pool]-static',
      'uni/infra/vlanns-[mycluster-vpool]-dynamic',
      'uni/infra/maddrns-mycluster-mpool',
      'uni/vmmp-Kubernetes/dom-mycluster',
      'uni/phys-mycluster-pdom',
      'uni/infra/attentp-my-aep/rsdomP-[uni/vmmp-Kubernetes/dom-mycluster]',
      'uni/infra/attentp-my-aep/gen-default/rsfuncToEpg-[uni/tn-mycluster/ap-aci-containers-mycluster/epg-aci-containers-nodes]',
      'uni/tn-mycluster/out-my-l3out/instP-ext/rsprov-mycluster-l3out-allow-all',
      'uni/userext/user-mycluster',
      'uni/tn-mycluster',
    ]) {
      expect(dns, dn).toContain(dn);
    }
    expect(targets.find((t) => t.dn === 'uni/tn-mycluster')?.ifAnnotated).toBe(true);
  });
  it('keeps what is shared', () => {
    for (const dn of [
      'uni',
      'uni/infra',
      'uni/infra/attentp-my-aep',
      'uni/infra/attentp-my-aep/provacc',
      'uni/infra/settings',
      'uni/tn-mycluster/out-my-l3out',
    ]) {
      expect(dns, dn).not.toContain(dn);
    }
  });
  it('removes children before their parents', () => {
    const idx = (d: string) => dns.indexOf(d);
    expect(idx('uni/tn-mycluster/ap-aci-containers-mycluster')).toBeLessThan(idx('uni/tn-mycluster'));
  });
});

describe('verify checks', () => {
  it('has one check per object, context objects checked for existence only', () => {
    const checks = verifyChecks(state);
    expect(checks).toHaveLength(allObjects(state).length);
    expect(checks.find((c) => c.dn === 'uni/tn-mycluster/out-my-l3out')?.existenceOnly).toBe(true);
    const bd = checks.find((c) => c.dn === 'uni/tn-mycluster/BD-aci-containers-mycluster-node-bd')!;
    expect(bd).toMatchObject({ existenceOnly: false, owner: 'cluster' });
    expect(bd.attributes).toMatchObject({ arpFlood: 'yes', annotation: CLUSTER_ANNOTATION });
  });
});

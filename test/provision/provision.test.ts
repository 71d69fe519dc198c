// The pieces of provision.ts and prerequisites.ts that need no APIC: desired
// roots from the tree, inventory ordering, secrets masked in printed plans,
// prerequisite checks against a reader.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentDn, resolveDn } from '../../src/aci/dn.js';
import { describe, expect, it } from 'vitest';
import type { ManagedObject } from '../../src/aci/types.js';
import type { Config } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { memoryStateReader } from '../../src/provision/engine/state.js';
import { computePlan, planToJson, renderPlanText } from '../../src/provision/plan.js';
import { checkPrerequisites, discoverNestedVlanPool, requirements } from '../../src/provision/prerequisites.js';
import { desiredRoots, inventoryLast, planProvision, redactPlan, type ProvisionApic } from '../../src/provision/provision.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const mo = (className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject => ({
  className,
  attributes,
  children,
});

function nestedConfig(): Config {
  return JSON.parse(readFileSync(join(FIXTURES, 'nested-second-portgroup.config.json'), 'utf8')) as Config;
}

describe('desired roots', () => {
  it("come from the tree's requests, each located at its DN, the user and its certificate as one object", () => {
    const config = nestedConfig();
    config.aci_config.sync_login.cert_data = 'CERT\n';
    const roots = desiredRoots(buildDesiredState(config));
    const dns = roots.map((r) => r.attributes['dn']);
    expect(dns).toContain(`uni/tn-${config.aci_config.cluster_tenant}`);
    expect(dns).toContain(`uni/infra/attentp-${config.aci_config.aep}`);
    const plan = computePlan(roots, new Map());
    const user = plan.batches.find((b) => b.root === `uni/userext/user-${config.aci_config.sync_login.username}`)!;
    expect(user.requests).toHaveLength(1);
    expect(user.requests[0].body!.children.map((c) => c.className).sort()).toEqual(['aaaUserCert', 'aaaUserDomain']);
  });

  it('the VMM inventory is applied after the policy that makes the APIC create it', () => {
    const plan = inventoryLast(
      computePlan(
        [
          mo('vmmInjectedClusterInfo', { dn: 'comp/prov-Kubernetes/ctrlr-[k]-k/injcont/info', name: 'k' }),
          mo('vmmDomP', { dn: 'uni/vmmp-Kubernetes/dom-k', name: 'k' }),
        ],
        new Map(),
      ),
    );
    expect(plan.batches.find((b) => b.root.startsWith('comp/'))!.after).toEqual(['uni/vmmp-Kubernetes/dom-k']);
  });

  it('a user whose certificate differs is deleted and created again; other differences are updated in place', async () => {
    const config = nestedConfig();
    const name = config.aci_config.sync_login.username;
    const userDn = `uni/userext/user-${name}`;
    config.aci_config.sync_login.cert_data = 'NEW';
    const state = buildDesiredState(config);
    const user = desiredRoots(state).filter((r) => r.attributes['dn'] === userDn || r.attributes['dn'].startsWith(`${userDn}/`));
    const apicHolding = (data: string, accountStatus: string): ProvisionApic => {
      const current = structuredClone(computePlan(user, new Map()).batches[0].requests[0].body!);
      current.attributes['accountStatus'] = accountStatus;
      current.children.find((c) => c.className === 'aaaUserCert')!.attributes['data'] = data;
      const reader = memoryStateReader([current]);
      return {
        getMo: async (dn: string, o?: { subtree?: string }) => reader.read(dn, o?.subtree === 'full' ? 'full' : 'children'),
        getClass: async () => [],
      } as unknown as ProvisionApic;
    };
    const userRequests = async (apic: ProvisionApic) =>
      (await planProvision(apic, state, config)).batches
        .flatMap((b) => b.requests)
        .filter((r) => r.dn === userDn || r.roots?.includes(userDn))
        .map((r) => r.method);
    expect(await userRequests(apicHolding('OLD', 'active'))).toEqual(['DELETE', 'POST']);
    expect(await userRequests(apicHolding('NEW', 'inactive'))).toEqual(['POST']);
    expect(await userRequests(apicHolding('NEW', 'active'))).toEqual([]);
  });
});

describe('printed plans', () => {
  it('mask the password and the private key, in the text and in the JSON', () => {
    const desired = [
      mo('aaaUser', { dn: 'uni/userext/user-k', name: 'k', pwd: 'Sup3r-Secret' }),
      mo('vmmInjectedClusterDetails', { dn: 'comp/x/info/clusterdetails', userKey: 'PRIVATE-KEY-PEM', userCert: 'CERT' }),
    ];
    const current = new Map<string, ManagedObject | undefined>([
      ['comp/x/info/clusterdetails', mo('vmmInjectedClusterDetails', { userKey: 'OLD-KEY', userCert: 'CERT' })],
    ]);
    const plan = redactPlan(computePlan(desired, current));
    const printed = renderPlanText(plan) + JSON.stringify(planToJson(plan));
    for (const secret of ['Sup3r-Secret', 'PRIVATE-KEY-PEM', 'OLD-KEY']) expect(printed).not.toContain(secret);
    expect(printed).toContain('userKey');
    expect(JSON.stringify(planToJson(plan))).toContain('"name":"k"');
  });
});

describe('prerequisites', () => {
  // An APIC holding the objects at `dns`; an object read with its subtree shows those among `dns` below it.
  const reader = (dns: string[], children: Record<string, ManagedObject[]> = {}) => {
    const subtree = (dn: string): ManagedObject[] =>
      dns
        .filter((d) => parentDn(d) === dn)
        .map((d) => {
          const last = resolveDn(d)!.at(-1)!;
          return mo(last.className, last.naming, subtree(d));
        });
    return {
      getMo: async (dn: string) => (dns.includes(dn) ? mo('x', { dn }, subtree(dn)) : undefined),
      getChildren: async (dn: string) => children[dn] ?? [],
    };
  };

  it('names each missing one (field, value, DN); nothing below a missing tenant is reported twice', async () => {
    const config = nestedConfig();
    const a = config.aci_config;
    let err: unknown;
    try {
      await checkPrerequisites(reader([`uni/infra/attentp-${a.aep}`]), config);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const fields = (err as InputError).problems.map((p) => p.field);
    expect(fields).toEqual(['aci_config.vrf.tenant', 'aci_config.vmm_domain.nested_inside.name']);
    expect((err as InputError).problems[0]).toMatchObject({ value: a.vrf.tenant, rule: expect.stringContaining(`uni/tn-${a.vrf.tenant}`) });
  });

  it('passes when everything exists, and asks for the nested VMware domain only when configured', async () => {
    const config = nestedConfig();
    await expect(checkPrerequisites(reader(requirements(config).map((r) => r.dn)), config)).resolves.toBeUndefined();
    expect(requirements(config).some((r) => r.dn.startsWith('uni/vmmp-VMware/'))).toBe(true);
    delete config.aci_config.vmm_domain.nested_inside.type;
    expect(requirements(config).some((r) => r.dn.startsWith('uni/vmmp-VMware/'))).toBe(false);
  });

  it("reads the nested VMware domain's VLAN pool for a second kube-api port group", async () => {
    const config = nestedConfig();
    const dom = `uni/vmmp-VMware/dom-${config.aci_config.vmm_domain.nested_inside.name}`;
    const pool = await discoverNestedVlanPool(
      reader([], { [dom]: [mo('infraRsVlanNs', { tDn: 'uni/infra/vlanns-[vmw]-dynamic' })] }),
      config,
    );
    expect(pool).toBe(config.net_config.second_kubeapi_portgroup ? 'uni/infra/vlanns-[vmw]-dynamic' : undefined);
  });
});

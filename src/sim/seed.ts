// What a fresh simulator holds: a small but real fabric (the objects any
// APIC has after setup) plus the user's prerequisites that the cluster
// configuration refers to. The default prerequisites are those of the
// sample configuration (`acc-provision --sample`), so the demo runs as is.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parentDn } from '../aci/dn.js';
import { readTextFile } from '../config/file.js';
import { InputError } from '../errors.js';
import { createdStamp } from './attrs.js';
import { tenantChildren } from './implicit.js';
import type { MoRow, MoStore } from './store.js';

const name = z.string().regex(/^[a-zA-Z0-9_.:-]{1,64}$/, 'must be 1 to 64 characters of a-z A-Z 0-9 _ . : -');

export const seedSchema = z
  .object({
    /** APIC firmware version as firmwareCtrlrRunning shows it, e.g. `5.2(7f)`. */
    version: z
      .string()
      .regex(/^\d+\.\d+\(\w+\)$/, 'must look like 5.2(7f)')
      .default('5.2(7f)'),
    infra_vlan: z.number().int().min(1).max(4094).default(4093),
    aeps: z.array(name).default([]),
    vrfs: z.array(z.object({ tenant: name, name })).default([]),
    l3outs: z.array(z.object({ tenant: name, name, vrf: name.optional(), external_networks: z.array(name).default([]) })).default([]),
    physical_domains: z.array(name).default([]),
    l3_domains: z.array(name).default([]),
    vmware_domains: z.array(z.object({ name, vlan_pool: name.optional() })).default([]),
    tenants: z.array(name).default([]),
    /** Leaf and spine switches beside the controller node-1. */
    nodes: z.array(z.object({ id: z.number().int().min(1).max(4000), name, role: z.enum(['leaf', 'spine']) })).default([
      { id: 101, name: 'leaf-101', role: 'leaf' },
      { id: 102, name: 'leaf-102', role: 'leaf' },
      { id: 201, name: 'spine-201', role: 'spine' },
    ]),
    bgp_asn: z.number().int().min(1).max(4294967295).default(65000),
  })
  .strict();

export type SeedSpec = z.output<typeof seedSchema>;

/** The prerequisites of the sample configuration (aep, vrf, l3out of `acc-provision --sample`). */
export const SAMPLE_PREREQUISITES = {
  aeps: ['kube-cluster'],
  vrfs: [{ tenant: 'common', name: 'mykube-vrf' }],
  l3outs: [{ tenant: 'common', name: 'mykube_l3out', vrf: 'mykube-vrf', external_networks: ['mykube_extepg'] }],
};

export function parseSeed(text: string, file: string): SeedSpec {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    throw new InputError([{ field: file, rule: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  const r = seedSchema.safeParse(raw);
  if (!r.success) {
    throw new InputError(
      // A problem of the whole file names the file once.
      r.error.issues.map((i) =>
        i.path.length > 0
          ? { field: i.path.join('.'), value: valueAt(raw, i.path), rule: i.message, at: file }
          : { field: file, rule: i.message },
      ),
    );
  }
  return r.data;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v === undefined || (typeof v === 'object' && v !== null) ? undefined : v;
}

export function loadSeedFile(file: string): SeedSpec {
  return parseSeed(readTextFile(file, '--seed'), file);
}

export function defaultSeed(): SeedSpec {
  return seedSchema.parse(SAMPLE_PREREQUISITES);
}

/** Every object of a seeded fabric, parents first. */
export function seedObjects(spec: SeedSpec, now: Date): MoRow[] {
  const rows: MoRow[] = [];
  const stamp = createdStamp(now);
  const add = (className: string, dn: string, attrs: Record<string, string> = {}) => {
    if (rows.some((r) => r.dn === dn)) return;
    rows.push({ dn, className, parent: parentDn(dn) ?? '', attrs: { ...stamp, ...attrs, dn } });
  };
  const tenant = (tn: string) => {
    add('fvTenant', `uni/tn-${tn}`, { name: tn });
    for (const r of tenantChildren(`uni/tn-${tn}`, now)) add(r.className, r.dn, r.attrs);
  };

  add('polUni', 'uni');
  for (const tn of ['common', 'infra', 'mgmt']) tenant(tn);
  add('monEPGPol', 'uni/tn-common/monepg-default', { name: 'default' });
  add('fvCtx', 'uni/tn-common/ctx-default', { name: 'default', pcEnfPref: 'enforced' });
  add('fvBD', 'uni/tn-common/BD-default', { name: 'default', arpFlood: 'no', unicastRoute: 'yes' });
  add('fvAp', 'uni/tn-infra/ap-access', { name: 'access' });
  add('fvAEPg', 'uni/tn-infra/ap-access/epg-default', { name: 'default', pcTag: '16386' });
  add('fvCtx', 'uni/tn-infra/ctx-overlay-1', { name: 'overlay-1' });
  add('fvCtx', 'uni/tn-mgmt/ctx-oob', { name: 'oob' });

  add('infraInfra', 'uni/infra');
  add('infraAttEntityP', 'uni/infra/attentp-default', { name: 'default' });
  add('infraProvAcc', 'uni/infra/attentp-default/provacc', { name: 'provacc' });
  add('infraRsFuncToEpg', 'uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]', {
    tDn: 'uni/tn-infra/ap-access/epg-default',
    encap: `vlan-${spec.infra_vlan}`,
    instrImedcy: 'lazy',
    mode: 'regular',
    primaryEncap: 'unknown',
  });
  add('infraSetPol', 'uni/infra/settings', { name: '', opflexpAuthenticateClients: 'no', opflexpUseSsl: 'yes' });

  add('vmmProvP', 'uni/vmmp-Kubernetes', { vendor: 'Kubernetes' });
  add('vmmProvP', 'uni/vmmp-VMware', { vendor: 'VMware' });
  add('vmmProvP', 'uni/vmmp-OpenShift', { vendor: 'OpenShift' });

  add('compUni', 'comp');
  for (const vendor of ['Kubernetes', 'VMware', 'OpenShift']) add('compProv', `comp/prov-${vendor}`, { name: vendor });

  add('aaaUserEp', 'uni/userext');
  add('aaaUser', 'uni/userext/user-admin', { name: 'admin', accountStatus: 'active' });
  add('aaaUserDomain', 'uni/userext/user-admin/userdomain-all', { name: 'all' });
  add('aaaUserRole', 'uni/userext/user-admin/userdomain-all/role-admin', { name: 'admin', privType: 'writePriv' });

  add('fabricInst', 'uni/fabric');
  add('bgpInstPol', 'uni/fabric/bgpInstP-default', { name: 'default' });
  add('bgpAsP', 'uni/fabric/bgpInstP-default/as', { asn: String(spec.bgp_asn) });

  // Fabric discovery: the controller node-1 (which reports the firmware) and the switches.
  add('fabricTopology', 'topology');
  add('fabricPod', 'topology/pod-1', { id: '1', podType: 'physical' });
  const node = (id: number, nodeName: string, role: string) => {
    const base = `topology/pod-1/node-${id}`;
    const address = role === 'controller' ? `10.0.0.${id}` : `10.0.${Math.floor(id / 100)}.${id % 100}`;
    add('fabricNode', base, {
      id: String(id),
      name: nodeName,
      role,
      fabricSt: role === 'controller' ? 'unknown' : 'active',
      address,
      model: role === 'controller' ? 'APIC-SERVER-M3' : 'N9K-C93180YC-FX',
      serial: `SIM${String(id).padStart(5, '0')}`,
      version: role === 'controller' ? spec.version : 'n9000-15.2(7f)',
    });
    add('topSystem', `${base}/sys`, {
      id: String(id),
      name: nodeName,
      role,
      podId: '1',
      address,
      state: 'in-service',
      fabricDomain: 'apic-sim',
      version: spec.version,
      serial: `SIM${String(id).padStart(5, '0')}`,
    });
  };
  node(1, 'apic1', 'controller');
  add('firmwareCtrlrFwStatusCont', 'topology/pod-1/node-1/sys/ctrlrfwstatuscont');
  add('firmwareCtrlrRunning', 'topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning', {
    version: spec.version,
    type: 'controller',
    mode: 'normal',
    internalLabel: '',
    ts: stamp.modTs,
  });
  for (const n of spec.nodes) node(n.id, n.name, n.role);

  // The user's prerequisites.
  for (const tn of spec.tenants) tenant(tn);
  for (const aep of spec.aeps) add('infraAttEntityP', `uni/infra/attentp-${aep}`, { name: aep });
  for (const v of spec.vrfs) {
    tenant(v.tenant);
    add('fvCtx', `uni/tn-${v.tenant}/ctx-${v.name}`, { name: v.name, pcEnfPref: 'enforced' });
  }
  for (const d of spec.physical_domains) add('physDomP', `uni/phys-${d}`, { name: d });
  for (const d of spec.l3_domains) add('l3extDomP', `uni/l3dom-${d}`, { name: d });
  for (const o of spec.l3outs) {
    tenant(o.tenant);
    const out = `uni/tn-${o.tenant}/out-${o.name}`;
    add('l3extOut', out, { name: o.name });
    if (o.vrf) add('l3extRsEctx', `${out}/rsectx`, { tnFvCtxName: o.vrf });
    for (const e of o.external_networks) add('l3extInstP', `${out}/instP-${e}`, { name: e });
  }
  for (const d of spec.vmware_domains) {
    const pool = d.vlan_pool ?? `${d.name}-pool`;
    add('fvnsVlanInstP', `uni/infra/vlanns-[${pool}]-dynamic`, { name: pool, allocMode: 'dynamic' });
    add('fvnsEncapBlk', `uni/infra/vlanns-[${pool}]-dynamic/from-[vlan-1000]-to-[vlan-1999]`, {
      from: 'vlan-1000',
      to: 'vlan-1999',
      allocMode: 'inherit',
    });
    add('vmmDomP', `uni/vmmp-VMware/dom-${d.name}`, { name: d.name, mode: 'default', enfPref: 'hw' });
    add('infraRsVlanNs', `uni/vmmp-VMware/dom-${d.name}/rsvlanNs`, { tDn: `uni/infra/vlanns-[${pool}]-dynamic` });
  }
  return rows;
}

/**
 * Seeds the store: the whole fabric on first start; later starts only add
 * what is missing and apply the version and infra VLAN (so a changed seed
 * file takes effect without wiping the user's objects).
 */
export function applySeed(store: MoStore, spec: SeedSpec, now: Date): void {
  store.transaction(() => {
    for (const row of seedObjects(spec, now)) {
      const existing = store.get(row.dn);
      if (!existing) store.put(row);
    }
    const fw = store.get('topology/pod-1/node-1/sys/ctrlrfwstatuscont/ctrlrrunning');
    if (fw && fw.attrs.version !== spec.version) store.put({ ...fw, attrs: { ...fw.attrs, version: spec.version } });
    const infra = store.get('uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]');
    const encap = `vlan-${spec.infra_vlan}`;
    if (infra && infra.attrs.encap !== encap) store.put({ ...infra, attrs: { ...infra.attrs, encap } });
  });
}

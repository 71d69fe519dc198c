// Objects the APIC makes on its own when a client creates others. A tenant
// always has its endpoint-tags container, its monitoring-policy relation and
// its service container (clients rely on a tenant never having no children).
// A VMM controller (vmmCtrlrP under uni/vmmp-V/dom-D) gets its inventory node
// comp/prov-V/ctrlr-[D]-NAME with an injected-objects container, which the
// ACI CNI then posts its cluster info into; removing the controller removes it.
import { splitDn } from '../aci/dn.js';
import { createdStamp } from './attrs.js';
import type { MoRow, MoStore } from './store.js';
import type { MoEvent } from './write.js';

function inventoryDn(controllerDn: string): { prov: string; ctrlr: string; vendor: string; dom: string; name: string } | undefined {
  const rns = splitDn(controllerDn);
  const vendor = /^vmmp-(.+)$/.exec(rns[1] ?? '')?.[1];
  const dom = /^dom-(.+)$/.exec(rns[2] ?? '')?.[1];
  const name = /^ctrlr-(.+)$/.exec(rns[3] ?? '')?.[1];
  if (rns.length !== 4 || !vendor || !dom || !name) return undefined;
  const prov = `comp/prov-${vendor}`;
  return { prov, ctrlr: `${prov}/ctrlr-[${dom}]-${name}`, vendor, dom, name };
}

export function controllerCreated(store: MoStore, controller: MoRow, now: Date, events: MoEvent[]): void {
  const inv = inventoryDn(controller.dn);
  if (!inv) return;
  const stamp = createdStamp(now);
  const add = (dn: string, className: string, parent: string, attrs: Record<string, string>) => {
    if (store.has(dn)) return;
    const row = { ...stamp, ...attrs, dn };
    store.put({ dn, className, parent, attrs: row });
    events.push({ dn, className, status: 'created', attrs: row, full: row });
  };
  add('comp', 'compUni', '', {});
  add(inv.prov, 'compProv', 'comp', { name: inv.vendor });
  add(inv.ctrlr, 'compCtrlr', inv.prov, {
    domName: inv.dom,
    name: inv.name,
    hostOrIp: controller.attrs.hostOrIp ?? '',
    mode: controller.attrs.mode ?? '',
    operSt: 'online',
    scope: controller.attrs.scope ?? '',
    vendor: inv.vendor,
    version: '',
  });
  add(`${inv.ctrlr}/injcont`, 'vmmInjectedCont', inv.ctrlr, {});
}

/** The inventory subtrees that go away with these deleted rows. */
export function inventoryOfDeleted(rows: readonly MoRow[]): string[] {
  return rows.filter((r) => r.className === 'vmmCtrlrP').flatMap((r) => inventoryDn(r.dn)?.ctrlr ?? []);
}

/** The children every tenant has from birth. */
export function tenantChildren(tenantDn: string, now: Date): MoRow[] {
  const stamp = createdStamp(now);
  const row = (rn: string, className: string, attrs: Record<string, string>): MoRow => {
    const dn = `${tenantDn}/${rn}`;
    return { dn, className, parent: tenantDn, attrs: { ...stamp, ...attrs, dn } };
  };
  return [
    row('eptags', 'fvEpTags', {}),
    row('rsTenantMonPol', 'fvRsTenantMonPol', {
      tnMonEPGPolName: '',
      tDn: 'uni/tn-common/monepg-default',
      tCl: 'monEPGPol',
      tRn: 'monepg-default',
      tType: 'name',
      rType: 'mo',
      forceResolve: 'yes',
      state: 'formed',
      stateQual: 'default-target',
    }),
    row('svcCont', 'vnsSvcCont', {}),
  ];
}

export function tenantCreated(store: MoStore, tenantDn: string, now: Date, events: MoEvent[]): void {
  for (const r of tenantChildren(tenantDn, now)) {
    if (store.has(r.dn)) continue;
    store.put(r);
    events.push({ dn: r.dn, className: r.className, status: 'created', attrs: r.attrs, full: r.attrs });
  }
}

// Deployed graph instances: what an APIC renders once a contract with a
// service graph attached is provided, and a device selection context names
// the contract, the graph and an existing device. The simulator derives them
// after every write touching these objects, and removes those whose
// conditions no longer hold, so a client sees them come and go as on an APIC.
import { formatRn } from '../aci/dn.js';
import { createdStamp } from './attrs.js';
import type { MoRow, MoStore } from './store.js';
import type { MoEvent, WriteContext } from './write.js';

const TRIGGERS = new Set([
  'vnsLDevCtx',
  'vnsRsLDevCtxToLDev',
  'vnsLDevVip',
  'vnsAbsGraph',
  'vzBrCP',
  'vzSubj',
  'vzRsSubjGraphAtt',
  'fvRsProv',
  'l3extInstP',
  'l3extOut',
  'l3extRsEctx',
  'fvTenant',
]);

interface Instance {
  dn: string;
  tenantDn: string;
  attrs: Record<string, string>;
}

const tenantOf = (dn: string): string | undefined => /^uni\/tn-[^/]+/.exec(dn)?.[0];

/** The VRF a provider's contract is scoped to: its L3Out's VRF (the tenant's, else common's). */
function scopeOf(store: MoStore, providerDn: string, tenantDn: string): string | undefined {
  const out = /^(uni\/tn-[^/]+\/out-[^/]+)\//.exec(providerDn)?.[1];
  const vrf = out ? store.get(`${out}/rsectx`)?.attrs.tnFvCtxName : undefined;
  if (!vrf) return undefined;
  const own = `${tenantDn}/ctx-${vrf}`;
  return store.has(own) ? own : `uni/tn-common/ctx-${vrf}`;
}

function desired(store: MoStore, contexts: readonly MoRow[]): Instance[] {
  const out: Instance[] = [];
  if (contexts.length === 0) return out;
  const providers = store.byClass('fvRsProv');
  for (const ctx of contexts) {
    const tenantDn = tenantOf(ctx.dn);
    const contract = ctx.attrs.ctrctNameOrLbl;
    const graph = ctx.attrs.graphNameOrLbl;
    if (!tenantDn || !contract || !graph) continue;
    const ctrctDn = `${tenantDn}/brc-${contract}`;
    const graphDn = `${tenantDn}/AbsGraph-${graph}`;
    const device = store.get(`${ctx.dn}/rsLDevCtxToLDev`)?.attrs.tDn;
    if (!store.has(ctrctDn) || !store.has(graphDn) || !device || !store.has(device)) continue;
    const attached = store
      .descendants(ctrctDn)
      .some((r: MoRow) => r.className === 'vzRsSubjGraphAtt' && r.attrs.tnVnsAbsGraphName === graph);
    if (!attached) continue;
    for (const p of providers) {
      if (p.attrs.tnVzBrCPName !== contract || tenantOf(p.dn) !== tenantDn) continue;
      const scopeDn = scopeOf(store, p.dn, tenantDn);
      if (!scopeDn) continue;
      const attrs = { ctrctDn, graphDn, scopeDn };
      out.push({ dn: `${tenantDn}/${formatRn('vnsGraphInst', attrs)}`, tenantDn, attrs });
    }
  }
  return out;
}

/** Brings the deployed graph instances in line with the tree, when this write touched what they depend on. */
export function deriveGraphInstances(ctx: WriteContext): void {
  if (!ctx.events.some((e) => TRIGGERS.has(e.className))) return;
  // Most writes (a provisioning run) touch a fabric with no device selection and no instance: two index reads.
  const contexts = ctx.store.byClass('vnsLDevCtx');
  const existing = ctx.store.byClass('vnsGraphInst');
  if (contexts.length === 0 && existing.length === 0) return;
  const want = new Map(desired(ctx.store, contexts).map((i) => [i.dn, i]));
  const events: MoEvent[] = [];
  for (const row of existing) {
    if (want.has(row.dn)) {
      want.delete(row.dn);
      continue;
    }
    ctx.store.deleteSubtree(row.dn);
    events.push({ dn: row.dn, className: row.className, status: 'deleted', attrs: row.attrs, full: row.attrs });
  }
  for (const i of want.values()) {
    if (!ctx.store.has(i.tenantDn)) continue;
    const attrs = { ...createdStamp(ctx.now), ...i.attrs, configSt: 'applied', dn: i.dn };
    ctx.store.put({ dn: i.dn, className: 'vnsGraphInst', parent: i.tenantDn, attrs });
    events.push({ dn: i.dn, className: 'vnsGraphInst', status: 'created', attrs, full: attrs });
  }
  ctx.events.push(...events);
}

// Provisioning an APIC from the desired tree (discovery is src/cluster's):
// the plan of `-a` and its application,
// and the removal plan of `-d`. Everything is derived from the one desired
// tree: its POST requests become the desired roots the plan compares with
// the APIC, its removal targets become the objects `-d` may delete.
import type { ManagedObject } from '../aci/types.js';
import { isSecretProperty } from '../aci/values.js';
import { childDn } from '../aci/dn.js';
import { tenantDn } from '../aci/dns.js';
import { classTableNaming } from './engine/naming.js';
import { TENANT_PREREQUISITES_READ } from './prerequisites.js';
import type { ApicClient } from '../apic/client.js';
import type { Config } from '../config/types.js';
import { applyPlan, type ApplyProgress, type ApplySummary } from './apply.js';
import type { DesiredState } from './desired/types.js';
import { apicStateReader, mapLimited } from './engine/state.js';
import { ownedObjects, staleRule, strayRelationQueries, type OwnershipOptions } from './ownership.js';
import { computePlan, readCurrentState, type DesiredInput, type Plan, type StrayObject } from './plan.js';
import { planObjects } from './desired/requests.js';
import { inOneTransaction } from './transaction.js';
import { applyUnprovision, planUnprovision, type UnprovisionPlan } from './unprovision.js';

/** What provisioning needs of the APIC client (tests may hand in another implementation). */
export type ProvisionApic = Pick<ApicClient, 'get' | 'getMo' | 'getChildren' | 'getClass' | 'post' | 'delete'>;

/**
 * A certificate cannot be changed in place: when the controller's user holds
 * another certificate, the user is deleted and created again with the new one
 * (the Python tool recreates it on every run; here only when the certificate
 * differs). Other differences of the user are updated in place.
 */
export const REPLACE_ON_CHANGE: readonly string[] = ['aaaUser'];
const CERTIFICATE_CLASS = 'aaaUserCert';

/** Requests at a time to one APIC: enough for a whole wave of reads or writes to go at once through a slow link, few enough not to flood it. */
const CONCURRENCY = 16;

/** The desired objects of the plan, straight from the tree (with owners: leftovers are swept below the cluster's objects). */
export function desiredRoots(state: DesiredState): DesiredInput[] {
  return planObjects(state);
}

/**
 * The VMM inventory (`comp/...`) of a controller exists only once the APIC has
 * the controller's policy (`uni/vmmp-.../dom-...`), which it then creates; so
 * inventory roots are applied after every policy root.
 */
export function inventoryLast(plan: Plan): Plan {
  const policy = plan.batches.filter((b) => !b.root.startsWith('comp/')).map((b) => b.root);
  for (const b of plan.batches) if (b.root.startsWith('comp/')) b.after = [...new Set([...b.after, ...policy])];
  return plan;
}

/** What the plan reads: the current state of every desired root, and the cluster's leftovers elsewhere. */
function readPlanInputs(apic: ProvisionApic, state: DesiredState, config: Config) {
  // One round trip: the leftovers elsewhere are looked for while the desired roots are read.
  return Promise.all([
    findStrays(apic, state, config),
    readCurrentState(apicStateReader(apic), desiredRoots(state), { concurrency: CONCURRENCY }),
  ]);
}

/**
 * Sends the plan's reads now, through a client that shares its reads
 * (apic/read-cache.ts), so that they travel while the run does other work
 * (the manifest, the certificate): `planProvision` later gets their answers
 * from the cache. The reads depend on the desired objects' DNs only, which
 * the certificate attached later does not change. A failure shows when the
 * plan reads the same answer.
 */
export function prefetchPlanReads(apic: ProvisionApic, state: DesiredState, config: Config): void {
  readPlanInputs(apic, state, config).catch(() => undefined);
}

/** Reads the current state of every desired root and computes what `-a` changes, leftovers of the cluster included. Sends no write. */
export async function planProvision(apic: ProvisionApic, state: DesiredState, config: Config): Promise<Plan> {
  const roots = desiredRoots(state);
  const [strays, current] = await readPlanInputs(apic, state, config);
  const opts = { stale: staleRule(state, config), strays };
  let plan = computePlan(roots, current, opts);
  if (plan.changes.some((c) => c.className === CERTIFICATE_CLASS && c.action === 'update')) {
    // Rare (a new certificate): plan the user's replacement.
    plan = computePlan(roots, current, { ...opts, replaceOnChange: REPLACE_ON_CHANGE });
  }
  return inOneTransaction(inventoryLast(plan));
}

/**
 * Where the cluster's relations in shared objects live, read whole by
 * discovery already (apic/read-cache.ts answers these from it): the AEPs with
 * their domain and EPG bindings, and the VRF's tenant with its L3Outs'
 * external EPGs and their contracts.
 */
const HELD_BY_AEPS = new Set(['infraRsDomP', 'infraRsFuncToEpg']);
const HELD_BY_EXTERNAL_EPGS = new Set(['fvRsProv', 'fvRsCons']);

/** The cluster's relations left in shared objects it no longer uses (see strayRelationQueries). */
async function findStrays(apic: ProvisionApic, state: DesiredState, config: Config): Promise<StrayObject[]> {
  const queries = strayRelationQueries(state);
  if (queries.length === 0) return [];
  const vrfTenant = String(config.aci_config.vrf.tenant);
  const [aeps, tenant] = await Promise.all([
    queries.some((q) => HELD_BY_AEPS.has(q.className)) ? apic.getClass('infraAttEntityP', { subtree: 'full' }) : [],
    queries.some((q) => HELD_BY_EXTERNAL_EPGS.has(q.className)) ? apic.getMo(tenantDn(vrfTenant), TENANT_PREREQUISITES_READ) : undefined,
  ]);
  const held: Array<{ mo: ManagedObject; dn: string }> = [];
  const walk = (mo: ManagedObject, dn: string): void => {
    held.push({ mo, dn });
    for (const c of mo.children) walk(c, childDn(dn, classTableNaming.rnOf(c)));
  };
  for (const a of aeps) walk(a, a.attributes['dn'] ?? '');
  if (tenant) walk(tenant, tenantDn(vrfTenant));
  const found = await mapLimited(queries, CONCURRENCY, async (q) =>
    HELD_BY_AEPS.has(q.className) || HELD_BY_EXTERNAL_EPGS.has(q.className)
      ? held
          .filter((h) => h.mo.className === q.className && h.mo.attributes[q.targetProp] === q.target)
          .map((h): ManagedObject => ({ ...h.mo, attributes: { ...h.mo.attributes, dn: h.dn } }))
      : apic.getClass(q.className, { filter: q.filter }),
  );
  const out: StrayObject[] = [];
  queries.forEach((q, i) => {
    for (const mo of found[i] ?? []) {
      const dn = mo.attributes['dn'];
      if (dn && !q.desiredDns.has(dn) && mo.attributes['annotation'] === state.annotation) out.push({ dn, className: q.className });
    }
  });
  return out;
}

export async function applyProvision(apic: ProvisionApic, plan: Plan, onProgress?: (p: ApplyProgress) => void): Promise<ApplySummary> {
  return applyPlan(apic, plan, { concurrency: CONCURRENCY, onProgress });
}

/** Reads the state of what the cluster owns and decides what `-d` deletes. Sends no write. */
/**
 * `-d`'s reads, started before the cluster is built (see prefetchPlanReads):
 * `planRemoval` later gets their answers from the cache.
 */
export function prefetchRemovalReads(apic: ProvisionApic, state: DesiredState, config: Config, opts: OwnershipOptions = {}): void {
  planRemoval(apic, state, config, opts).catch(() => undefined);
}

export async function planRemoval(
  apic: ProvisionApic,
  state: DesiredState,
  config: Config,
  opts: OwnershipOptions = {},
): Promise<UnprovisionPlan> {
  const owned = ownedObjects(state, config, opts);
  // The cluster's own tenant read whole, first: through the run's shared
  // reads (apic/read-cache.ts), the objects below it are answered from it.
  const tenant = owned.find((o) => o.className === 'fvTenant' && o.owned !== 'never');
  if (tenant) apic.getMo(tenant.dn, { subtree: 'full' }).catch(() => undefined);
  return planUnprovision(apicStateReader(apic), owned, {
    annotation: state.annotation,
    concurrency: CONCURRENCY,
  });
}

export async function applyRemoval(
  apic: ProvisionApic,
  plan: UnprovisionPlan,
  onProgress?: (p: { sent: number; total: number; dn: string }) => void,
): Promise<number> {
  return applyUnprovision(apic, plan, { concurrency: CONCURRENCY, onProgress });
}

/** `-d --output-format json`, `plan --delete --output-format json`: the removal plan as data. */
export function removalToJson(plan: UnprovisionPlan): unknown {
  return {
    summary: {
      delete: plan.items.filter((i) => i.decision === 'delete').length,
      keep: plan.items.filter((i) => i.decision === 'keep').length,
      absent: plan.items.filter((i) => i.decision === 'absent').length,
      requests: plan.deletes.length,
    },
    items: plan.items,
    requests: plan.deletes.map((dn) => ({ method: 'DELETE', path: `/api/mo/${dn}.json` })),
  };
}

const MASK = '(secret, not shown)';

function maskMo(mo: ManagedObject): ManagedObject {
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(mo.attributes)) attributes[k] = isSecretProperty(k) ? MASK : v;
  return { className: mo.className, attributes, children: mo.children.map(maskMo) };
}

/** A copy of the plan safe to print: secret properties masked in changes and request bodies. */
export function redactPlan(plan: Plan): Plan {
  return {
    summary: plan.summary,
    changes: plan.changes.map((c) => {
      if (!c.attributes) return c;
      const attributes: NonNullable<typeof c.attributes> = {};
      for (const [k, v] of Object.entries(c.attributes)) {
        attributes[k] = isSecretProperty(k) ? { ...(v.current === undefined ? {} : { current: MASK }), desired: MASK } : v;
      }
      return { ...c, attributes };
    }),
    batches: plan.batches.map((b) => ({ ...b, requests: b.requests.map((r) => (r.body ? { ...r, body: maskMo(r.body) } : r)) })),
  };
}

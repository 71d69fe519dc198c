// Unprovision (`-d`): delete what this cluster owns, and only that.
//
// The input is the list of objects the desired tree marks as the cluster's
// (OwnedObject). For each, the APIC's current state decides:
//   - absent                      -> nothing to do (a second `-d` sends nothing);
//   - owned 'never'               -> kept (shared: tenant common, infra, a pre-existing tenant, the AEP);
//   - owned 'if-annotated'        -> deleted only if it carries the owner annotation;
//   - owned 'always'              -> deleted (objects named after this cluster);
//   - keepIfHasOtherChildrenOf    -> kept while it holds children of those classes that this run
//                                    does not delete (the tenant with other application profiles,
//                                    the application profile with the user's own EPGs);
//   - any kept object below it    -> kept (deleting it would take someone else's object along).
// `sweepChildren` adds the direct children that carry the owner annotation and
// a matching name (leftovers of older versions, objects a previous
// configuration had), as the Python tool sweeps the cluster tenant.
// Deletes are sent only for the topmost deleted objects: the APIC removes subtrees.
import { childDn } from '../aci/dn.js';
import type { ManagedObject } from '../aci/types.js';
import type { ApicWriter } from './apply.js';
import { runBatches } from './apply.js';
import { classTableNaming, dnDepth, isBelow, type MoNaming } from './engine/naming.js';
import { mapLimited, type StateReader } from './engine/state.js';

export type Ownership = 'always' | 'if-annotated' | 'never';

export interface SweepRule {
  /** Only children of these classes (default: any class). */
  classes?: readonly string[];
  /** Only children whose `name` matches (e.g. `-kube(-|$)` for system id `kube`). */
  namePattern?: RegExp;
  /** Rules for the swept children of a class (they are 'if-annotated' by construction),
   * e.g. `{ fvAp: { keepIfHasOtherChildrenOf: ['fvAEPg'], sweepChildren: {} } }`. */
  rules?: Readonly<Record<string, Pick<OwnedObject, 'keepIfHasOtherChildrenOf' | 'sweepChildren'>>>;
}

export interface OwnedObject {
  dn: string;
  className: string;
  owned: Ownership;
  keepIfHasOtherChildrenOf?: readonly string[];
  sweepChildren?: SweepRule;
}

export type UnprovisionDecision = 'delete' | 'keep' | 'absent';

export interface UnprovisionItem {
  dn: string;
  className: string;
  decision: UnprovisionDecision;
  /** Why, in words (for `--plan` output and debugging). */
  reason: string;
  /** Whether a DELETE is sent for it (false when an ancestor's DELETE removes it). */
  request: boolean;
}

export interface UnprovisionPlan {
  items: UnprovisionItem[];
  /** DNs to DELETE, deepest first (they are disjoint subtrees). */
  deletes: string[];
}

export interface UnprovisionOptions {
  /** The owner annotation, `orchestrator:aci-containers-controller`. */
  annotation: string;
  naming?: MoNaming;
  concurrency?: number;
  onProgress?: (p: { sent: number; total: number; dn: string }) => void;
}

interface Entry extends OwnedObject {
  state?: ManagedObject;
  decision?: UnprovisionDecision;
  reason?: string;
}

/** Merges duplicates: the most careful ownership wins ('never' over 'if-annotated' over 'always'). */
function mergeOwned(list: readonly OwnedObject[]): Map<string, Entry> {
  const rank: Record<Ownership, number> = { never: 0, 'if-annotated': 1, always: 2 };
  const out = new Map<string, Entry>();
  for (const o of list) {
    const prev = out.get(o.dn);
    if (!prev) {
      out.set(o.dn, { ...o });
      continue;
    }
    if (rank[o.owned] < rank[prev.owned]) prev.owned = o.owned;
    if (o.keepIfHasOtherChildrenOf) {
      prev.keepIfHasOtherChildrenOf = [...new Set([...(prev.keepIfHasOtherChildrenOf ?? []), ...o.keepIfHasOtherChildrenOf])];
    }
    prev.sweepChildren ??= o.sweepChildren;
  }
  return out;
}

/** Reads the state of the owned objects and decides what to delete. Sends nothing. */
export async function planUnprovision(
  reader: StateReader,
  owned: readonly OwnedObject[],
  opts: UnprovisionOptions,
): Promise<UnprovisionPlan> {
  const naming = opts.naming ?? classTableNaming;
  const concurrency = opts.concurrency ?? 4;
  const entries = mergeOwned(owned);

  // Read each object with its direct children; sweeping may add entries, which are read in turn.
  let toRead = [...entries.values()];
  while (toRead.length > 0) {
    const states = await mapLimited(toRead, concurrency, (e) => reader.read(e.dn, 'children'));
    const added: Entry[] = [];
    toRead.forEach((e, i) => {
      e.state = states[i];
      const sweep = e.sweepChildren;
      if (!e.state || !sweep) return;
      for (const c of e.state.children) {
        if (c.attributes['annotation'] !== opts.annotation) continue;
        if (sweep.classes && !sweep.classes.includes(c.className)) continue;
        if (sweep.namePattern && !sweep.namePattern.test(c.attributes['name'] ?? '')) continue;
        const dn = childDn(e.dn, naming.rnOf(c));
        if (entries.has(dn)) continue;
        const child: Entry = { dn, className: c.className, owned: 'if-annotated', ...(sweep.rules?.[c.className] ?? {}) };
        entries.set(dn, child);
        added.push(child);
      }
    });
    toRead = added;
  }

  // Decide deepest first, so a parent sees what happens to its children.
  const all = [...entries.values()].sort((a, b) => dnDepth(b.dn) - dnDepth(a.dn));
  for (const e of all) decide(e, entries, naming, opts.annotation);

  const deleted = all.filter((e) => e.decision === 'delete');
  const items: UnprovisionItem[] = [];
  const deletes: string[] = [];
  // Listed parents first, otherwise in the order given (swept objects after the given ones).
  const listed = [...entries.values()].map((e, i) => ({ e, i })).sort((a, b) => dnDepth(a.e.dn) - dnDepth(b.e.dn) || a.i - b.i);
  for (const { e } of listed) {
    const covered = deleted.some((d) => isBelow(e.dn, d.dn));
    const request = e.decision === 'delete' && !covered;
    if (request) deletes.push(e.dn);
    items.push({ dn: e.dn, className: e.className, decision: e.decision!, reason: e.reason!, request });
  }
  deletes.sort((a, b) => dnDepth(b) - dnDepth(a));
  return { items, deletes };
}

function decide(e: Entry, entries: Map<string, Entry>, naming: MoNaming, annotation: string): void {
  const set = (decision: UnprovisionDecision, reason: string): void => {
    e.decision = decision;
    e.reason = reason;
  };
  if (!e.state) return set('absent', 'not on the APIC');
  if (e.owned === 'never') return set('keep', 'shared, not owned by this cluster');
  if (e.owned === 'if-annotated' && e.state.attributes['annotation'] !== annotation) {
    return set('keep', `not annotated ${annotation}`);
  }
  const keptBelow = [...entries.values()].find((o) => o.decision === 'keep' && isBelow(o.dn, e.dn));
  if (keptBelow) return set('keep', `holds ${keptBelow.dn}, which is kept`);
  const classes = e.keepIfHasOtherChildrenOf ?? [];
  if (classes.length > 0) {
    const other = e.state.children.find((c) => {
      if (!classes.includes(c.className)) return false;
      const dn = childDn(e.dn, naming.rnOf(c));
      return entries.get(dn)?.decision !== 'delete';
    });
    if (other) return set('keep', `holds ${other.className} ${naming.rnOf(other)} that this cluster does not delete`);
  }
  set('delete', e.owned === 'always' ? 'owned by this cluster' : `owned by this cluster (annotated ${annotation})`);
}

/** Sends the plan's DELETEs, in parallel (they are disjoint). Returns how many were sent. */
export async function applyUnprovision(
  apic: ApicWriter,
  plan: UnprovisionPlan,
  opts: Pick<UnprovisionOptions, 'concurrency' | 'onProgress'> = {},
): Promise<number> {
  let sent = 0;
  const total = plan.deletes.length;
  await runBatches(
    plan.deletes.map((dn) => ({ root: dn, after: [], requests: [{ method: 'DELETE' as const, dn }] })),
    opts.concurrency ?? 4,
    async (b) => {
      await apic.delete(b.root);
      sent++;
      opts.onProgress?.({ sent, total, dn: b.root });
    },
  );
  return sent;
}

/** Reads, decides and deletes. */
export async function unprovision(
  reader: StateReader,
  apic: ApicWriter,
  owned: readonly OwnedObject[],
  opts: UnprovisionOptions,
): Promise<{ plan: UnprovisionPlan; sent: number }> {
  const plan = await planUnprovision(reader, owned, opts);
  const sent = await applyUnprovision(apic, plan, opts);
  return { plan, sent };
}

export function renderUnprovisionText(plan: UnprovisionPlan): string {
  const lines = plan.items
    .filter((i) => i.decision !== 'absent')
    .map(
      (i) =>
        `${i.decision === 'delete' ? '-' : '='} ${i.decision === 'delete' ? 'delete' : 'keep  '} ${i.className} ${i.dn}: ${i.reason}${i.decision === 'delete' && !i.request ? ' (with its parent)' : ''}`,
    );
  lines.push(
    plan.deletes.length === 0
      ? 'Nothing to delete.'
      : `${plan.deletes.length} delete request${plan.deletes.length === 1 ? '' : 's'} to send.`,
  );
  return lines.join('\n') + '\n';
}

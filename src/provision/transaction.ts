// Writes through a slow link: the plan orders its POSTs in dependency waves
// (pools, then the domains using them, then the tenant, then the AEP's
// bindings), one round trip each. The APIC applies one POST as one
// transaction, so the roots below `uni` can go as one body rooted at `uni`
// (polUni, as the APIC's own SDK commits a configuration): relations and
// their targets arrive together, nothing points at a missing object in
// between, and a refusal anywhere leaves the fabric as it was (the next run
// plans from there, as after any failure).
//
// What stays apart: roots with a DELETE (a replaced user, leftovers swept
// below a root) keep their order, the VMM inventory (`comp/...`) waits for
// the policy the APIC derives it from, and so does every root that waits for
// one of those.
import { resolveDn, splitDn } from '../aci/dn.js';
import type { ManagedObject } from '../aci/types.js';
import { classTableNaming, type MoNaming } from './engine/naming.js';
import type { Plan, PlanBatch } from './plan.js';

export const UNI = 'uni';

/** The plan with every POST-only root below `uni` that waits for nothing else sent as one request. */
export function inOneTransaction(plan: Plan, naming: MoNaming = classTableNaming): Plan {
  const known = new Set(plan.batches.map((b) => b.root));
  const folded = new Set(plan.batches.filter(foldable).map((b) => b.root));
  // A root waiting for one sent apart cannot go in the transaction (nor can those waiting for it).
  for (let changed = true; changed;) {
    changed = false;
    for (const b of plan.batches) {
      if (folded.has(b.root) && b.after.some((a) => known.has(a) && !folded.has(a))) {
        folded.delete(b.root);
        changed = true;
      }
    }
  }
  if (folded.size < 2) return plan;
  const members = plan.batches.filter((b) => folded.has(b.root));
  const body = uniBody(members, naming);
  const transaction: PlanBatch = {
    root: UNI,
    after: [],
    requests: [{ method: 'POST', dn: UNI, body, roots: members.map((b) => b.root) }],
  };
  const rest = plan.batches
    .filter((b) => !folded.has(b.root))
    .map((b) => ({ ...b, after: [...new Set(b.after.map((a) => (folded.has(a) ? UNI : a)))] }));
  const batches = [transaction, ...rest];
  return { ...plan, batches, summary: { ...plan.summary, requests: batches.reduce((n, b) => n + b.requests.length, 0) } };
}

function foldable(b: PlanBatch): boolean {
  return (
    b.root.startsWith(`${UNI}/`) && b.requests.length > 0 && b.requests.every((r) => r.method === 'POST' && r.body) && !!resolveDn(b.root)
  );
}

/**
 * The members' bodies nested below one polUni. The objects between `uni`
 * and a member are named only: those with naming properties (a tenant, an
 * L3Out, a VMM provider) carry status `modified`, so the APIC refuses the
 * request rather than create one where it is missing, as it refuses a POST
 * below a missing object; those with a fixed RN (`uni/infra`) stand on
 * every APIC.
 */
function uniBody(members: readonly PlanBatch[], naming: MoNaming): ManagedObject {
  const uni: ManagedObject = { className: 'polUni', attributes: {}, children: [] };
  // Shallow roots first: a deeper root then lands inside the body of the one above it.
  const ordered = [...members].sort((a, b) => splitDn(a.root).length - splitDn(b.root).length);
  for (const m of ordered) {
    const path = resolveDn(m.root)!.slice(1);
    let parent = uni;
    path.forEach((step, i) => {
      const last = i === path.length - 1;
      let node = parent.children.find((c) => naming.rnOf(c) === step.rn);
      if (last) {
        const own = m.requests[0].body!;
        const attributes = { ...step.naming, ...own.attributes };
        delete attributes['dn'];
        if (node) {
          node.attributes = { ...node.attributes, ...attributes };
          delete node.attributes['status'];
          node.children.push(...own.children);
        } else {
          parent.children.push({ className: own.className, attributes, children: [...own.children] });
        }
        return;
      }
      if (!node) {
        const named = Object.keys(step.naming).length > 0;
        node = { className: step.className, attributes: named ? { ...step.naming, status: 'modified' } : {}, children: [] };
        parent.children.push(node);
      }
      parent = node;
    });
  }
  return uni;
}

// Applying a plan: each root's requests in order (a replaced object's DELETE
// before the POST), a root only after the roots above it, independent roots
// in parallel with a small bound so an APIC is not flooded. Progress is
// reported as write requests sent out of the plan's total.
import type { ManagedObject } from '../aci/types.js';
import { ApicError } from '../errors.js';
import type { Plan, PlanBatch, PlanRequest } from './plan.js';

/** The part of the client apply needs (tests can hand in a recorder). */
export interface ApicWriter {
  post(dn: string, mo: ManagedObject): Promise<void>;
  delete(dn: string): Promise<void>;
}

export interface ApplyProgress {
  sent: number;
  total: number;
  request: PlanRequest;
}

export interface ApplyOptions {
  /** Roots applied at the same time. Default 4. */
  concurrency?: number;
  onProgress?: (p: ApplyProgress) => void;
}

export interface ApplySummary {
  /** Write requests sent (and answered with success). */
  sent: number;
  total: number;
  posts: number;
  deletes: number;
  created: number;
  updated: number;
  replaced: number;
  unchanged: number;
}

/** Sends the plan's requests. Stops starting new roots at the first failure and rethrows it
 * (as an ApicError) once the roots in flight have finished: what was sent stays sent, and the
 * next run's plan picks up from there. */
export async function applyPlan(apic: ApicWriter, plan: Plan, opts: ApplyOptions = {}): Promise<ApplySummary> {
  const total = plan.summary.requests;
  const summary: ApplySummary = {
    sent: 0,
    total,
    posts: 0,
    deletes: 0,
    created: plan.summary.create,
    updated: plan.summary.update,
    replaced: plan.summary.replace,
    unchanged: plan.summary.unchanged,
  };
  const send = async (r: PlanRequest): Promise<void> => {
    if (r.method === 'DELETE') {
      await apic.delete(r.dn);
      summary.deletes++;
    } else {
      await apic.post(r.dn, r.body!);
      summary.posts++;
    }
    summary.sent++;
    opts.onProgress?.({ sent: summary.sent, total, request: r });
  };
  await runBatches(plan.batches, opts.concurrency ?? 4, async (b) => {
    for (const r of b.requests) await send(r);
  });
  return summary;
}

/** Runs batches respecting `after`, at most `limit` at once; first failure wins. */
export async function runBatches(batches: readonly PlanBatch[], limit: number, run: (b: PlanBatch) => Promise<void>): Promise<void> {
  const done = new Set<string>();
  const pending = [...batches];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const known = new Set(batches.map((b) => b.root));
  const ready = (b: PlanBatch): boolean => b.after.every((a) => done.has(a) || !known.has(a));
  while ((pending.length > 0 || inFlight.size > 0) && failure === undefined) {
    while (inFlight.size < Math.max(1, limit) && failure === undefined) {
      const i = pending.findIndex(ready);
      if (i < 0) break;
      const b = pending.splice(i, 1)[0];
      const p: Promise<void> = run(b).then(
        () => {
          done.add(b.root);
          inFlight.delete(p);
        },
        (e: unknown) => {
          failure ??= e;
          inFlight.delete(p);
        },
      );
      inFlight.add(p);
    }
    if (inFlight.size === 0) {
      if (pending.length > 0 && failure === undefined) {
        throw new ApicError(`plan cannot be ordered: ${pending.map((b) => b.root).join(', ')} wait for roots that never finish`);
      }
      break;
    }
    await Promise.race(inFlight);
  }
  await Promise.allSettled([...inFlight]);
  if (failure !== undefined) {
    throw failure instanceof ApicError ? failure : new ApicError(failure instanceof Error ? failure.message : String(failure));
  }
}

/** One line for people: what was done. */
export function renderApplySummary(s: ApplySummary): string {
  if (s.total === 0) return `Nothing to do: the APIC already holds all ${s.unchanged} desired objects.\n`;
  return (
    `Applied: ${s.created} created, ${s.updated} updated, ${s.replaced} replaced, ${s.unchanged} unchanged ` +
    `(${s.sent} of ${s.total} requests sent: ${s.posts} POST, ${s.deletes} DELETE).\n`
  );
}

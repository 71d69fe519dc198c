// The checklist: every object of the desired tree compared with the APIC's
// copy, gathered into the lines and groups people read.
import type { DesiredMo, DesiredState } from '../provision/desired/types.js';
import { allObjects, verifyChecks } from '../provision/desired/requests.js';
import { compareObject, type CompareOptions, type ObjectProblem } from './compare.js';
import { GROUPS, lineRank, lineTitle, placeObjects, type GroupId } from './layout.js';
import { FABRIC_CONTAINERS, type ApicSnapshot } from './read.js';

export interface CheckLine {
  title: string;
  dn: string;
  className: string;
  status: 'pass' | 'fail';
  /** Desired objects this line covers (itself and those folded into it). */
  objects: number;
  problems: ObjectProblem[];
}

export interface CheckGroup {
  id: GroupId;
  title: string;
  checks: CheckLine[];
}

export interface Checklist {
  ok: boolean;
  groups: CheckGroup[];
  summary: { checks: number; passed: number; failed: number; objects: number };
}

export function buildChecklist(state: DesiredState, snapshot: ApicSnapshot, opts: CompareOptions = {}): Checklist {
  const objects = allObjects(state);
  const checks = verifyChecks(state);
  const parents = new Map<DesiredMo, DesiredMo>();
  const walk = (m: DesiredMo) => {
    for (const c of m.children) {
      parents.set(c, m);
      walk(c);
    }
  };
  walk(state.root);
  const placements = placeObjects(state.root);

  const lines = new Map<DesiredMo, CheckLine & { group: GroupId }>();
  objects.forEach((mo, i) => {
    const place = placements.get(mo);
    if (!place) return;
    let line = lines.get(place.line);
    if (!line) {
      const lm = place.line;
      line = {
        group: place.group,
        title: lineTitle(lm, parents.get(lm)),
        dn: lm.dn,
        className: lm.className,
        status: 'pass',
        objects: 0,
        problems: [],
      };
      lines.set(lm, line);
    }
    line.objects++;
    // Under a missing object everything is missing: said once, by the highest one missing.
    const missingAbove = missingAncestor(mo, parents, snapshot);
    if (missingAbove) {
      if (mo === place.line) {
        line.problems.push({
          dn: mo.dn,
          className: mo.className,
          kind: 'missing',
          missingAncestor: missingAbove,
          message: `missing (${missingAbove} is missing)`,
        });
      }
      return;
    }
    line.problems.push(...compareObject(checks[i], snapshot.objects.get(mo.dn), opts));
  });

  const groups: CheckGroup[] = GROUPS.map((g) => ({ id: g.id, title: g.title, checks: [] as CheckLine[] }));
  for (const { group, ...line } of lines.values()) {
    line.status = line.problems.length > 0 ? 'fail' : 'pass';
    groups.find((g) => g.id === group)!.checks.push(line);
  }
  for (const g of groups)
    g.checks = g.checks
      .map((c, i) => ({ c, i }))
      .sort((a, b) => lineRank(a.c.className) - lineRank(b.c.className) || a.i - b.i)
      .map((x) => x.c);
  const all = groups.flatMap((g) => g.checks);
  const failed = all.filter((c) => c.status === 'fail').length;
  return {
    ok: failed === 0,
    groups: groups.filter((g) => g.checks.length > 0),
    summary: { checks: all.length, passed: all.length - failed, failed, objects: all.reduce((n, c) => n + c.objects, 0) },
  };
}

/** The highest missing ancestor of `mo` (fabric roots, never read, excluded). */
function missingAncestor(mo: DesiredMo, parents: Map<DesiredMo, DesiredMo>, snapshot: ApicSnapshot): string | undefined {
  let found: string | undefined;
  for (let p = parents.get(mo); p && parents.has(p); p = parents.get(p)) {
    if (!FABRIC_CONTAINERS.has(p.className) && !snapshot.objects.has(p.dn)) found = p.dn;
  }
  return found;
}

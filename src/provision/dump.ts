// The `--apic-dump` file: the requests `-a` would send to an empty fabric,
// each as its URL path on one line and its JSON body (4-space indent), then
// the DNs unprovision removes one by one inside it, with the body `None` (the
// Python tool's format, which its users diff against).
import type { Config } from '../config/types.js';
import { buildDesiredState, type FamilyFabricFacts } from './desired/index.js';
import { postRequests } from './desired/requests.js';
import type { DesiredState } from './desired/types.js';

/** `fabric`: what discovery read (with -a, the dump shows what -a sends, as the Python tool's does). */
export function renderApicDump(config: Config, fabric: FamilyFabricFacts = {}): string {
  return renderDesiredDump(buildDesiredState(config, fabric));
}

export function renderDesiredDump(state: DesiredState): string {
  if (state.notDumped) return '';
  const lines: string[] = [];
  for (const req of postRequests(state)) {
    lines.push(req.path, JSON.stringify(req.body, null, 4));
    for (const m of req.removedByDn) lines.push(`/api/mo/${m.dn}.json`, 'None');
    // Removed only, listed after the request for the object they would be in.
    for (const r of state.alsoRemoved ?? []) {
      if (req.objects.some((o) => r.dn.startsWith(`${o.dn}/`))) lines.push(`/api/mo/${r.dn}.json`, 'None');
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

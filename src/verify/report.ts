// The verify report: grouped lines for people, one JSON document for scripts.
import type { Checklist } from './checklist.js';
import type { InfoItem } from './inventory.js';

export interface VerifyReport {
  ok: boolean;
  /** The APIC the checks ran against. */
  apic: string;
  tenant: string;
  systemId: string;
  checklist: Checklist;
  info: InfoItem[];
  /** GET requests made (logins excluded). */
  requests: number;
  /** Remarks before the checks: what they could not cover (a certificate file not at hand), where the live cluster was read. */
  notes: string[];
}

export function formatVerifyText(r: VerifyReport): string {
  const out: string[] = [`verify: cluster ${r.systemId}, tenant ${r.tenant}, APIC ${r.apic}`];
  for (const note of r.notes) out.push(`note: ${note}`);
  for (const g of r.checklist.groups) {
    out.push('', g.title);
    const width = Math.max(...g.checks.map((c) => c.title.length));
    for (const c of g.checks) {
      out.push(`  ${c.status.toUpperCase().padEnd(4)}  ${c.title.padEnd(width)}  ${c.dn}`);
      for (const p of c.problems) {
        out.push(`        ${p.dn === c.dn ? '' : `${p.dn}: `}${p.message}`);
      }
    }
  }
  if (r.info.length > 0) {
    out.push('', 'Running cluster (information, not checked)');
    for (const i of r.info) out.push(`  INFO  ${i.title}: ${i.message}`);
  }
  const s = r.checklist.summary;
  out.push(
    '',
    s.failed > 0
      ? `FAILED: ${s.failed} of ${s.checks} checks failed (${s.objects} objects compared, ${r.requests} requests)`
      : `OK: all ${s.checks} checks passed (${s.objects} objects compared, ${r.requests} requests)`,
  );
  return out.join('\n') + '\n';
}

export function formatVerifyJson(r: VerifyReport): string {
  return (
    JSON.stringify(
      {
        ok: r.ok,
        apic: r.apic,
        systemId: r.systemId,
        tenant: r.tenant,
        summary: { ...r.checklist.summary, requests: r.requests },
        notes: r.notes,
        groups: r.checklist.groups,
        info: r.info,
      },
      null,
      2,
    ) + '\n'
  );
}

// What the fabric tells us before anything is written, read where the Python
// tool reads it: the controller firmware version, and the infra VLAN from the
// default AEP's binding to the infra tenant's access EPG.
import type { ManagedObject } from '../aci/types.js';
import type { Query } from './path.js';

/** The part of the client discovery needs (so tests can hand in a stub). */
export interface ApicReader {
  get(path: string, query?: Query): Promise<ManagedObject[]>;
}

export interface ApicVersion {
  /** As the APIC reports it, e.g. `5.2(3e)`. */
  raw: string;
  /** Comparable form, e.g. `5.2.3`: major.minor, then the digits inside the parentheses. */
  normalized: string;
}

export const INFRA_VLAN_DN = 'uni/infra/attentp-default/provacc/rsfuncToEpg-[uni/tn-infra/ap-access/epg-default]';

/** `5.2(3e)` -> `5.2.3`; `6.1(2.115a)` -> `6.1.2115` (digits only, as the Python tool compares them). */
export function normalizeApicVersion(raw: string): string {
  const open = raw.indexOf('(');
  if (open < 0) return raw.trim();
  const major = raw.slice(0, open).trim();
  const minor = raw.slice(open + 1).replace(/\D/g, '');
  return minor ? `${major}.${minor}` : major;
}

export async function readApicVersion(apic: ApicReader): Promise<ApicVersion | undefined> {
  const running = await apic.get('/api/node/class/firmwareCtrlrRunning.json');
  const raw = running.map((m) => m.attributes['version']).find((v) => v !== undefined && v !== '');
  return raw === undefined ? undefined : { raw, normalized: normalizeApicVersion(raw) };
}

export async function readInfraVlan(apic: ApicReader): Promise<number | undefined> {
  const [binding] = await apic.get(`/api/node/mo/${INFRA_VLAN_DN}.json`);
  const encap = binding?.attributes['encap'];
  const m = encap ? /^vlan-(\d+)$/.exec(encap) : null;
  return m ? Number(m[1]) : undefined;
}

/** The infra VLAN from the AEPs read whole (the default AEP's binding to the infra tenant's access EPG): no request of its own. */
export function infraVlanOf(aeps: readonly ManagedObject[]): number | undefined {
  const aepDn = INFRA_VLAN_DN.slice(0, INFRA_VLAN_DN.indexOf('/provacc/'));
  const target = /rsfuncToEpg-\[(.*)\]$/.exec(INFRA_VLAN_DN)![1];
  const binding = aeps
    .find((a) => a.attributes['dn'] === aepDn)
    ?.children.find((c) => c.className === 'infraProvAcc')
    ?.children.find((c) => c.className === 'infraRsFuncToEpg' && c.attributes['tDn'] === target);
  const m = binding?.attributes['encap'] ? /^vlan-(\d+)$/.exec(binding.attributes['encap']) : null;
  return m ? Number(m[1]) : undefined;
}

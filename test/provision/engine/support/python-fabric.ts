// The APIC the Python tool saw in a conformance unprovision case
// (test_<case>_data.json: its GET answers and the DNs it deleted), as a
// MemoryApic: the cluster tenant with its children, the objects it deleted by
// DN outside the tenant (so they exist), and the common objects it kept.
import { fromImData } from '../../../../src/aci/json.js';
import type { ManagedObject } from '../../../../src/aci/types.js';
import { MemoryApic } from './memory-apic.js';

export const ANN = 'orchestrator:aci-containers-controller';

export interface StateFile {
  gets: Record<string, { imdata: unknown[] }>;
  deletes: string[];
}

export function mo(className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject {
  return { className, attributes, children };
}

/** `/api/node/mo/<dn>.json` or `/api/mo/<dn>.json` -> `<dn>`. */
export const dnOf = (path: string): string => path.replace(/^\/api\/(node\/)?mo\//, '').replace(/\.json$/, '');

export function fabricFrom(data: StateFile, tenant: string): MemoryApic {
  const answer = (path: string): ManagedObject[] => fromImData(data.gets[path] ?? { imdata: [] });
  const tenantSelf = answer(`/api/node/mo/uni/tn-${tenant}.json?query-target=self`)[0];
  const apDn = `uni/tn-${tenant}/ap-aci-containers-kube`;
  const apChildren = answer(`/api/mo/${apDn}.json?query-target=children`);
  const children = answer(`/api/mo/uni/tn-${tenant}.json?query-target=children`).map((c) =>
    c.attributes['dn'] === apDn ? { ...c, children: apChildren } : c,
  );
  const seed: ManagedObject[] = [{ ...tenantSelf, children }];
  for (const path of data.deletes) {
    const dn = dnOf(path);
    if (!dn.startsWith(`uni/tn-${tenant}`)) seed.push(mo('vzFilter', { dn, annotation: ANN }));
  }
  seed.push(mo('fvTenant', { dn: 'uni/tn-common', name: 'common' }));
  seed.push(mo('infraAttEntityP', { dn: 'uni/infra/attentp-kube-aep', name: 'kube-aep', annotation: ANN }));
  for (const net of ['default', 'test_ext_net']) seed.push(mo('l3extInstP', { dn: `uni/tn-common/out-l3out/instP-${net}`, name: net }));
  // The answers carry each object's own `dn`: seed them one by one, not as a tree of RNs.
  const flat: ManagedObject[] = [];
  const visit = (m: ManagedObject): void => {
    flat.push({ ...m, children: [] });
    m.children.forEach(visit);
  };
  seed.forEach(visit);
  return new MemoryApic(flat);
}

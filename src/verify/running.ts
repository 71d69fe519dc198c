// The running cluster checked (`verify --nodes` / `--kubeconfig`): what the
// ACI CNI controller reports once the cluster runs. Every node expected and
// every usual namespace must be in the VMM inventory; for each service of
// type LoadBalancer (those Kubernetes lists with --kubeconfig, else those the
// controller reported), the cluster's service graph template and device, the
// service's contract and the graph instance the APIC deployed for it must
// exist. Two reads.
import type { ManagedObject } from '../aci/types.js';
import { cniNames, USUAL_NAMESPACES } from '../cluster/cni.js';
import type { Config } from '../config/types.js';
import { dnOf, tenantDn } from '../aci/dns.js';
import type { CheckGroup, CheckLine } from './checklist.js';
import { GROUPS } from './layout.js';

export interface RunningReader {
  getMo(
    dn: string,
    opts?: { subtree?: 'no' | 'children' | 'full'; query?: Record<string, string | undefined> },
  ): Promise<ManagedObject | undefined>;
  getChildren(dn: string, classes?: readonly string[]): Promise<ManagedObject[]>;
}

export interface RunningExpectation {
  /** Node names: from the inventory file, the live cluster, or both. */
  nodes: readonly string[];
  /**
   * The live cluster's services of type LoadBalancer (`namespace/name`): each
   * must also be reported by the controller. Omitted: the services the
   * controller reports are the ones checked.
   */
  loadBalancers?: readonly string[];
}

function flatten(mo: ManagedObject | undefined, out: ManagedObject[] = []): ManagedObject[] {
  if (!mo) return out;
  out.push(mo);
  for (const c of mo.children) flatten(c, out);
  return out;
}

function line(title: string, dn: string, className: string, present: boolean, why = 'missing'): CheckLine {
  return {
    title,
    dn,
    className,
    status: present ? 'pass' : 'fail',
    objects: 1,
    problems: present ? [] : [{ dn, className, kind: 'missing', message: why }],
  };
}

export async function checkRunningCluster(
  reader: RunningReader,
  config: Config,
  expect: RunningExpectation,
): Promise<{ group: CheckGroup; reads: number; notes: string[] }> {
  const n = cniNames(config);
  const [inventoryRoot, l4l7] = await Promise.all([
    reader.getMo(n.injectedCont, { subtree: 'full', query: { 'rsp-subtree-class': 'vmmInjectedHost,vmmInjectedNs,vmmInjectedSvc' } }),
    reader.getChildren(tenantDn(n.vrfTenant), ['vnsAbsGraph', 'vnsLDevVip', 'vnsGraphInst', 'vzBrCP']),
  ]);
  const reported = new Map(flatten(inventoryRoot).map((m) => [m.attributes['dn'] ?? '', m]));
  const checks: CheckLine[] = [];
  const notRunning = inventoryRoot
    ? 'not reported by the controller'
    : `not reported by the controller (${n.injectedCont} is missing: is the VMM domain provisioned?)`;
  for (const node of expect.nodes) {
    const dn = `${n.injectedCont}/host-[${node}]`;
    checks.push(line(`Node ${node}`, dn, 'vmmInjectedHost', reported.has(dn), notRunning));
  }
  for (const ns of USUAL_NAMESPACES) {
    const dn = `${n.injectedCont}/ns-[${ns}]`;
    checks.push(line(`Namespace ${ns}`, dn, 'vmmInjectedNs', reported.has(dn), notRunning));
  }
  const reportedServices = [...reported.values()]
    .filter((m) => m.className === 'vmmInjectedSvc' && m.attributes['type'] === 'loadBalancer')
    .map((m) => {
      const ns = /\/ns-\[([^\]]+)\]\/svc-\[/.exec(m.attributes['dn'] ?? '')?.[1] ?? '';
      return `${ns}/${m.attributes['name'] ?? ''}`;
    })
    .sort();
  const live = expect.loadBalancers;
  const services = live ? [...live].sort() : reportedServices;
  const notes = live
    ? reportedServices
        .filter((key) => !live.includes(key))
        .map((key) => `the controller still reports LoadBalancer service ${key}, which the cluster no longer has (not checked)`)
    : [];
  if (services.length > 0) {
    const has = (cls: string, dn: string) => l4l7.some((m) => m.className === cls && m.attributes['dn'] === dn);
    checks.push(line(`Service graph template ${n.graphName}`, n.graphDn, 'vnsAbsGraph', has('vnsAbsGraph', n.graphDn)));
    checks.push(line(`L4-L7 device ${n.graphName}`, n.deviceDn, 'vnsLDevVip', has('vnsLDevVip', n.deviceDn)));
    for (const key of services) {
      if (live) {
        const slash = key.indexOf('/');
        const svcDn = `${n.injectedCont}/ns-[${key.slice(0, slash)}]/svc-[${key.slice(slash + 1)}]`;
        const why = inventoryRoot ? 'not reported by the controller as a LoadBalancer service' : notRunning;
        checks.push(line(`LoadBalancer service ${key}`, svcDn, 'vmmInjectedSvc', reportedServices.includes(key), why));
      }
      const ctrctDn = dnOf(['polUni'], ['fvTenant', { name: n.vrfTenant }], ['vzBrCP', { name: n.serviceName(key) }]);
      const instance = l4l7.find(
        (m) => m.className === 'vnsGraphInst' && m.attributes['ctrctDn'] === ctrctDn && m.attributes['graphDn'] === n.graphDn,
      );
      const contract = has('vzBrCP', ctrctDn);
      checks.push(
        line(
          `Deployed graph instance of service ${key}`,
          instance?.attributes['dn'] ?? ctrctDn,
          instance ? 'vnsGraphInst' : 'vzBrCP',
          instance !== undefined,
          contract ? `no deployed graph instance for contract ${ctrctDn}` : `missing: the service's contract ${ctrctDn} is missing`,
        ),
      );
    }
  }
  const title = GROUPS.find((g) => g.id === 'running-cluster')!.title;
  return { group: { id: 'running-cluster', title, checks }, reads: 2, notes };
}

// What the ACI CNI controller writes on the APIC for a running cluster, as
// data: one POST per entry, each a whole subtree, as the controller posts
// them. Classes, RNs and attributes follow the controller's object
// constructors (aci-containers pkg/controller nodes.go, namespaces.go,
// services.go): the VMM inventory (hosts, namespaces, services), the
// service bridge domain, and for load-balanced services one device and one
// graph template for the cluster plus, per service, a redirect policy, an
// external EPG providing the service's contract, the contract with the
// graph attached, its filter and the device selection context.
import { dnOf } from '../../aci/dns.js';
import type { ManagedObject } from '../../aci/types.js';
import { cniNames, type CniNames } from '../../cluster/cni.js';
import type { Config } from '../../config/types.js';
import type { Workload } from './workload.js';

/** Every object the controller writes carries this annotation. */
export const CONTROLLER_ANNOTATION = 'orchestrator:aci-containers-controller';

export interface ControllerPost {
  /** The DN the POST goes to. */
  dn: string;
  mo: ManagedObject;
  /** Shown in the command's progress lines. */
  what: string;
}

function mo(className: string, attributes: Record<string, string>, children: ManagedObject[] = []): ManagedObject {
  return { className, attributes: { ...attributes, annotation: CONTROLLER_ANNOTATION }, children };
}

/** The emulated fabric path of the n-th node (leaf 101, one port per node): the controller reads it from the node's OpFlex device. */
export function nodeFabricPath(index: number): string {
  return `topology/pod-1/paths-101/pathep-[eth1/${index + 1}]`;
}

function inventory(n: CniNames, w: Workload): ControllerPost[] {
  const posts: ControllerPost[] = [];
  for (const node of w.nodes) {
    const dn = `${n.injectedCont}/host-[${node.name}]`;
    posts.push({
      dn,
      what: `node ${node.name}`,
      mo: mo('vmmInjectedHost', { dn, name: node.name, mgmtIp: node.ip, os: 'Linux', kernelVer: '' }),
    });
  }
  for (const ns of w.namespaces) {
    const dn = `${n.injectedCont}/ns-[${ns}]`;
    posts.push({ dn, what: `namespace ${ns}`, mo: mo('vmmInjectedNs', { dn, name: ns }) });
  }
  for (const s of w.services) {
    const dn = `${n.injectedCont}/ns-[${s.namespace}]/svc-[${s.name}]`;
    posts.push({
      dn,
      what: `service ${s.namespace}/${s.name}`,
      mo: mo('vmmInjectedSvc', { dn, name: s.name, guid: s.uid, type: 'loadBalancer', lbIp: s.lbIp }, [
        mo('vmmInjectedSvcPort', { port: String(s.port), protocol: 'tcp', targetPort: String(s.targetPort), nodePort: String(s.nodePort) }),
      ]),
    });
  }
  return posts;
}

function serviceBd(n: CniNames, config: Config): ControllerPost {
  const a = config.aci_config;
  const dn = dnOf(['polUni'], ['fvTenant', { name: n.vrfTenant }], ['fvBD', { name: n.serviceBdName }]);
  return {
    dn,
    what: `service bridge domain ${n.serviceBdName}`,
    mo: mo('fvBD', { dn, name: n.serviceBdName, arpFlood: 'yes', ipLearning: 'no', unkMacUcastAct: 'proxy' }, [
      mo('fvRsBDToOut', { tnL3extOutName: String(a.l3out.name) }),
      mo('fvRsCtx', { tnFvCtxName: String(a.vrf.name) }),
      mo('fvSubnet', { ip: String(config.net_config.node_svc_subnet) }),
    ]),
  };
}

function device(n: CniNames, config: Config, w: Workload): ControllerPost {
  const cdevs = w.nodes.map((node, i) =>
    mo('vnsCDev', { name: node.name }, [mo('vnsCIf', { name: 'interface' }, [mo('vnsRsCIfPathAtt', { tDn: nodeFabricPath(i) })])]),
  );
  const lif = mo(
    'vnsLIf',
    { name: 'interface', encap: `vlan-${config.net_config.service_vlan}` },
    w.nodes.map((node) => mo('vnsRsCIfAttN', { tDn: `${n.deviceDn}/cDev-${node.name}/cIf-[interface]` })),
  );
  return {
    dn: n.deviceDn,
    what: `L4-L7 device ${n.graphName}`,
    mo: mo('vnsLDevVip', { dn: n.deviceDn, name: n.graphName, managed: 'no' }, [
      mo('vnsRsALDevToPhysDomP', { tDn: dnOf(['polUni'], ['physDomP', { name: config.aci_config.physical_domain.domain }]) }),
      ...cdevs,
      lif,
    ]),
  };
}

function graphTemplate(n: CniNames): ControllerPost {
  const g = n.graphDn;
  const node = `${g}/AbsNode-loadbalancer`;
  const term = (cls: string, name: string) => mo(cls, { name }, [mo('vnsAbsTermConn', {}), mo('vnsInTerm', {}), mo('vnsOutTerm', {})]);
  const conn = (name: string, a: string, b: string) =>
    mo('vnsAbsConnection', { name, connDir: 'provider' }, [
      mo('vnsRsAbsConnectionConns', { tDn: a }),
      mo('vnsRsAbsConnectionConns', { tDn: b }),
    ]);
  return {
    dn: g,
    what: `service graph template ${n.graphName}`,
    mo: mo('vnsAbsGraph', { dn: g, name: n.graphName }, [
      mo('vnsAbsNode', { name: 'loadbalancer', managed: 'no', routingMode: 'Redirect' }, [
        mo('vnsAbsFuncConn', { name: 'consumer' }),
        mo('vnsAbsFuncConn', { name: 'provider' }),
        mo('vnsRsNodeToLDev', { tDn: n.deviceDn }),
      ]),
      term('vnsAbsTermNodeCon', 'T1'),
      term('vnsAbsTermNodeProv', 'T2'),
      conn('C1', `${node}/AbsFConn-consumer`, `${g}/AbsTermNodeCon-T1/AbsTConn`),
      conn('C2', `${node}/AbsFConn-provider`, `${g}/AbsTermNodeProv-T2/AbsTConn`),
    ]),
  };
}

function servicePosts(n: CniNames, config: Config, w: Workload): ControllerPost[] {
  const a = config.aci_config;
  const tenant = ['fvTenant', { name: n.vrfTenant }] as const;
  const posts: ControllerPost[] = [];
  for (const s of w.services) {
    const key = `${s.namespace}/${s.name}`;
    const name = n.serviceName(key);
    const rpDn = dnOf(['polUni'], tenant, ['vnsSvcCont'], ['vnsSvcRedirectPol', { name }]);
    posts.push({
      dn: rpDn,
      what: `redirect policy of ${key}`,
      mo: mo(
        'vnsSvcRedirectPol',
        { dn: rpDn, name, thresholdDownAction: 'deny', resilientHashEnabled: 'yes' },
        w.nodes.map((node) => mo('vnsRedirectDest', { ip: node.serviceIp, mac: node.serviceMac, descr: node.name })),
      ),
    });
    const extDn = dnOf(['polUni'], tenant, ['l3extOut', { name: String(a.l3out.name) }], ['l3extInstP', { name }]);
    posts.push({
      dn: extDn,
      what: `external EPG of ${key}`,
      mo: mo('l3extInstP', { dn: extDn, name }, [mo('fvRsProv', { tnVzBrCPName: name }), mo('l3extSubnet', { ip: `${s.lbIp}/32` })]),
    });
    const brcDn = dnOf(['polUni'], tenant, ['vzBrCP', { name }]);
    posts.push({
      dn: brcDn,
      what: `contract of ${key}`,
      mo: mo('vzBrCP', { dn: brcDn, name }, [
        mo('vzSubj', { name: 'loadbalancedservice' }, [
          mo('vzRsSubjGraphAtt', { tnVnsAbsGraphName: n.graphName }),
          mo('vzRsSubjFiltAtt', { tnVzFilterName: name }),
        ]),
      ]),
    });
    // The cluster's external networks consume every service's contract.
    for (const net of a.l3out.external_networks ?? []) {
      const cons = dnOf(
        ['polUni'],
        tenant,
        ['l3extOut', { name: String(a.l3out.name) }],
        ['l3extInstP', { name: net }],
        ['fvRsCons', { tnVzBrCPName: name }],
      );
      posts.push({ dn: cons, what: `${net} consumes ${name}`, mo: mo('fvRsCons', { dn: cons, tnVzBrCPName: name }) });
    }
    const fltDn = dnOf(['polUni'], tenant, ['vzFilter', { name }]);
    posts.push({
      dn: fltDn,
      what: `filter of ${key}`,
      mo: mo('vzFilter', { dn: fltDn, name }, [
        mo('vzEntry', { name: '0', etherT: 'ip', prot: 'tcp', dFromPort: String(s.port), dToPort: String(s.port), stateful: 'no' }),
      ]),
    });
    const ctxDn = dnOf(['polUni'], tenant, [
      'vnsLDevCtx',
      { ctrctNameOrLbl: name, graphNameOrLbl: n.graphName, nodeNameOrLbl: 'loadbalancer' },
    ]);
    const bdDn = dnOf(['polUni'], tenant, ['fvBD', { name: n.serviceBdName }]);
    posts.push({
      dn: ctxDn,
      what: `device selection of ${key}`,
      mo: mo('vnsLDevCtx', { dn: ctxDn, ctrctNameOrLbl: name, graphNameOrLbl: n.graphName, nodeNameOrLbl: 'loadbalancer' }, [
        mo('vnsRsLDevCtxToLDev', { tDn: n.deviceDn }),
        ...['consumer', 'provider'].map((conn) =>
          mo('vnsLIfCtx', { connNameOrLbl: conn }, [
            mo('vnsRsLIfCtxToSvcRedirectPol', { tDn: rpDn }),
            mo('vnsRsLIfCtxToBD', { tDn: bdDn }),
            mo('vnsRsLIfCtxToLIf', { tDn: `${n.deviceDn}/lIf-interface` }),
          ]),
        ),
      ]),
    });
  }
  return posts;
}

/** The controller's writes, in an order where every relation's target is written first. */
export function controllerPosts(config: Config, w: Workload): ControllerPost[] {
  const n = cniNames(config);
  const l4l7 = w.services.length > 0 ? [device(n, config, w), graphTemplate(n), ...servicePosts(n, config, w)] : [];
  return [...inventory(n, w), serviceBd(n, config), ...l4l7];
}

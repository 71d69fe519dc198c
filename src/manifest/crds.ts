import { truthy } from './context.js';
// The CustomResourceDefinitions the ACI CNI needs. Their schemas are static
// interface data (data/crds.json, taken from the ACI CNI's manifest); which of
// them a cluster gets depends on its options.
import crdData from './data/crds.json' with { type: 'json' };
import type { Ctx } from './context.js';
import type { KubeObject } from './object.js';

const CRDS = crdData as unknown as Record<string, KubeObject>;

/** A fresh copy, so callers may not alter the shared data. */
export function crd(name: string): KubeObject {
  const c = CRDS[name];
  if (!c) throw new Error(`unknown CRD ${name}`);
  return structuredClone(c);
}

const FABRIC_ATTACHMENT = [
  'nodefabricnetworkattachments.aci.fabricattachment',
  'nadvlanmaps.aci.fabricattachment',
  'networkfabricconfigurations.aci.fabricattachment',
  'fabricvlanpools.aci.fabricattachment',
  'nodefabricnetworkl3peers.aci.fabricattachment',
  'networkfabricl3configurations.aci.fabricattachment',
];

/** The CRDs of aci-containers.yaml, in the ACI CNI's order. */
export function buildCrds(ctx: Ctx): KubeObject[] {
  const names: string[] = [];
  if (ctx.fullCni) {
    if (truthy(ctx.c.kube_config.use_aci_anywhere_crd)) names.push('podifs.aci.aw');
    names.push(
      'nodepodifs.aci.aw',
      'snatglobalinfos.aci.snat',
      'snatlocalinfos.aci.snat',
      'snatpolicies.aci.snat',
      'nodeinfos.aci.snat',
      'rdconfigs.aci.snat',
    );
    if (!ctx.overlay) names.push('networkpolicies.aci.netpol', 'dnsnetworkpolicies.aci.dnsnetpol');
    names.push(
      'qospolicies.aci.qos',
      'netflowpolicies.aci.netflow',
      'erspanpolicies.aci.erspan',
      'enabledroplogs.aci.droplog',
      'prunedroplogs.aci.droplog',
      'hostprotpols.aci.hpp',
      'hostprotremoteipcontainers.aci.hpp',
    );
    if (truthy(ctx.c.kube_config.proactive_conf)) names.push('proactiveconfs.aci.pc');
  }
  if (truthy(ctx.c.sriov_config.enable) || (ctx.chained && truthy(ctx.c.chained_cni_config.include_network_attachment_definition_crd))) {
    names.push('network-attachment-definitions.k8s.cni.cncf.io');
  }
  if (ctx.chained) names.push(...FABRIC_ATTACHMENT);
  if (ctx.aaepMonitoring) names.push('aaepmonitors.aci.attachmentmonitor');
  return names.map(crd);
}

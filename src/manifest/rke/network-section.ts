// RKE's `network:` section of cluster.yml for the ACI CNI (the RKE flavors'
// `-o` output): RKE deploys the ACI CNI itself from these settings, so the
// tool writes no manifest, operator resource nor tarball for RKE.
import type { Config } from '../../config/types.js';
import { getFlavor } from '../../config/flavors.js';
import { Ctx, pyStr, truthy } from '../context.js';
import type { KubeObject } from '../object.js';
import { inGeneration, RKE_FIELDS, RKE_GENERATIONS, type RkeGeneration, type RkeValue } from './network-fields.js';

function generationOf(flavor: string): RkeGeneration {
  const g = getFlavor(flavor)?.network;
  const known = RKE_GENERATIONS.find((x) => x === g);
  if (!known) throw new Error(`flavor ${flavor}: no RKE network section generation`);
  return known;
}

const at = (g: RkeGeneration) => RKE_GENERATIONS.indexOf(g);

/** The images RKE runs, when the file names its registry. */
function systemImages(ctx: Ctx): Record<string, string> {
  const suffix = truthy(ctx.c.registry.use_digest) ? '@sha256' : '';
  const image = (name: string, key: keyof Config['registry']) =>
    `${pyStr(ctx.c.registry.image_prefix)}/${name}${suffix}:${pyStr(ctx.c.registry[key])}`;
  return {
    aci_cni_deploy_container: image('cnideploy', 'cnideploy_version'),
    aci_host_container: image('aci-containers-host', 'aci_containers_host_version'),
    aci_opflex_container: image('opflex', 'opflex_agent_version'),
    aci_mcast_container: image('opflex', 'opflex_agent_version'),
    aci_ovs_container: image('openvswitch', 'openvswitch_version'),
    aci_controller_container: image('aci-containers-controller', 'aci_containers_controller_version'),
  };
}

/** The section as one YAML document's data. */
export function buildRkeNetworkSection(config: Config): KubeObject {
  const ctx = new Ctx(config);
  const g = generationOf(config.flavor);
  const provider: Record<string, RkeValue> = {};
  for (const f of RKE_FIELDS) {
    if (!inGeneration(f, g)) continue;
    const v = f.value(ctx);
    if (v !== undefined) provider[f.key] = v;
  }
  const network: Record<string, unknown> = { plugin: 'aci', aci_network_provider: provider };
  // The first generations put the MTU beside the provider settings.
  if (at(g) < at('1.3.20') && truthy(ctx.c.net_config.interface_mtu)) network.mtu = ctx.c.net_config.interface_mtu;
  const podSubnets = (ctx.c.net_config.pod_subnet as string[] | null) ?? [];
  const kubeController: Record<string, string> = {};
  if (at(g) < at('1.3.21')) kubeController.cluster_cidr = podSubnets.join('');
  else if (truthy(podSubnets)) kubeController.cluster_cidr = podSubnets.join(',');
  const doc: Record<string, unknown> = { network, services: { 'kube-controller': kubeController } };
  if (at(g) >= at('1.3.24') && truthy(ctx.c.user_config.registry)) doc.system_images = systemImages(ctx);
  return doc as unknown as KubeObject;
}

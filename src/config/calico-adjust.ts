// Calico's derived names, as the Python tool derives them: the cluster L3Out
// is named after its SVI VLAN unless given, and names the cluster (system id,
// at most 20 characters: the APIC user and its certificate files), its node
// and interface profiles and its two external EPGs.
import { flavorFamily } from './flavors.js';
import { isTree, type Tree } from './merge.js';

export function adjustCalico(config: Tree): void {
  if (flavorFamily(String(config.flavor)) !== 'calico') return;
  const aci = config.aci_config as Tree;
  const l3out = aci.cluster_l3out as Tree;
  const svi = isTree(l3out.svi) ? l3out.svi : (l3out.svi = {});
  if (!l3out.name) l3out.name = `calico-l3out-fsvi-vlan-${String(svi.vlan_id)}`;
  const name = String(l3out.name);
  aci.system_id = (name.includes('calico') ? name : `calico-${name}`).slice(0, 20);
  svi.node_profile_name = `${name}_node_prof`;
  svi.int_prof_name = `${name}_int_prof`;
  svi.external_network = `${name}_int_epg`;
  svi.external_network_svc = `${name}_svc_epg`;
}

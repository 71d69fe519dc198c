// The text of acc-provision-config's `spec`: the user's input as the
// acc-provision operator reads it back. Laid out member by member as the
// reference writes it, including its quirks (", " separators, and no comma
// after a `snat_operator` block that is not last: the operator then falls
// back on its defaults), so the operator sees the same bytes from either tool.
import type { UserFile } from '../config/types.js';
import { Ctx, truthy } from './context.js';
import { jinjaToJson, pyDumps } from './json-text.js';

const J = (v: unknown) => pyDumps(v, 4);
/** Pretty JSON whose continuation lines sit `col` columns in. */
const Jat = (v: unknown, col: number) => pyDumps(v, 4).replace(/\n/g, '\n' + ' '.repeat(col));
const sp = (n: number) => ' '.repeat(n);
const entries = (v: unknown): [string, unknown][] => (v && typeof v === 'object' ? Object.entries(v) : []);
/** A section read key by key, as the reference's template loops over names. */
const asRecord = (v: object | undefined): Record<string, unknown> => ({ ...v });

class Lines {
  readonly out: string[] = [];
  add(col: number, text: string): void {
    this.out.push(sp(col) + text);
  }
  /** One line per member, "key": value and ", " after all but the last. */
  members(col: number, m: [string, unknown][], value: (v: unknown) => string = J): void {
    m.forEach(([k, v], i) => this.add(col, `${pyDumps(k)}: ${value(v)}${i < m.length - 1 ? ', ' : ''}`));
  }
}

function aciConfig(ctx: Ctx, l: Lines): void {
  const u = ctx.c.user_config.aci_config;
  const c = ctx.c.aci_config;
  l.add(8, '"aci_config": {');
  l.add(12, `"system_id": ${J(c.system_id)},`);
  if (truthy(u?.apic_hosts)) l.add(12, `"apic_hosts": ${Jat(c.apic_hosts, 12)},`);
  if (truthy(u?.aep)) l.add(12, `"aep": ${J(c.aep)},`);
  if (truthy(u?.secondary_aep)) l.add(12, `"secondary_aep": ${J(c.secondary_aep)},`);
  if ((truthy(ctx.c.user_config.chained_cni_config) || truthy(ctx.c.user_config.vmm_lite_config)) && truthy(u?.physical_domain)) {
    l.add(12, '"physical_domain": {');
    l.add(16, `"domain": ${J(c.physical_domain.domain)},`);
    l.add(16, `"vlan_pool": ${J(c.physical_domain.vlan_pool)}`);
    l.add(12, '},');
  }
  if (truthy(ctx.c.aci_config.apic_subscription_delay)) l.add(12, `"apic-subscription-delay": ${J(c.apic_subscription_delay)},`);
  if (truthy(ctx.c.aci_config.apic_refreshticker_adjust)) l.add(12, `"apic_refreshticker_adjust": ${J(c.apic_refreshticker_adjust)},`);
  if (truthy(ctx.c.aci_config.opflex_device_delete_timeout))
    l.add(12, `"opflex-device-delete-timeout": ${J(c.opflex_device_delete_timeout)},`);
  if (truthy(u?.tenant)) {
    l.add(12, '"tenant": {');
    l.add(16, `"name": ${J(u?.tenant?.name)}`);
    l.add(12, '},');
  }
  l.add(12, '"vrf": {');
  l.add(16, `"name": ${J(c.vrf.name)},`);
  l.add(16, `"tenant": ${J(c.vrf.tenant)}`);
  l.add(12, '},');
  if (truthy(u?.cluster_l3out)) l.add(12, `"cluster_l3out": ${Jat(u?.cluster_l3out, 12)},`);
  if (truthy(u?.sync_login)) {
    l.add(12, '"sync_login": {');
    l.members(16, entries(u?.sync_login));
    l.add(12, '},');
  }
  if (truthy(u?.client_ssl)) l.add(12, `"client_ssl": ${J(c.client_ssl)},`);
  if (truthy(u?.vmm_domain)) {
    l.add(12, '"vmm_domain": {');
    l.add(16, `"type": ${J(c.vmm_domain.type)},`);
    l.add(16, `"encap_type": ${J(c.vmm_domain.encap_type)},`);
    l.add(16, `"mcast_fabric": ${J(c.vmm_domain.mcast_fabric)},`);
    l.add(16, '"mcast_range": {');
    l.add(20, `"start": ${J(c.vmm_domain.mcast_range.start)},`);
    l.add(20, `"end": ${J(c.vmm_domain.mcast_range.end)}`);
    if (truthy(u?.vmm_domain?.nested_inside) && truthy(u?.vmm_domain?.nested_inside?.installer_provisioned_lb_ip)) {
      l.add(16, '},');
      l.add(16, '"nested_inside": {');
      if (truthy(u?.vmm_domain?.nested_inside?.type)) l.add(20, `"type": ${Jat(u?.vmm_domain?.nested_inside?.type, 16)},`);
      if (truthy(u?.vmm_domain?.nested_inside?.name)) l.add(20, `"name": ${Jat(u?.vmm_domain?.nested_inside?.name, 16)},`);
      l.add(20, `"installer_provisioned_lb_ip": ${Jat(u?.vmm_domain?.nested_inside?.installer_provisioned_lb_ip, 16)}`);
      l.add(16, '}');
    } else l.add(16, '}');
    l.add(12, '},');
  }
  if (truthy(u?.l3out) || (!truthy(ctx.c.user_config.chained_cni_config) && !truthy(ctx.c.user_config.vmm_lite_config))) {
    l.add(12, '"l3out": {');
    l.add(16, `"name": ${J(c.l3out.name)},`);
    l.add(16, `"external_networks": ${Jat(c.l3out.external_networks, 16)}`);
    l.add(12, '}');
  }
  l.add(8, '},');
}

function kubeConfig(ctx: Ctx, l: Lines): void {
  const keys = entries(ctx.c.user_config.kube_config);
  const comma = (i: number, n: number) => (i < n - 1 ? ', ' : '');
  l.add(8, '"kube_config": {');
  keys.forEach(([key, value], i) => {
    if (key === 'snat_operator') {
      l.add(12, '"snat_operator": {');
      const snat = entries(value);
      snat.forEach(([sk, sv], j) => {
        if (sk === 'port_range') {
          l.add(16, '"port_range": {');
          const pr = entries(sv);
          pr.forEach(([pk, pv], p) => l.add(20, `${pyDumps(pk)}: ${Jat(pv, 16)}${comma(p, pr.length)}`));
          l.add(16, `}${comma(j, snat.length)}`);
        } else l.add(16, `${pyDumps(sk)}: ${Jat(sv, 16)}${comma(j, snat.length)}`);
      });
      l.add(12, '}');
    } else if (key === 'node_snat_redirect_exclude') {
      l.add(12, `"node_snat_redirect_exclude": ${Jat(ctx.c.kube_config.node_snat_redirect_exclude, 4)}${i < keys.length - 1 ? ',' : ''}`);
    } else if (key === 'service_graph_endpoint_add_delay') {
      l.add(12, '"service_graph_endpoint_add_delay": {');
      const delay = entries(ctx.c.kube_config.service_graph_endpoint_add_delay);
      delay.forEach(([dk, dv], j) => {
        if (dk === 'services') {
          l.add(16, '"services": [');
          const svcs = Array.isArray(dv) ? (dv as unknown[]) : [];
          svcs.forEach((svc, s) => {
            l.add(20, '{');
            const sk = entries(svc);
            sk.forEach(([k, v], x) => {
              if (k === 'name' || k === 'namespace' || k === 'delay') l.add(24, `${pyDumps(k)}: ${Jat(v, 16)}${comma(x, sk.length)}`);
            });
            l.add(20, `}${comma(s, svcs.length)}`);
          });
          l.add(16, `]${comma(j, delay.length)}`);
        } else l.add(16, `${pyDumps(dk)}: ${Jat(dv, 16)}${comma(j, delay.length)}`);
      });
      l.add(12, `}${comma(i, keys.length)}`);
    } else l.add(12, `${pyDumps(key)}: ${J(value)}${comma(i, keys.length)}`);
  });
  l.add(8, '},');
}

function netConfig(ctx: Ctx, l: Lines): void {
  const n = ctx.c.net_config;
  const user = (k: keyof typeof n) => truthy(ctx.c.user_config.net_config?.[k as keyof UserFile['net_config']]);
  l.add(8, '"net_config": {');
  for (const k of ['infra_vlan', 'service_vlan', 'kubeapi_vlan'] as const) if (user(k)) l.add(12, `"${k}": ${J(n[k])},`);
  for (const k of ['extern_static', 'extern_dynamic'] as const) if (user(k)) l.add(12, `"${k}": ${jinjaToJson(n[k])},`);
  for (const k of ['node_svc_subnet', 'interface_mtu'] as const) if (user(k)) l.add(12, `"${k}": ${J(n[k])},`);
  if (truthy(ctx.c.user_config.interface_mtu_headroom))
    l.add(12, `"interface-mtu-headroom": ${J(ctx.c.user_config.interface_mtu_headroom)},`);
  for (const k of [
    'service_monitor_interval',
    'pbr_tracking_non_snat',
    'pod_subnet_chunk_size',
    'disable_wait_for_network',
    'duration_wait_for_network',
  ] as const) {
    if (user(k)) l.add(12, `"${k}": ${J(n[k])},`);
  }
  const cluster = user('cluster_svc_subnet');
  l.add(12, `"node_subnet": ${Jat(n.node_subnet, 12)},`);
  if (cluster) {
    l.add(12, `"pod_subnet": ${Jat(n.pod_subnet, 12)},`);
    l.add(12, `"cluster_svc_subnet": ${J(n.cluster_svc_subnet)}`);
  } else if (truthy(n.pod_subnet)) l.add(12, `"pod_subnet": ${Jat(n.pod_subnet, 12)}`);
  if (truthy(ctx.c.user_config.topology)) {
    l.add(8, '},');
    if (truthy(ctx.c.user_config.calico_config)) {
      l.add(8, '"calico_config": {');
      if (truthy(ctx.c.user_config.calico_config?.net_config))
        l.add(12, `"net_config": ${Jat(ctx.c.user_config.calico_config?.net_config, 16)}`);
      l.add(8, '},');
    }
    l.add(8, '"topology": {');
    l.add(12, `"rack": ${Jat(ctx.c.user_config.topology?.rack, 16)}`);
    l.add(8, '},');
    l.add(8, `"flavor": ${J(ctx.flavor)}`);
  } else l.add(8, '}');
}

export function accProvisionInputText(ctx: Ctx): string {
  const l = new Lines();
  l.add(0, '{');
  l.add(4, '"acc_provision_input": {');
  l.add(8, '"operator_managed_config": {');
  l.add(12, `"enable_updates": ${J(ctx.c.operator_managed_config.enable_updates)}`);
  l.add(8, '},');
  aciConfig(ctx, l);
  if (truthy(ctx.c.user_config.registry)) {
    l.add(8, '"registry": {');
    l.members(12, entries(ctx.c.user_config.registry));
    l.add(8, '},');
  }
  if (truthy(ctx.c.user_config.kube_config)) kubeConfig(ctx, l);
  if (truthy(ctx.c.user_config.multus)) {
    l.add(8, '"multus": {');
    l.members(12, entries(ctx.c.user_config.multus));
    l.add(8, '},');
  }
  for (const section of ['drop_log_config', 'istio_config', 'logging'] as const) {
    const given = ctx.c.user_config[section];
    if (!truthy(given)) continue;
    l.add(8, `"${section}": {`);
    l.members(11, entries(given));
    l.add(8, '},');
  }
  if (truthy(ctx.c.user_config.chained_cni_config)) {
    // Keys the schema may not know yet (vlans_file, vmm_lite_enabled) are echoed as written.
    const given = asRecord(ctx.c.user_config.chained_cni_config);
    const chained = asRecord(ctx.c.chained_cni_config);
    const user = (k: string) => truthy(given[k]);
    const c = (k: string) => chained[k];
    l.add(8, '"chained_cni_config": {');
    for (const k of ['secondary_interface_chaining', 'primary_interface_chaining']) if (user(k)) l.add(12, `"${k}": ${J(c(k))},`);
    if (user('secondary_vlans')) l.add(12, `"secondary_vlans": ${Jat(c('secondary_vlans'), 12)},`);
    for (const k of ['skip_node_network_provisioning', 'use_global_scope_vlan', 'vlans_file'])
      if (user(k)) l.add(12, `"${k}": ${J(c(k))},`);
    if (user('primary_cni_path')) l.add(12, `"primary_cni_path": ${J(c('primary_cni_path'))}`);
    if (user('local_cert_manager_enabled')) l.add(12, `"local_cert_manager_enabled": ${J(c('local_cert_manager_enabled'))},`);
    for (const k of ['require_annotation_for_nad_mutation_webhook', 'use_system_id_for_secondary_names', 'vmm_lite_enabled']) {
      if (truthy(c(k))) l.add(12, `"${k}": ${J(c(k))}`);
    }
    l.add(8, '},');
  }
  if (truthy(ctx.c.user_config.vmm_lite_config)) {
    l.add(8, '"vmm_lite_config": {');
    for (const k of [
      'aaep_monitoring_enabled',
      'bridge_name',
      'cno_identifier',
      'bridge_nad_config_file',
      'kubeapi_vlan',
      'apic_username',
    ] as const) {
      if (truthy(ctx.c.user_config.vmm_lite_config?.[k])) l.add(12, `"${k}": ${J(ctx.c.vmm_lite_config[k])}`);
    }
    l.add(8, '},');
  }
  if (truthy(ctx.c.user_config.net_config)) netConfig(ctx, l);
  l.add(4, '}');
  l.add(1, '}');
  return l.out.join('\n');
}

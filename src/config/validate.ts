// The rules a configuration must meet beyond its types (which the schema
// checks): required fields, names, subnets, dual-stack, overlaps, VLANs,
// multicast ranges. Every rule runs and every broken one is reported, so a
// user fixes the whole file in one pass. Rules skip values the schema already
// rejected for their type, so nothing is reported twice.
import type { Problem } from '../errors.js';
import { contains, formatIp, lastAddress, MULTICAST_V4, networkAddress, overlaps, parseCidr, parseIp, size, type Cidr } from './ip.js';
import { getPath, isTree, truthy, type Tree } from './merge.js';
import { flavorFamily, getFlavor } from './flavors.js';
import { IMAGE_VERSION_KEYS } from './schema.js';
import { familyProblems, familyRules } from './family-rules.js';
import { isChainedMode, isVmmLite, provisionsNodeNetwork } from './cno.js';

export interface ValidationContext {
  flavor: string;
  /** `-a` (true), `-d` (false), neither (null). */
  provApic: boolean | null;
  /** The `registry.version` release had no entry in the release table. */
  unknownRelease: boolean;
  /** The infra VLAN will come from APIC discovery: not required in the file. */
  infraVlanFromFabric?: boolean;
}

type Check = (c: Tree, ctx: ValidationContext, out: Problem[]) => void;

const SYSTEM_ID = /^[A-Za-z][A-Za-z0-9_]{1,30}$/;
// Kubernetes object names (DNS subdomain), as kubectl checks them.
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

const REQUIRED: [string, string][] = [
  ['aci_config.system_id', 'names every ACI object of this cluster'],
  ['aci_config.apic_hosts', 'the APIC addresses'],
  ['aci_config.aep', 'the attachable entity profile of the cluster ports'],
  ['aci_config.vrf.name', 'the VRF of the cluster networks'],
  ['aci_config.vrf.tenant', 'the tenant of the VRF'],
  ['aci_config.l3out.name', 'the L3Out for external services'],
  ['aci_config.l3out.external_networks', 'the external EPGs of the L3Out'],
  ['net_config.node_subnet', 'the nodes subnet'],
  ['net_config.pod_subnet', 'the pods subnet'],
  ['net_config.extern_dynamic', 'the subnet for dynamic external IPs'],
  ['net_config.extern_static', 'the subnet for static external IPs'],
  ['net_config.node_svc_subnet', 'the subnet for the service graph'],
  ['net_config.kubeapi_vlan', 'the VLAN of the nodes'],
  ['net_config.service_vlan', 'the VLAN of LoadBalancer services'],
  ['net_config.infra_vlan', 'the ACI infra VLAN (or --infra-vlan)'],
];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

// Absent or empty. A present but wrong value (VLAN 0) is the schema's to report.
const missing = (v: unknown): boolean => v === null || v === undefined || (typeof v !== 'number' && !truthy(v));

/** Fields a configuration may leave out, by flavor and options (the Python tool's exemptions). */
function exempt(c: Tree, ctx: ValidationContext): Set<string> {
  const out = new Set<string>();
  // OpenShift clusters take static external IPs from the dynamic pool only.
  if (getPath(c, 'aci_config.vmm_domain.type') === 'OpenShift') out.add('net_config.extern_static');
  // On OpenStack the nodes' VLAN is OpenStack's, not the physical domain's.
  if (getFlavor(ctx.flavor)?.options?.apic?.use_kubeapi_vlan === false) out.add('net_config.kubeapi_vlan');
  return out;
}

/** Chained CNI or VMM lite with a flavor made for it (with the others userFileRules refuses the mode). */
function cnoMode(c: Tree, flavor: string): boolean {
  const modes = getFlavor(flavor)?.modes ?? {};
  return (isChainedMode(c) && modes.chained === true) || (isVmmLite(c) && modes.vmmLite === true);
}

/** What chained CNI and VMM lite need (much less: the other CNI runs the pod network). */
function cnoRequired(c: Tree): [string, string][] {
  const out: [string, string][] = [];
  // VMM lite works without a system id (then only the controller's user is made).
  if (!isVmmLite(c)) out.push(['aci_config.system_id', 'names every ACI object of this cluster']);
  out.push(['aci_config.apic_hosts', 'the APIC addresses']);
  if (provisionsNodeNetwork(c) && !isVmmLite(c)) {
    out.push(
      ['net_config.node_subnet', 'the nodes subnet'],
      ['aci_config.vrf.name', 'the VRF of the cluster networks'],
      ['aci_config.vrf.tenant', 'the tenant of the VRF'],
    );
  }
  if (truthy(getPath(c, 'user_config.aci_config.vmm_domain'))) {
    out.push(
      ['aci_config.vmm_domain.domain', 'the VMM domain (when vmm_domain is given)'],
      ['aci_config.vmm_domain.type', 'the VMM domain type'],
    );
  }
  if (isVmmLite(c)) {
    // The Python tool would then post the L3Out contract into a tenant named "None".
    const nets = getPath(c, 'aci_config.l3out.external_networks');
    if (Array.isArray(nets) && nets.length > 0)
      out.push(['aci_config.vrf.tenant', "the tenant of the L3Out the cluster's contract goes into"]);
    out.push(
      ['vmm_lite_config.bridge_name', 'the bridge the Cluster Network Operator attaches pods to'],
      ['vmm_lite_config.apic_username', 'the APIC user of the controller'],
    );
  }
  if (isChainedMode(c)) {
    out.push(['aci_config.secondary_aep', 'the AEP of the secondary interfaces']);
    if (getPath(c, 'chained_cni_config.skip_node_network_provisioning') !== true) {
      out.push(['aci_config.aep', 'the attachable entity profile of the cluster ports']);
    }
    if (!truthy(getPath(c, 'chained_cni_config.vlans_file'))) {
      out.push(['chained_cni_config.secondary_vlans', 'the VLANs of the secondary networks (or a vlans_file)']);
    }
  }
  return out;
}

const required: Check = (c, ctx, out) => {
  const cno = cnoMode(c, ctx.flavor);
  const exempted = exempt(c, ctx);
  for (const [field, what] of cno ? cnoRequired(c) : (familyRules(ctx.flavor)?.required ?? REQUIRED)) {
    // An APIC that will be asked reports the infra VLAN (discovery fills it in).
    if (field === 'net_config.infra_vlan' && ctx.infraVlanFromFabric) continue;
    if (!exempted.has(field) && missing(getPath(c, field))) out.push({ field, rule: `required: ${what}` });
  }
  const encap = getPath(c, 'aci_config.vmm_domain.encap_type');
  // Chained CNI and VMM lite make no VMM domain pools.
  if (encap === 'vlan' && !cno) {
    for (const end of ['start', 'end']) {
      const field = `aci_config.vmm_domain.vlan_range.${end}`;
      if (missing(getPath(c, field))) out.push({ field, rule: 'required when encap_type is vlan' });
    }
  }
  const nested = getPath(c, 'aci_config.vmm_domain.nested_inside');
  if (isTree(nested)) {
    if (truthy(nested.type)) {
      if (isStr(nested.type) && nested.type.toLowerCase() !== 'vmware') {
        out.push({
          field: 'aci_config.vmm_domain.nested_inside.type',
          value: nested.type,
          rule: 'must be vmware (the only supported VMM vendor)',
        });
      }
      if (!truthy(nested.name)) {
        out.push({ field: 'aci_config.vmm_domain.nested_inside.name', rule: 'required when nested_inside.type is set' });
      }
    }
    // Agent-based installs have no installer-provisioned load balancer.
    const agentBased = getPath(c, 'agent_based_installer.enable') === true;
    if (nested.duplicate_file_router_default_svc === true && !agentBased && !cno && !truthy(nested.installer_provisioned_lb_ip)) {
      out.push({
        field: 'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip',
        rule: 'required when duplicate_file_router_default_svc is true',
      });
    }
  }
  if (ctx.provApic !== null) {
    if (!truthy(getPath(c, 'aci_config.apic_login.username'))) {
      out.push({ field: 'aci_config.apic_login.username', rule: 'required to log in to the APIC (or -u)' });
    }
    if (!truthy(getPath(c, 'aci_config.apic_login.password'))) {
      // As with the Python tool, a password in the file is not used.
      const inFile = getPath(c, 'user_config.aci_config.apic_login.password') !== undefined;
      out.push({
        field: 'aci_config.apic_login.password',
        rule: `required to log in to the APIC: pass -p or set ACC_PROVISION_PASS (asked for only on a terminal)${inFile ? '; the password in the file is not used' : ''}`,
      });
    }
  }
  const release = getPath(c, 'registry.version');
  const noVersion = IMAGE_VERSION_KEYS.filter((k) => missing(getPath(c, `registry.${k}`)));
  if (noVersion.length > 0 && familyRules(ctx.flavor)?.aciImages !== false) {
    if (ctx.unknownRelease) {
      out.push({
        field: 'registry.version',
        value: release,
        rule: `unknown release: its image versions are not known; give ${noVersion.join(', ')} in registry`,
      });
    } else {
      for (const k of noVersion)
        out.push({ field: `registry.${k}`, rule: `required: the image version (release ${String(release)} has none)` });
    }
  }
};

const systemId: Check = (c, ctx, out) => {
  const id = getPath(c, 'aci_config.system_id');
  // Deleting (-d) must work for clusters provisioned under older, looser rules;
  // VMM lite takes the system id as given (as the Python tool does).
  if (!isStr(id) || id === '' || ctx.provApic === false || (isVmmLite(c) && cnoMode(c, ctx.flavor))) return;
  if (!SYSTEM_ID.test(id)) {
    out.push({
      field: 'aci_config.system_id',
      value: id,
      rule: 'must start with a letter, then letters, digits or underscores, 2 to 31 characters in all',
    });
  } else if (flavorFamily(ctx.flavor) === 'openshift' && getPath(c, 'provision.upgrade_cluster') !== true && !/^[a-z0-9]+$/.test(id)) {
    // OpenShift names cluster resources after it (a new cluster only: an upgrade keeps its name).
    out.push({ field: 'aci_config.system_id', value: id, rule: 'must be lower-case letters and digits only on OpenShift' });
  }
};

const userFileRules: Check = (c, ctx, out) => {
  // Chained CNI and VMM lite exist only for the flavors made for them.
  const modes = getFlavor(ctx.flavor)?.modes ?? {};
  for (const field of ['chained_cni_config.secondary_interface_chaining', 'chained_cni_config.primary_interface_chaining']) {
    if (getPath(c, field) === true && !modes.chained) {
      out.push({ field, value: true, rule: `chained mode is not supported with flavor ${ctx.flavor}` });
    }
  }
  if (getPath(c, 'vmm_lite_config.aaep_monitoring_enabled') === true && !modes.vmmLite) {
    out.push({
      field: 'vmm_lite_config.aaep_monitoring_enabled',
      value: true,
      rule: `VMM lite is not supported with flavor ${ctx.flavor}`,
    });
  }
  const user = getPath(c, 'user_config.aci_config');
  if (isTree(user) && 'tenant' in user && 'use_legacy_kube_naming_convention' in user) {
    out.push({
      field: 'aci_config.tenant',
      value: user.tenant,
      rule: 'cannot be set together with aci_config.use_legacy_kube_naming_convention (a pre-existing tenant uses the current naming)',
    });
  }
};

interface SubnetEntry {
  field: string;
  text: string;
  cidr?: Cidr;
  /** The address is the gateway of the subnet (not only the pool). */
  gateway: boolean;
}

const SUBNET_LISTS: [string, boolean][] = [
  ['net_config.node_subnet', true],
  ['net_config.pod_subnet', true],
  ['net_config.extern_dynamic', false],
  ['net_config.extern_static', false],
];

function subnetEntries(c: Tree): SubnetEntry[] {
  const entries: SubnetEntry[] = [];
  const add = (field: string, v: unknown, gateway: boolean) => {
    if (isStr(v)) entries.push({ field, text: v, cidr: parseCidr(v), gateway });
  };
  const svc = getPath(c, 'net_config.node_svc_subnet');
  add('net_config.node_svc_subnet', svc, true);
  for (const [field, gateway] of SUBNET_LISTS) {
    const v = getPath(c, field);
    if (Array.isArray(v)) v.forEach((s, i) => add(`${field}[${i}]`, s, gateway));
  }
  return entries;
}

const subnets: Check = (c, ctx, out) => {
  const gatewaySubnets = familyRules(ctx.flavor)?.gatewaySubnets !== false;
  for (const e of subnetEntries(c)) {
    if (!e.cidr) {
      out.push({
        field: e.field,
        value: e.text,
        rule: 'must be an IPv4 or IPv6 subnet written ADDRESS/PREFIX (like 10.1.0.1/16 or 2001:db8::1/64)',
      });
      continue;
    }
    if (size(e.cidr) < 4n) {
      out.push({ field: e.field, value: e.text, rule: 'the prefix is too long: the subnet needs at least 4 addresses' });
      continue;
    }
    if (!e.gateway || !gatewaySubnets) continue;
    const net = networkAddress(e.cidr);
    const v = e.cidr.version;
    if (e.cidr.address === net || (v === 4 && e.cidr.address === lastAddress(e.cidr))) {
      out.push({
        field: e.field,
        value: e.text,
        rule: `the address before the slash is the gateway and must be a host address inside the prefix, like ${formatIp(v, net + 1n)}/${e.cidr.prefix}`,
      });
    }
  }
};

type Family = '' | 'IPv4' | 'IPv6' | 'DualStack';

function familyOf(entries: SubnetEntry[]): Family {
  const v4 = entries.some((e) => e.cidr?.version === 4);
  const v6 = entries.some((e) => e.cidr?.version === 6);
  return v4 && v6 ? 'DualStack' : v4 ? 'IPv4' : v6 ? 'IPv6' : '';
}

function flavorMinor(flavor: string): number {
  const m = /^kubernetes-1\.(\d+)$/.exec(flavor);
  return m ? Number(m[1]) : 0;
}

const dualStack: Check = (c, ctx, out) => {
  const all = subnetEntries(c).filter((e) => e.field !== 'net_config.node_svc_subnet' && e.cidr);
  if (familyOf(all) !== 'DualStack') return;
  const of = (field: string) => all.filter((e) => e.field.startsWith(`${field}[`));
  const list = (field: string) => of(field).map((e) => e.text);
  if (flavorMinor(ctx.flavor) < 21) {
    out.push({
      field: 'net_config',
      rule: `IPv4 and IPv6 subnets together (dual-stack) need Kubernetes 1.21 or later; flavor ${ctx.flavor} is older`,
    });
    return;
  }
  const node = familyOf(of('net_config.node_subnet'));
  const pod = familyOf(of('net_config.pod_subnet'));
  if (node !== 'DualStack') {
    out.push({
      field: 'net_config.node_subnet',
      value: list('net_config.node_subnet'),
      rule: 'the configuration mixes IPv4 and IPv6 subnets (dual-stack), so node_subnet must hold an IPv4 and an IPv6 subnet',
    });
  }
  const externDual = ['net_config.extern_static', 'net_config.extern_dynamic'].filter((f) => familyOf(of(f)) === 'DualStack');
  if (externDual.length > 0 && pod !== 'DualStack') {
    out.push({
      field: 'net_config.pod_subnet',
      value: list('net_config.pod_subnet'),
      rule: `${externDual.join(' and ')} ${externDual.length > 1 ? 'hold' : 'holds'} IPv4 and IPv6 subnets, so pod_subnet must hold an IPv4 and an IPv6 subnet too`,
    });
  }
};

const overlapping: Check = (c, ctx, out) => {
  // Chained CNI and VMM lite have no pod or service subnets of their own to keep apart.
  if (cnoMode(c, ctx.flavor)) return;
  const entries = subnetEntries(c).filter((e) => e.cidr && size(e.cidr) >= 4n);
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i];
      const b = entries[j];
      if (overlaps(a.cidr!, b.cidr!)) {
        out.push({ field: b.field, value: b.text, rule: `overlaps ${a.field} (${a.text}): subnets must be disjoint` });
      }
    }
  }
};

const vlans: Check = (c, _ctx, out) => {
  const named: [string, unknown][] = [
    ['net_config.kubeapi_vlan', getPath(c, 'net_config.kubeapi_vlan')],
    ['net_config.service_vlan', getPath(c, 'net_config.service_vlan')],
    ['net_config.infra_vlan', getPath(c, 'net_config.infra_vlan')],
  ];
  const valid = named.filter((n): n is [string, number] => isInt(n[1]) && n[1] >= 1 && n[1] <= 4094);
  for (let i = 0; i < valid.length; i++) {
    for (let j = i + 1; j < valid.length; j++) {
      if (valid[i][1] === valid[j][1]) {
        out.push({
          field: valid[j][0],
          value: valid[j][1],
          rule: `is also ${valid[i][0]}: each VLAN has one use`,
        });
      }
    }
  }
  const range = getPath(c, 'aci_config.vmm_domain.vlan_range');
  if (!isTree(range) || !isInt(range.start) || !isInt(range.end)) return;
  if (range.start > range.end) {
    out.push({
      field: 'aci_config.vmm_domain.vlan_range',
      value: { start: range.start, end: range.end },
      rule: 'start must not be greater than end',
    });
    return;
  }
  for (const [field, v] of valid) {
    if (v >= range.start && v <= range.end) {
      out.push({
        field,
        value: v,
        rule: `lies inside aci_config.vmm_domain.vlan_range (${range.start}-${range.end}): each VLAN has one use`,
      });
    }
  }
};

function multicastAddress(field: string, v: unknown, out: Problem[]): bigint | undefined {
  if (!isStr(v)) return undefined;
  const ip = parseIp(v);
  if (!ip || ip.version !== 4 || !contains(MULTICAST_V4, 4, ip.value)) {
    out.push({ field, value: v, rule: 'must be an IPv4 multicast address (inside 224.0.0.0/4)' });
    return undefined;
  }
  return ip.value;
}

const multicast: Check = (c, _ctx, out) => {
  multicastAddress('aci_config.vmm_domain.mcast_fabric', getPath(c, 'aci_config.vmm_domain.mcast_fabric'), out);
  const start = multicastAddress('aci_config.vmm_domain.mcast_range.start', getPath(c, 'aci_config.vmm_domain.mcast_range.start'), out);
  const end = multicastAddress('aci_config.vmm_domain.mcast_range.end', getPath(c, 'aci_config.vmm_domain.mcast_range.end'), out);
  if (start !== undefined && end !== undefined && start > end) {
    out.push({
      field: 'aci_config.vmm_domain.mcast_range',
      value: getPath(c, 'aci_config.vmm_domain.mcast_range'),
      rule: 'start must not be greater than end',
    });
  }
};

const names: Check = (c, _ctx, out) => {
  const secret = getPath(c, 'registry.image_pull_secret');
  if (isStr(secret) && (secret.length > 253 || !DNS_SUBDOMAIN.test(secret))) {
    out.push({
      field: 'registry.image_pull_secret',
      value: secret,
      rule: 'must be a Kubernetes secret name: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
    });
  }
  const hosts = getPath(c, 'aci_config.apic_hosts');
  if (Array.isArray(hosts)) {
    hosts.forEach((h, i) => {
      if (isStr(h) && !validApicHost(h)) {
        out.push({
          field: `aci_config.apic_hosts[${i}]`,
          value: h,
          rule: 'must be a host name or IP address, optionally followed by :PORT',
        });
      }
    });
  }
  const lbIp = getPath(c, 'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip');
  if (isStr(lbIp) && !parseIp(lbIp)) {
    out.push({ field: 'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip', value: lbIp, rule: 'must be an IP address' });
  }
};

function validApicHost(h: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(h);
  if (bracketed) return parseIp(bracketed[1])?.version === 6 && portOk(bracketed[2]);
  if (parseIp(h)?.version === 6) return true;
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(h);
  return !!m && HOST_NAME.test(m[1]) && portOk(m[2]);
}

function portOk(p: string | undefined): boolean {
  return p === undefined || (Number(p) >= 1 && Number(p) <= 65535);
}

const snatPorts: Check = (c, _ctx, out) => {
  const r = getPath(c, 'kube_config.snat_operator.port_range');
  if (!isTree(r) || !isInt(r.start) || !isInt(r.end)) return;
  if (r.start > r.end) {
    out.push({
      field: 'kube_config.snat_operator.port_range',
      value: { start: r.start, end: r.end },
      rule: 'start must not be greater than end',
    });
  } else if (isInt(r.ports_per_node) && r.ports_per_node > r.end - r.start + 1) {
    out.push({
      field: 'kube_config.snat_operator.port_range.ports_per_node',
      value: r.ports_per_node,
      rule: `must not exceed the size of the port range (${r.end - r.start + 1})`,
    });
  }
};

const CHECKS: Check[] = [required, systemId, userFileRules, subnets, dualStack, overlapping, vlans, multicast, names, snatPorts];

/** Every rule broken by a merged (defaulted, not yet adjusted) configuration. */
export function validateConfig(config: Tree, ctx: ValidationContext): Problem[] {
  const out: Problem[] = [];
  for (const check of CHECKS) check(config, ctx, out);
  out.push(...familyProblems(config, ctx.flavor, ctx.provApic));
  return out;
}

// What every builder reads from the Config, with the Python tool's template
// semantics: a missing key reads as "unset", truthiness is Python's
// (0, "", [], {} and null are false), and values interpolated into text
// print as Python prints them (True, None, 6.1).
import type { Config } from '../config/types.js';

export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** A value as Python's str() prints it (what `{{ value }}` gives). */
export function pyStr(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A value as json.dumps prints it (what the `json` filter gives). */
export function pyJson(v: unknown): string {
  return JSON.stringify(v === undefined ? null : v);
}

// YAML 1.1 plain scalars that are not strings (PyYAML's resolvers, minus
// the rarely used sexagesimal and binary forms).
const YAML_NULL = /^(?:~|null|Null|NULL|)$/;
const YAML_TRUE = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const YAML_FALSE = /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const YAML_INT = /^[-+]?(?:0|[1-9][0-9_]*)$/;
const YAML_OCT = /^[-+]?0[0-7_]+$/;
const YAML_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const YAML_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?$/;

/** An unquoted interpolation: the text is read back as a YAML 1.1 scalar,
 * so `3Gi` stays a string and `60` becomes a number, as in the reference. */
export function yamlScalar(v: unknown): unknown {
  if (v === null) return 'None'; // Python prints None, which YAML reads as a string
  if (v === undefined) return null;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (YAML_NULL.test(s)) return null;
  if (YAML_TRUE.test(s)) return true;
  if (YAML_FALSE.test(s)) return false;
  const sign = s.startsWith('-') ? -1 : 1;
  const digits = s.replace(/^[-+]/, '').replace(/_/g, '');
  if (YAML_INT.test(s)) return sign * parseInt(digits, 10);
  if (YAML_HEX.test(s)) return sign * parseInt(digits.slice(2), 16);
  if (YAML_OCT.test(s)) return sign * parseInt(digits, 8);
  if (YAML_FLOAT.test(s) && /[0-9]/.test(s)) return sign * parseFloat(digits);
  return v;
}

/** Components with their own memory limit/request keys (`kube_config.<component>_memory_limit`). */
export type MemoryComponent =
  | 'aci_containers_controller'
  | 'aci_containers_host'
  | 'mcast_daemon'
  | 'opflex_agent'
  | 'acc_provision_operator'
  | 'aci_containers_operator';

export class Ctx {
  readonly c: Config;
  constructor(config: Config) {
    this.c = config;
  }

  get flavor(): string {
    return this.c.flavor;
  }
  get overlay(): boolean {
    return this.c.flavor === 'k8s-overlay';
  }
  get systemNs(): string {
    return this.c.kube_config.system_namespace;
  }
  get version(): string {
    return pyStr(this.c.registry.configuration_version);
  }
  /** Chained CNI: the ACI CNI runs beside another CNI. */
  get chained(): boolean {
    return truthy(this.c.chained_cni_config.secondary_interface_chaining) || truthy(this.c.chained_cni_config.primary_interface_chaining);
  }
  get aaepMonitoring(): boolean {
    return truthy(this.c.vmm_lite_config.aaep_monitoring_enabled);
  }
  /** Neither chained nor AAEP monitoring: the full ACI CNI data path. */
  get fullCni(): boolean {
    return !this.chained && !this.aaepMonitoring;
  }
  /**
   * The cluster has a VMM domain: always with the full ACI CNI; in chained
   * and VMM-lite modes only when the user's file gives one.
   */
  get vmmDomain(): boolean {
    if (this.fullCni) return truthy(this.c.aci_config.vmm_domain);
    const user = this.c.user_config as { aci_config?: { vmm_domain?: unknown } } | undefined;
    return truthy(user?.aci_config?.vmm_domain);
  }
  get dpu(): boolean {
    return this.c.dpu_config.enable === true;
  }
  get multus(): boolean {
    return this.c.multus.disable !== true;
  }
  get rbacApi(): string {
    return this.c.kube_config.use_rbac_api;
  }
  get appsApi(): string {
    return this.c.kube_config.use_apps_api;
  }
  get pullPolicy(): 'Always' | 'IfNotPresent' | 'Never' {
    return this.c.kube_config.image_pull_policy;
  }

  /** The version label every ACI CNI object carries. */
  versionLabel(): Record<string, string> {
    return { 'aci-containers-config-version': this.version };
  }
  pluginLabels(): Record<string, string> {
    return { ...this.versionLabel(), 'network-plugin': 'aci-containers' };
  }

  /** An image reference: by digest when the registry says so, else by tag. */
  image(name: string, versionKey: keyof Config['registry']): string {
    const prefix = pyStr(this.c.registry.image_prefix);
    const ver = pyStr(this.c.registry[versionKey]);
    return truthy(this.c.registry.use_digest) ? `${prefix}/${name}@sha256:${ver}` : `${prefix}/${name}:${ver}`;
  }

  /** `resources` from a component's own memory limit/request, falling back to
   * the shared defaults; absent when the component sets neither. */
  memory(component: MemoryComponent): { limits: { memory: string }; requests: { memory: string } } | undefined {
    const lim = this.c.kube_config[`${component}_memory_limit`];
    const req = this.c.kube_config[`${component}_memory_request`];
    if (!truthy(lim) && !truthy(req)) return undefined;
    return {
      limits: { memory: pyStr(truthy(lim) ? lim : this.c.kube_config.aci_containers_memory_limit) },
      requests: { memory: pyStr(truthy(req) ? req : this.c.kube_config.aci_containers_memory_request) },
    };
  }

  /** The pod priority class; later settings win as duplicate YAML keys did. */
  priorityClass(defaultClass: string): string | undefined {
    if (truthy(this.c.kube_config.use_system_node_priority_class)) return 'system-node-critical';
    let pc: string | undefined;
    if (!truthy(this.c.kube_config.no_priority_class)) pc = defaultClass;
    if (truthy(this.c.kube_config.use_acicni_priority_class)) pc = 'acicni-priority';
    return pc;
  }

  imagePullSecrets(): { name: string }[] | undefined {
    const s = this.c.registry.image_pull_secret;
    return truthy(s) ? [{ name: pyStr(s) }] : undefined;
  }
}

/** Drops keys whose value is undefined, so optional fields stay absent. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

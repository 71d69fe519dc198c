// The configuration as the rest of the program sees it: what the schema
// outputs (the user's file merged with the flavor's and the tool's defaults),
// with the values the loader normalizes or derives laid over it (derived
// names, DNs, pools, discovered values, flavor data). Its shape is the Python
// acc-provision's internal config, key for key, because the manifest and the
// APIC objects are defined over it. The first part is inferred from
// src/config/schema.ts, so a key exists here exactly when the schema knows it.
import type { z as Z } from 'zod/v3';
import type { ConfigSchema } from './schema.js';

// zod's passthrough objects add `[k: string]: unknown`: dropped, so a
// misspelt key is a type error. A pure map (`Record<string, T>`) keeps its index.
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 };
type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? [KnownKeys<T>] extends [never]
      ? { [K in keyof T]: Known<T[K]> }
      : { [K in keyof T as string extends K ? never : number extends K ? never : K]: Known<T[K]> }
    : T;

type IsMapping<T> = T extends readonly unknown[] ? false : T extends object ? true : false;
/** `A` with `B` laid over it: B's keys win, mappings both have are merged (B's keys required where B says so). */
type Over<A, B> = {
  [K in keyof A as K extends keyof B ? never : K]: A[K];
} & {
  [K in keyof B]: K extends keyof A
    ? IsMapping<B[K]> extends true
      ? IsMapping<NonNullable<A[K]>> extends true
        ? Flat<Over<NonNullable<A[K]>, B[K]>>
        : B[K]
      : B[K]
    : B[K];
};
type Flat<T> = { [K in keyof T]: T[K] };

/** What the schema outputs: every key a file may write, defaults applied. */
export type SchemaConfig = Known<Z.output<ConfigSchema>>;

/** The user's file as written, once the schema has accepted it: every key optional. */
export type UserFile = Known<Z.input<ConfigSchema>> & {
  /** Not a key of the schema (a file with it gets an unknown-key warning); the operator's copy of the input echoes it, as the Python tool's does. */
  interface_mtu_headroom?: unknown;
};

/** An address range of a pool (`{start, end}`), as derived from a subnet. */
export interface AddressRange {
  start: string;
  end: string;
}

/** The EPG a namespace's pods land in. */
export interface EpgRef {
  tenant: string;
  app_profile: string;
  group: string;
}

/**
 * What the loader adds to or normalizes in the schema's output
 * (src/config/load.ts, adjust.ts, calico-adjust.ts) and what the later steps
 * fill in (the fabric's facts, src/cluster/build.ts; the controller's
 * certificate, src/provision/certificate.ts).
 */
export interface Derived {
  aci_config: {
    /** The tenant the cluster's objects live in: tenant.name, else the system id. */
    cluster_tenant: string;
    app_profile: string;
    nodes_epg: string;
    node_bd_dn: string;
    pod_bd_dn: string;
    /** The Python tool's placeholders for overlay VRFs/subnets: always empty. */
    subnet_dn: Record<string, never>;
    vrf_dn: Record<string, never>;
    /** The overlay flavor names its VRF here; other flavors leave it empty. */
    overlay_vrf: string | Record<string, never>;
    /** The command line's login (`-u`, `-p`, `--timeout`); the file may name the user. */
    apic_login: { username?: string; password: string | null; timeout: number | null };
    /** `--apic-proxy`. */
    apic_proxy: string | null;
    /** The CA file's content, read by the loader when apic_tls_cert is set. */
    apic_tls_cert_data?: string;
    physical_domain: { domain: string; vlan_pool: string };
    vrf: { dn: string };
    vmm_domain: {
      domain: string;
      controller: string;
      mcast_pool: string;
      vlan_pool: string;
      vlan_range: { start: number | null; end: number | null };
      injected_cluster_type: string;
      injected_cluster_provider: string;
    };
    sync_login: {
      username: string;
      /** Random, or fixed in tests; never printed. */
      password: string;
      certfile: string;
      keyfile: string;
      /** The controller's key and certificate, once the certificate step has run. */
      key_data: string | null;
      cert_data: string | null;
      cert_reused: boolean;
    };
    /** Calico names its L3Out's node and interface profiles and its external EPGs after the L3Out. */
    cluster_l3out: {
      svi: {
        node_profile_name?: string;
        int_prof_name?: string;
        external_network?: string;
        external_network_svc?: string;
      };
    };
  };
  net_config: {
    /** One subnet is made a list of one (every family requires both). */
    node_subnet: string[];
    pod_subnet: string[];
    extern_dynamic: string[] | null;
    extern_static: string[] | null;
    /** The fabric's (when discovered) or the file's. */
    infra_vlan: number | null;
    gbp_pod_subnet: string;
    gbp_node_subnet: string;
    node_network_gateway: string;
    pod_network: string;
    node_network: string;
  };
  node_config: { encap_type: string };
  kube_config: {
    // The basic overlay flavor's own switches (src/config/data/flavors-misc.ts): not keys of a file.
    use_aci_anywhere_crd?: boolean;
    pod_exec_resources_controller?: boolean;
    skip_namespace_resource_hostagent?: boolean;
    skip_replicationcontroller_resource_hostagent?: boolean;
    all_access_controller_clusterrole?: boolean;
    no_hostagent_networking_clusterrole?: boolean;
    no_hostagent_deployment_clusterrole?: boolean;
    run_opflex_server_container?: boolean;
    run_gbp_container?: boolean;
    use_opflex_server_volume?: boolean;
    ep_registry?: string;

    default_endpoint_group: EpgRef;
    namespace_default_endpoint_group: Record<string, EpgRef>;
    static_service_ip_pool: AddressRange[];
    node_service_ip_pool: AddressRange[];
    node_service_gw_subnets: (string | null)[];
    pod_ip_pool: AddressRange[];
    pod_network: { subnet: string; gateway: string; routes: { dst: string; gw: string }[] }[];
    service_ip_pool: AddressRange[];
    apic_request_retry_delay_base: number;
    enable_apic_request_retry_delay: boolean;
    epg_resolve_prioritize: boolean;
    force_ep_undeclares: boolean;
    filter_opflex_device: boolean;
  };
  /** `-a` (true), `-d` (false) or neither (null); `--debug`. */
  provision: { prov_apic: boolean | null; debug_apic: boolean };
  /** `--skip-app-profile-check`. */
  unprovision: { skip_app_profile_check: boolean };
  registry: {
    /** A fresh token per run (or `--version-token`): the manifest's version label. */
    configuration_version: string;
  };
  /** The loader's record of the flags: the infra VLAN `--infra-vlan`/discovery gave. */
  discovered: { infra_vlan: number | null };
  flavor: string;
  operator_mode: boolean;
  /** The file's text minus its password lines (the operator re-reads it). */
  user_input: string;
  /** The user's file as written (subnets made lists): the operator's copy of the input reads it. */
  user_config: UserFile;
  chained_cni_config: {
    /** Derived from vlans_file: `namespace/NAD prefix` -> network labels and their VLANs. */
    nad_vlan_mapping?: Record<string, { label: string; vlans: string }[]> | null;
  };
  vmm_lite_config: {
    /** The bridge NAD settings read from bridge_nad_config_file. */
    bridge_nad_config?: Record<string, unknown>;
  };
  // SR-IOV's device plugin settings (set when sriov_config.enable).
  vendors?: string;
  drivers?: string;
  resourcePrefix?: string;
  resourceName?: string;
  pfNames?: string;
  devices?: string;
  isRdma?: string;
  // The DPU's address and user (set when dpu_config.enable and opflex_mode is dpu).
  dpuIp?: string;
  dpuUser?: string;
  dpu_ovsdb_socket?: string;
}

/** The configuration every command reads: the schema's output with the derived values laid over it. */
export type Config = Flat<Over<SchemaConfig, Derived>>;

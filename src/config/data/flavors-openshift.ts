// OpenShift flavors of the Python acc-provision (flavors.yaml), carried as
// data: name, description, list order and visibility, and the profile of
// settings each layers under the user's file. The 71 flavors share 12
// profiles (data/openshift-profiles.json, the settings verbatim); a profile is
// read on first use, so runs of other families never parse it.
import { createRequire } from 'node:module';
import type { FlavorData, FlavorOptions } from '../flavors.js';

const require = createRequire(import.meta.url);

type Profiles = typeof import('./openshift-profiles.json');
export type OpenShiftProfile = keyof Profiles;

let profiles: Profiles | undefined;

/** A profile's settings (shared: the loader copies what it layers). */
export function openshiftProfile(name: OpenShiftProfile): Record<string, unknown> {
  profiles ??= require('./openshift-profiles.json') as Profiles;
  return profiles[name];
}

// On OpenStack the nodes reach the fabric through OpenStack's own networks:
// no kubeapi VLAN on the physical domain.
const OPENSTACK_OPTIONS: FlavorOptions = { apic: { use_kubeapi_vlan: false } };

interface Entry {
  desc: string;
  order: number;
  profile: OpenShiftProfile;
  /** Shown by `--list-flavors` (the others are accepted, not listed). */
  listed?: true;
  status?: string;
  modes?: FlavorData['modes'];
}

function flavor(e: Entry): FlavorData {
  return {
    desc: e.desc,
    default_version: 6.1,
    status: e.status ?? null,
    hidden: !e.listed,
    order: e.order,
    get config() {
      return openshiftProfile(e.profile);
    },
    ...(e.profile.startsWith('openstack') ? { options: OPENSTACK_OPTIONS } : {}),
    ...(e.modes ? { modes: e.modes } : {}),
  };
}

const ENTRIES: Record<string, Entry> = {
  'openshift-4.20-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.20 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 0,
    profile: 'agent-based-baremetal',
    listed: true,
  },
  'openshift-4.19-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.19 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 1,
    profile: 'agent-based-baremetal',
    listed: true,
  },
  'openshift-4.18-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.18 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 2,
    profile: 'agent-based-baremetal',
    listed: true,
  },
  'openshift-4.17-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.17 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 3,
    profile: 'agent-based-baremetal',
  },
  'openshift-4.16-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.16 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 4,
    profile: 'agent-based-baremetal',
  },
  'openshift-4.15-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.15 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 5,
    profile: 'agent-based-baremetal',
  },
  'openshift-4.14-agent-based-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.14 on Baremetal Agent-based Assisted Installation [Experimental]',
    order: 6,
    profile: 'agent-based-baremetal',
  },
  'openshift-4.20-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.20 on Baremetal',
    order: 7,
    profile: 'baremetal',
    listed: true,
  },
  'openshift-4.19-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.19 on Baremetal',
    order: 8,
    profile: 'baremetal',
    listed: true,
  },
  'openshift-4.18-baremetal': {
    desc: 'Red Hat OpenShift Container Platform 4.18 on Baremetal',
    order: 9,
    profile: 'baremetal',
    listed: true,
  },
  'openshift-4.17-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.17 on Baremetal', order: 10, profile: 'baremetal' },
  'openshift-4.16-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.16 on Baremetal', order: 11, profile: 'baremetal' },
  'openshift-4.15-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.15 on Baremetal', order: 12, profile: 'baremetal' },
  'openshift-4.14-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.14 on Baremetal', order: 13, profile: 'baremetal' },
  'openshift-4.13-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.13 on Baremetal', order: 14, profile: 'baremetal' },
  'openshift-4.12-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.12 on Baremetal', order: 15, profile: 'baremetal' },
  'openshift-4.11-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.11 on Baremetal', order: 16, profile: 'baremetal' },
  'openshift-4.10-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.10 on Baremetal', order: 17, profile: 'baremetal' },
  'openshift-4.9-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.9 on Baremetal', order: 18, profile: 'baremetal' },
  'openshift-4.8-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.8 on Baremetal', order: 19, profile: 'baremetal' },
  'openshift-4.7-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.7 on Baremetal', order: 20, profile: 'baremetal' },
  'openshift-4.6-baremetal': { desc: 'Red Hat OpenShift Container Platform 4.6 on Baremetal', order: 21, profile: 'baremetal' },
  'openshift-4.20-openstack': {
    desc: 'Red Hat OpenShift Container Platform 4.20 on OpenStack',
    order: 22,
    profile: 'openstack-4.6',
    listed: true,
  },
  'openshift-4.19-openstack': {
    desc: 'Red Hat OpenShift Container Platform 4.19 on OpenStack',
    order: 23,
    profile: 'openstack-4.6',
    listed: true,
  },
  'openshift-4.18-openstack': {
    desc: 'Red Hat OpenShift Container Platform 4.18 on OpenStack',
    order: 24,
    profile: 'openstack-4.6',
    listed: true,
  },
  'openshift-4.17-openstack': { desc: 'Red Hat OpenShift Container Platform 4.17 on OpenStack', order: 25, profile: 'openstack-4.6' },
  'openshift-4.16-openstack': { desc: 'Red Hat OpenShift Container Platform 4.16 on OpenStack', order: 26, profile: 'openstack-4.6' },
  'openshift-4.15-openstack': { desc: 'Red Hat OpenShift Container Platform 4.15 on OpenStack', order: 27, profile: 'openstack-4.6' },
  'openshift-4.14-openstack': { desc: 'Red Hat OpenShift Container Platform 4.14 on OpenStack', order: 28, profile: 'openstack-4.6' },
  'openshift-4.13-openstack': { desc: 'Red Hat OpenShift Container Platform 4.13 on OpenStack', order: 29, profile: 'openstack-4.6' },
  'openshift-4.12-openstack': { desc: 'Red Hat OpenShift Container Platform 4.12 on OpenStack', order: 30, profile: 'openstack-4.6' },
  'openshift-4.11-openstack': { desc: 'Red Hat OpenShift Container Platform 4.11 on OpenStack', order: 31, profile: 'openstack-4.6' },
  'openshift-4.10-openstack': { desc: 'Red Hat OpenShift Container Platform 4.10 on OpenStack', order: 32, profile: 'openstack-4.6' },
  'openshift-4.9-openstack': { desc: 'Red Hat OpenShift Container Platform 4.9 on OpenStack', order: 33, profile: 'openstack-4.6' },
  'openshift-4.8-openstack': { desc: 'Red Hat OpenShift Container Platform 4.8 on OpenStack', order: 34, profile: 'openstack-4.6' },
  'openshift-4.7-openstack': { desc: 'Red Hat OpenShift Container Platform 4.7 on OpenStack', order: 35, profile: 'openstack-4.6' },
  'openshift-4.6-openstack': { desc: 'Red Hat OpenShift Container Platform 4.6 on OpenStack', order: 36, profile: 'openstack-4.6' },
  'openshift-4.5-openstack': { desc: 'Red Hat OpenShift Container Platform 4.5 on OpenStack', order: 37, profile: 'openstack-4.4' },
  'openshift-4.20-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.20 on ESX Agent-based Assisted Installation [Experimental]',
    order: 38,
    profile: 'agent-based-esx',
    listed: true,
  },
  'openshift-4.19-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.19 on ESX Agent-based Assisted Installation [Experimental]',
    order: 39,
    profile: 'agent-based-esx',
    listed: true,
  },
  'openshift-4.18-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.18 on ESX Agent-based Assisted Installation [Experimental]',
    order: 40,
    profile: 'agent-based-esx',
    listed: true,
  },
  'openshift-4.17-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.17 on ESX Agent-based Assisted Installation [Experimental]',
    order: 41,
    profile: 'agent-based-esx',
  },
  'openshift-4.16-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.16 on ESX Agent-based Assisted Installation [Experimental]',
    order: 42,
    profile: 'agent-based-esx',
  },
  'openshift-4.15-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.15 on ESX Agent-based Assisted Installation [Experimental]',
    order: 43,
    profile: 'agent-based-esx',
  },
  'openshift-4.14-agent-based-esx': {
    desc: 'Red Hat OpenShift Container Platform 4.14 on ESX Agent-based Assisted Installation [Experimental]',
    order: 44,
    profile: 'agent-based-esx',
  },
  'openshift-4.20-esx': { desc: 'Red Hat OpenShift Container Platform 4.20 on ESX', order: 45, profile: 'esx-4.6', listed: true },
  'openshift-4.19-esx': { desc: 'Red Hat OpenShift Container Platform 4.19 on ESX', order: 46, profile: 'esx-4.6', listed: true },
  'openshift-4.18-esx': { desc: 'Red Hat OpenShift Container Platform 4.18 on ESX', order: 47, profile: 'esx-4.6', listed: true },
  'openshift-4.17-esx': { desc: 'Red Hat OpenShift Container Platform 4.17 on ESX', order: 48, profile: 'esx-4.6' },
  'openshift-4.16-esx': { desc: 'Red Hat OpenShift Container Platform 4.16 on ESX', order: 49, profile: 'esx-4.6' },
  'openshift-4.15-esx': { desc: 'Red Hat OpenShift Container Platform 4.15 on ESX', order: 50, profile: 'esx-4.6' },
  'openshift-4.14-esx': { desc: 'Red Hat OpenShift Container Platform 4.14 on ESX', order: 51, profile: 'esx-4.6' },
  'openshift-4.13-esx': { desc: 'Red Hat OpenShift Container Platform 4.13 on ESX', order: 52, profile: 'esx-4.6' },
  'openshift-4.12-esx': { desc: 'Red Hat OpenShift Container Platform 4.12 on ESX', order: 53, profile: 'esx-4.6' },
  'openshift-4.11-esx': { desc: 'Red Hat OpenShift Container Platform 4.11 on ESX', order: 54, profile: 'esx-4.6' },
  'openshift-4.10-esx': { desc: 'Red Hat OpenShift Container Platform 4.10 on ESX', order: 55, profile: 'esx-4.6' },
  'openshift-4.9-esx': { desc: 'Red Hat OpenShift Container Platform 4.9 on ESX', order: 56, profile: 'esx-4.6' },
  'openshift-4.8-esx': { desc: 'Red Hat OpenShift Container Platform 4.8 on ESX', order: 57, profile: 'esx-4.6' },
  'openshift-4.7-esx': { desc: 'Red Hat OpenShift Container Platform 4.7 on ESX', order: 58, profile: 'esx-4.6' },
  'openshift-4.6-esx': { desc: 'Red Hat OpenShift Container Platform 4.6 on ESX', order: 59, profile: 'esx-4.6' },
  'openshift-4.5-esx': { desc: 'Red Hat OpenShift Container Platform 4.5 on ESX', order: 60, profile: 'esx-4.4' },
  'openshift-4.4-openstack': { desc: 'Red Hat OpenShift Container Platform 4.4 on OpenStack', order: 61, profile: 'openstack-4.4' },
  'openshift-4.4-esx': { desc: 'Red Hat OpenShift Container Platform 4.4 on ESX', order: 62, profile: 'esx-4.4' },
  'openshift-4.4': { desc: 'Red Hat OpenShift Container Platform 4.4', order: 63, profile: '4.3' },
  'openshift-4.3': { desc: 'Red Hat OpenShift Container Platform 4.3', order: 64, profile: '4.3' },
  'openshift-3.11': { desc: 'Red Hat OpenShift Container Platform 3.11', order: 65, profile: '3.11' },
  'openshift-3.10': { desc: 'Red Hat OpenShift Container Platform 3.10', order: 66, profile: '3.9' },
  'openshift-3.9': { desc: 'Red Hat OpenShift Container Platform 3.9', order: 67, profile: '3.9' },
  'openshift-sdn-ovn-baremetal': {
    desc: 'Chained CNI for Red Hat OpenShift Container Platform 4.12 on Baremetal',
    order: 135,
    profile: 'sdn-ovn-baremetal',
    listed: true,
    modes: { chained: true },
  },
  'openshift-vmm-lite-baremetal': {
    desc: 'VMM lite for Red Hat OpenShift Container Platform 4.18 on Baremetal',
    order: 136,
    profile: 'vmm-lite-baremetal',
    listed: true,
    modes: { chained: true, vmmLite: true },
  },
  'openshift-4.14-aci-cilium-esx': {
    desc: 'Chained CNI for Red Hat OpenShift Container Platform 4.14 on ESX',
    order: 138,
    profile: 'esx-4.6',
    listed: true,
    status: 'Experimental',
  },
};

export const OPENSHIFT_FLAVORS: Record<string, FlavorData> = Object.fromEntries(
  Object.entries(ENTRIES).map(([name, e]) => [name, flavor(e)]),
);

/** The flavors whose operator tarball carries the vSphere worker kubelet MachineConfig (as the Python tool: 4.6 on ESX only). */
export const VSPHERE_WORKER_KUBELET_FLAVORS: ReadonlySet<string> = new Set(['openshift-4.6-esx']);

// The navigation tree of the fabric view, laid out as the APIC GUI lays out
// its own: folders are fixed, the objects inside them come from one lazy
// query each (a class query, or the children of a class under the nearest
// object above). The spec is plain data: the page receives it as JSON.

/** How a folder finds its objects. */
export interface ListSpec {
  /** The class listed. */
  cls: string;
  /**
   * The DN whose children are listed; `{dn}` stands for the nearest object
   * above the folder. Absent: every object of the class in the fabric.
   */
  at?: string;
  /** Attribute shown as the item's name (default: name, else the RN). */
  labelAttr?: string;
  /** Folders shown inside each item; without them an item expands to its raw children. */
  folders?: FolderSpec[];
}

export interface FolderSpec {
  label: string;
  /** Fixed sub-folders. */
  folders?: FolderSpec[];
  /** Objects listed in this folder. */
  list?: ListSpec;
}

export interface ViewSpec {
  /** Items fetched per query (and per "more" click): lists stay cheap with 10k objects. */
  pageSize: number;
  /** Seconds between subscription refreshes (the APIC drops them after 80 s without one). */
  subscriptionRefreshSeconds: number;
  /** Seconds between session refreshes (aaaRefresh; the session idles out after 600 s). */
  sessionRefreshSeconds: number;
  roots: FolderSpec[];
}

const inTenant = (label: string, cls: string, folders?: FolderSpec[]): FolderSpec => ({ label, list: { cls, at: '{dn}', folders } });

const TENANT: FolderSpec[] = [
  {
    label: 'Application Profiles',
    list: { cls: 'fvAp', at: '{dn}', folders: [inTenant('Application EPGs', 'fvAEPg')] },
  },
  {
    label: 'Networking',
    folders: [inTenant('Bridge Domains', 'fvBD'), inTenant('VRFs', 'fvCtx'), inTenant('L3Outs', 'l3extOut')],
  },
  {
    label: 'Contracts',
    folders: [inTenant('Standard', 'vzBrCP'), inTenant('Filters', 'vzFilter')],
  },
  {
    label: 'L4-L7 Services',
    folders: [
      inTenant('L4-L7 Service Graph Templates', 'vnsAbsGraph'),
      inTenant('L4-L7 Devices', 'vnsLDevVip'),
      inTenant('Device Selection Policies', 'vnsLDevCtx'),
      inTenant('Deployed Graph Instances', 'vnsGraphInst'),
      { label: 'Service Redirect Policies', list: { cls: 'vnsSvcRedirectPol', at: '{dn}/svcCont' } },
    ],
  },
];

export const VIEW_SPEC: ViewSpec = {
  pageSize: 100,
  subscriptionRefreshSeconds: 30,
  sessionRefreshSeconds: 240,
  roots: [
    { label: 'Tenants', list: { cls: 'fvTenant', folders: TENANT } },
    {
      label: 'VM Networking',
      folders: [
        {
          label: 'Inventory',
          folders: [
            {
              label: 'Kubernetes',
              list: {
                cls: 'compCtrlr',
                at: 'comp/prov-Kubernetes',
                labelAttr: 'domName',
                folders: [
                  { label: 'Nodes', list: { cls: 'vmmInjectedHost', at: '{dn}/injcont' } },
                  { label: 'Namespaces', list: { cls: 'vmmInjectedNs', at: '{dn}/injcont' } },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      label: 'Fabric',
      folders: [
        {
          label: 'Access Policies',
          folders: [
            {
              label: 'Pools',
              folders: [
                { label: 'VLAN', list: { cls: 'fvnsVlanInstP' } },
                { label: 'Multicast Address', list: { cls: 'fvnsMcastAddrInstP' } },
              ],
            },
            {
              label: 'Physical and External Domains',
              folders: [
                { label: 'Physical Domains', list: { cls: 'physDomP' } },
                { label: 'L3 Domains', list: { cls: 'l3extDomP' } },
              ],
            },
            { label: 'VMM Domains', list: { cls: 'vmmDomP' } },
            { label: 'Attachable Access Entity Profiles', list: { cls: 'infraAttEntityP' } },
          ],
        },
      ],
    },
  ],
};

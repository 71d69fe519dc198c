// Calico's own resources for the Calico flavor: the Installation (the pod IP
// pool), the API server, the BGP password Secret readable by calico-node,
// the calicoctl pod with its account and roles, one Node per cluster node
// labelled with its rack, and (calicoctl's file) the BGP configuration and a
// BGP peer per leaf of each rack.
import type { Ctx } from '../context.js';
import { pyStr, truthy } from '../context.js';
import type { KubeObject } from '../object.js';

const obj = (apiVersion: string, kind: string, metadata: KubeObject['metadata'], rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata,
  ...rest,
});

interface Rack {
  id?: unknown;
  leaf?: Array<{ id?: unknown; local_ip?: unknown }>;
  node?: Array<{ name?: unknown }>;
}

const racks = (ctx: Ctx): Rack[] => ((ctx.c.topology.rack as Rack[] | undefined) ?? []).filter(Boolean);

/** `custom_resources_aci_calico.yaml` up to the Nodes (the acc-provision input follows). */
export function buildCalicoResources(ctx: Ctx): KubeObject[] {
  const calicoNet = ctx.c.calico_config.net_config;
  const pullSecret = ctx.c.registry.image_pull_secret;
  const secret = ctx.c.aci_config.cluster_l3out.bgp.secret;
  const out: KubeObject[] = [
    obj('v1', 'Namespace', { name: 'calico-system', labels: { name: 'calico-system' } }),
    obj(
      'operator.tigera.io/v1',
      'Installation',
      { name: 'default' },
      {
        spec: {
          ...(truthy(pullSecret) ? { imagePullSecrets: [{ name: pyStr(pullSecret) }] } : {}),
          calicoNetwork: {
            ipPools: [
              {
                blockSize: calicoNet.block_size,
                cidr: ctx.c.net_config.pod_subnet,
                encapsulation: calicoNet.encapsulation,
                natOutgoing: calicoNet.nat_outgoing,
                nodeSelector: calicoNet.nodeSelector,
              },
            ],
          },
        },
      },
    ),
    obj('operator.tigera.io/v1', 'APIServer', { name: 'default' }, { spec: {} }),
  ];
  if (truthy(secret)) {
    out.push(
      obj('v1', 'Secret', { name: 'bgp-secrets', namespace: 'calico-system' }, { type: 'Opaque', stringData: { 'rr-password': secret } }),
      obj(
        'rbac.authorization.k8s.io/v1',
        'Role',
        { name: 'secret-access', namespace: 'calico-system' },
        {
          rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['bgp-secrets'], verbs: ['watch', 'list', 'get'] }],
        },
      ),
      obj(
        'rbac.authorization.k8s.io/v1',
        'RoleBinding',
        { name: 'secret-access', namespace: 'calico-system' },
        {
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'secret-access' },
          subjects: [{ kind: 'ServiceAccount', name: 'calico-node', namespace: 'calico-system' }],
        },
      ),
    );
  }
  out.push(...calicoctl());
  for (const rack of racks(ctx)) {
    for (const node of rack.node ?? []) {
      out.push(obj('v1', 'Node', { name: pyStr(node.name), labels: { rack_id: pyStr(rack.id) } }));
    }
  }
  return out;
}

/** The calicoctl pod (Calico's own tool, version 3.26.4) and what it may read and change. */
function calicoctl(): KubeObject[] {
  const ns = 'kube-system';
  return [
    obj('v1', 'ServiceAccount', { name: 'calicoctl', namespace: ns }),
    obj(
      'v1',
      'Pod',
      { name: 'calicoctl', namespace: ns },
      {
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          hostNetwork: true,
          serviceAccountName: 'calicoctl',
          containers: [
            {
              name: 'calicoctl',
              image: 'calico/ctl:v3.26.4',
              command: ['/calicoctl'],
              args: ['version', '--poll=1m'],
              env: [{ name: 'DATASTORE_TYPE', value: 'kubernetes' }],
            },
          ],
        },
      },
    ),
    obj(
      'rbac.authorization.k8s.io/v1',
      'ClusterRole',
      { name: 'calicoctl' },
      {
        rules: [
          { apiGroups: [''], resources: ['namespaces', 'nodes'], verbs: ['get', 'list', 'update'] },
          { apiGroups: [''], resources: ['nodes/status'], verbs: ['update'] },
          { apiGroups: [''], resources: ['pods', 'serviceaccounts'], verbs: ['get', 'list'] },
          { apiGroups: [''], resources: ['pods/status'], verbs: ['update'] },
          {
            apiGroups: ['crd.projectcalico.org'],
            resources: [
              'bgppeers',
              'bgpconfigurations',
              'clusterinformations',
              'felixconfigurations',
              'globalnetworkpolicies',
              'globalnetworksets',
              'ippools',
              'ipreservations',
              'kubecontrollersconfigurations',
              'networkpolicies',
              'networksets',
              'hostendpoints',
              'ipamblocks',
              'blockaffinities',
              'ipamhandles',
              'ipamconfigs',
            ],
            verbs: ['create', 'get', 'list', 'update', 'delete'],
          },
          { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['get', 'list'] },
        ],
      },
    ),
    obj(
      'rbac.authorization.k8s.io/v1',
      'ClusterRoleBinding',
      { name: 'calicoctl' },
      {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'calicoctl' },
        subjects: [{ kind: 'ServiceAccount', name: 'calicoctl', namespace: ns }],
      },
    ),
  ];
}

/** `custom_resources_calicoctl.yaml`: BGP without a node mesh, advertising the service subnets; a peer per leaf. */
export function buildCalicoBgp(ctx: Ctx): KubeObject[] {
  const peering = ctx.c.aci_config.cluster_l3out.bgp.peering;
  const dynamic = ctx.c.net_config.extern_dynamic;
  const out: KubeObject[] = [
    obj(
      'projectcalico.org/v3',
      'BGPConfiguration',
      { name: 'default' },
      {
        spec: {
          asNumber: peering.remote_as_number,
          logSeverityScreen: 'Info',
          nodeToNodeMeshEnabled: false,
          ...(truthy(ctx.c.net_config.advertise_cluster_svc_subnet)
            ? { serviceClusterIPs: [{ cidr: ctx.c.net_config.cluster_svc_subnet }] }
            : {}),
          serviceExternalIPs: [{ cidr: dynamic }],
          serviceLoadBalancerIPs: [{ cidr: dynamic }],
        },
      },
    ),
  ];
  const secret = truthy(ctx.c.aci_config.cluster_l3out.bgp.secret);
  for (const rack of racks(ctx)) {
    for (const leaf of rack.leaf ?? []) {
      if (leaf.local_ip === undefined) continue;
      const ip = pyStr(leaf.local_ip);
      out.push(
        obj(
          'projectcalico.org/v3',
          'BGPPeer',
          { name: ip.replace(/\./g, '-') },
          {
            spec: {
              peerIP: ip,
              asNumber: peering.aci_as_number,
              nodeSelector: `rack_id == "${pyStr(rack.id)}"`,
              ...(secret ? { password: { secretKeyRef: { name: 'bgp-secrets', key: 'rr-password' } } } : {}),
            },
          },
        ),
      );
    }
  }
  return out;
}

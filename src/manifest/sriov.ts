// SR-IOV: the device plugin DaemonSets (one per CPU architecture), their
// service account and the device plugin's resource list.
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Ctx, pyStr, truthy } from './context.js';
import { configMap } from './config-map.js';
import { pyDumps } from './json-text.js';
import { toKube, type KubeObject } from './object.js';

// Upstream device plugin images; arm64 comes from an interim repository.
const ARCH_IMAGES: [string, string][] = [
  ['amd64', 'docker.io/nfvpe/sriov-device-plugin:v3.3'],
  ['ppc64le', 'docker.io/nfvpe/sriov-device-plugin:ppc64le'],
  ['arm64', 'alexeyperevalov/arm64-sriov-device-plugin'],
];

function devicePlugin(arch: string, image: string): KubeObject {
  const labels = { name: 'sriov-device-plugin', tier: 'node', app: 'sriovdp' };
  const ds: IDaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: `kube-sriov-device-plugin-${arch}`, namespace: 'kube-system', labels: { tier: 'node', app: 'sriovdp' } },
    spec: {
      selector: { matchLabels: { name: 'sriov-device-plugin' } },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          nodeSelector: { 'beta.kubernetes.io/arch': arch },
          tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }],
          serviceAccountName: 'sriov-device-plugin',
          containers: [
            {
              name: 'kube-sriovdp',
              image,
              imagePullPolicy: 'IfNotPresent',
              args: ['--log-dir=sriovdp', '--log-level=10'],
              securityContext: { privileged: true },
              volumeMounts: [
                { name: 'devicesock', mountPath: '/var/lib/kubelet/', readOnly: false },
                { name: 'log', mountPath: '/var/log' },
                { name: 'config-volume', mountPath: '/etc/pcidp' },
                { name: 'device-info', mountPath: '/var/run/k8s.cni.cncf.io/devinfo/dp' },
              ],
            },
          ],
          volumes: [
            { name: 'devicesock', hostPath: { path: '/var/lib/kubelet/' } },
            { name: 'log', hostPath: { path: '/var/log' } },
            { name: 'device-info', hostPath: { path: '/var/run/k8s.cni.cncf.io/devinfo/dp', type: 'DirectoryOrCreate' } },
            { name: 'config-volume', configMap: { name: 'sriovdp-config', items: [{ key: 'config.json', path: 'config.json' }] } },
          ],
        },
      },
    },
  };
  return toKube(ds);
}

/** The device plugin's config.json, in the reference's layout; `isRdma` is
 * written as given ("true"/"false"). */
function deviceConfig(ctx: Ctx): KubeObject {
  const c = ctx.c;
  const sel = '                  ';
  const lines = [
    '{',
    '    "resourceList": [',
    '             {',
    `               "resourcePrefix": ${pyDumps(c.resourcePrefix)},`,
    `               "resourceName": ${pyDumps(c.resourceName)},`,
    '               "selectors": {',
    `${sel}"vendors": [${pyDumps(c.vendors)}],`,
    // No device IDs given: the plugin's default Mellanox ConnectX VF IDs.
    c.devices === '' ? `${sel}"devices": ["1014","101e"],` : `${sel}"devices": [${pyDumps(c.devices)}],`,
    `${sel}"drivers": [${pyDumps(c.drivers)}],`,
    ...(ctx.dpu ? [`${sel}"pfNames": [${pyDumps(c.pfNames)}],`] : []),
    `${sel}"isRdma":  ${pyStr(c.isRdma)}`,
    '               }',
    '             }',
    '    ]',
    '}',
    '',
  ];
  return configMap({ name: 'sriovdp-config', namespace: 'kube-system' }, { 'config.json': lines.join('\n') });
}

export function buildSriov(ctx: Ctx): KubeObject[] {
  if (!truthy(ctx.c.sriov_config.enable)) return [];
  const sa: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'sriov-device-plugin', namespace: 'kube-system' },
  };
  return [toKube(sa), ...ARCH_IMAGES.map(([a, i]) => devicePlugin(a, i)), deviceConfig(ctx)];
}

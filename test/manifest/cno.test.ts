// The manifest of chained CNI and VMM-lite clusters: the admission webhook
// and what its options change, the certificate manager, the fabric VLAN pool
// (each checked against the Python tool run locally).
import { describe, expect, it } from 'vitest';
import { buildManifest, type KubeObject } from '../../src/manifest/index.js';
import { CNO_BASE as BASE, load } from '../config/helpers.js';

const chained = (extra = '') =>
  `${BASE}chained_cni_config:\n  secondary_interface_chaining: true\n  secondary_vlans: [4002, 4004-4007]\n${extra}`;
const VMM_LITE = `${BASE}vmm_lite_config:\n  aaep_monitoring_enabled: true\n  bridge_name: bridge1\n  apic_username: mykube\n`;

function objects(text: string, flavor = 'openshift-sdn-ovn-baremetal'): KubeObject[] {
  return buildManifest(load(text, { flavor }).config).objects;
}
const find = (objs: KubeObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
type Hook = { name: string; clientConfig: { service: { path: string } } };
const hooks = (o: KubeObject | undefined) => ((o?.webhooks ?? []) as Hook[]).map((h) => h.clientConfig.service.path);
type Env = { name: string; value?: string };
const webhookEnv = (objs: KubeObject[]) => {
  const d = find(objs, 'Deployment', 'aci-containers-webhook') as unknown as {
    spec: { template: { spec: { containers: { env: Env[] }[] } } };
  };
  return d.spec.template.spec.containers[0].env.filter((e) => e.value !== undefined).map((e) => `${e.name}=${e.value}`);
};

describe('chained CNI manifest', () => {
  it('adds the webhook after the LimitRange, with the fabric VLAN pool last, and keeps the operator', () => {
    const objs = objects(chained());
    const kinds = objs.map((o) => `${o.kind}/${o.metadata.name}`);
    const at = kinds.indexOf('LimitRange/memory-limit-range');
    expect(kinds.slice(at + 1, at + 9)).toEqual([
      'ServiceAccount/aci-containers-webhook',
      'ClusterRole/aci-containers-webhook',
      'ClusterRoleBinding/aci-containers-webhook',
      'Deployment/aci-containers-webhook',
      'Service/aci-containers-webhook',
      'MutatingWebhookConfiguration/aci-containers-webhook',
      'ValidatingWebhookConfiguration/aci-containers-webhook',
      'FabricVlanPool/default',
    ]);
    expect(kinds).toContain('Deployment/aci-containers-controller');
    expect(kinds).not.toContain('DaemonSet/aci-containers-openvswitch');
    expect(find(objs, 'FabricVlanPool', 'default')?.spec).toEqual({ vlans: ['4002', '4004-4007'] });
    expect(webhookEnv(objs)).toEqual(['REQUIRE_NAD_ANNOTATION=True', 'CONTAINER_FOR_ENVVARS=fabric-peer', 'CHAINED_MODE_ENABLED=True']);
    expect(hooks(find(objs, 'MutatingWebhookConfiguration', 'aci-containers-webhook'))).toEqual(['/mutate-nad', '/delete-nad']);
  });

  it('with the L3 peering model adds the pod mutation and the L3 configuration validation', () => {
    const objs = objects(chained('  enable_container_l3_peering_model: true\n'));
    expect(hooks(find(objs, 'MutatingWebhookConfiguration', 'aci-containers-webhook'))).toEqual([
      '/mutate-nad',
      '/delete-nad',
      '/mutate-pod',
    ]);
    expect(hooks(find(objs, 'ValidatingWebhookConfiguration', 'aci-containers-webhook'))).toEqual([
      '/validate-networkfabricconfiguration',
      '/validate-networkfabricl3configuration',
    ]);
  });

  it('with a local certificate manager: its deployment, and no OpenShift service CA annotations', () => {
    const objs = objects(chained('  local_cert_manager_enabled: true\n'));
    expect(find(objs, 'Deployment', 'aci-containers-certmanager')).toBeDefined();
    expect(find(objs, 'Service', 'aci-containers-webhook')?.metadata.annotations).toBeUndefined();
    expect(find(objs, 'MutatingWebhookConfiguration', 'aci-containers-webhook')?.metadata.annotations).toBeUndefined();
    const plain = objects(chained());
    expect(find(plain, 'Deployment', 'aci-containers-certmanager')).toBeUndefined();
    expect(find(plain, 'Service', 'aci-containers-webhook')?.metadata.annotations).toEqual({
      'service.alpha.openshift.io/serving-cert-secret-name': 'aci-containers-webhook',
    });
  });

  it('leaves the NAD annotation and the BGP peer container out when turned off', () => {
    const objs = objects(
      chained('  require_annotation_for_nad_mutation_webhook: false\n  named_container_for_fabric_bgp_peer_insertion: ""\n'),
    );
    expect(webhookEnv(objs)).toEqual(['CHAINED_MODE_ENABLED=True']);
  });

  it('without a VMM domain in the file, the controller reports to none', () => {
    const cm = find(objects(chained()), 'ConfigMap', 'aci-containers-config') as unknown as { data: Record<string, string> };
    expect(JSON.parse(cm.data['controller-config'])).not.toHaveProperty('aci-vmm-domain');
    const withVmm = find(
      objects(chained().replace('aep: kube-aep\n', 'aep: kube-aep\n  vmm_domain: {domain: kube, type: Kubernetes}\n')),
      'ConfigMap',
      'aci-containers-config',
    ) as unknown as {
      data: Record<string, string>;
    };
    expect(JSON.parse(withVmm.data['controller-config'])).toMatchObject({ 'aci-vmm-domain': 'kube', 'aci-vmm-type': 'Kubernetes' });
  });
});

describe('VMM-lite manifest', () => {
  it('has the webhook without NAD mutation, no validation, no host agent or operator', () => {
    const objs = objects(VMM_LITE, 'openshift-vmm-lite-baremetal');
    const kinds = objs.map((o) => o.kind);
    expect(hooks(find(objs, 'MutatingWebhookConfiguration', 'aci-containers-webhook'))).toEqual(['/delete-nad']);
    expect(kinds).not.toContain('ValidatingWebhookConfiguration');
    expect(kinds).not.toContain('FabricVlanPool');
    expect(kinds).not.toContain('DaemonSet');
    expect(find(objs, 'Deployment', 'aci-containers-operator')).toBeUndefined();
    expect(webhookEnv(objs)).toEqual(['VMM_LITE_ENABLED=True']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderManifest } from '../../src/manifest/index.js';
import { configJson, container, find, fixture, get, objects, podSpec } from './helpers.js';

const names = (objs: { kind: string; metadata: { name: string } }[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`);

describe('manifest objects', () => {
  it('orders the operator CRD, the ACI CNI objects with the operator config before the first ConfigMap, then the operator', () => {
    const n = names(objects());
    expect(n[0]).toBe('CustomResourceDefinition/acicontainersoperators.aci.ctrl');
    expect(n[1]).toBe('Namespace/aci-containers-system');
    const acc = n.indexOf('CustomResourceDefinition/accprovisioninputs.aci.ctrl');
    expect(n.slice(acc, acc + 4)).toEqual([
      'CustomResourceDefinition/accprovisioninputs.aci.ctrl',
      'ConfigMap/aci-operator-config',
      'ConfigMap/acc-provision-config',
      'ConfigMap/aci-containers-config',
    ]);
    expect(n.slice(-4)).toEqual([
      'ServiceAccount/aci-containers-operator',
      'ClusterRole/aci-containers-operator',
      'ClusterRoleBinding/aci-containers-operator',
      'Deployment/aci-containers-operator',
    ]);
    expect(n).toContain('DaemonSet/aci-containers-openvswitch');
    expect(n).toContain('LimitRange/memory-limit-range');
  });

  it('puts the configuration version on every ACI CNI object', () => {
    const cm = get(objects({ registry: { configuration_version: 'v42' } }), 'ConfigMap', 'aci-containers-config');
    expect(cm.metadata.labels['aci-containers-config-version']).toBe('v42');
  });

  it('drop log off: no drop-log flag, no event rights for the host agent', () => {
    const on = objects();
    const off = objects({ drop_log_config: { enable: false } });
    expect(configJson(on, 'host-agent-config')['enable-drop-log']).toBe(true);
    expect(configJson(off, 'host-agent-config')['enable-drop-log']).toBe(false);
    const eventRule = (objs: ReturnType<typeof objects>) =>
      get(objs, 'ClusterRole', 'aci-containers-host-agent').rules.some((r: { resources: string[] }) => r.resources.includes('events'));
    expect(eventRule(on)).toBe(true);
    expect(eventRule(off)).toBe(false);
  });

  it('SR-IOV adds the device plugin, its config, the NAD CRD and the host agent NAD rights', () => {
    expect(find(objects(), 'ConfigMap', 'sriovdp-config')).toBeUndefined();
    const objs = objects({
      sriov_config: { enable: true },
      resourcePrefix: 'mellanox.com',
      resourceName: 'cx5',
      vendors: '15b3',
      devices: '',
      drivers: 'mlx5_core',
      isRdma: 'true',
      pfNames: 'p0',
    });
    for (const arch of ['amd64', 'ppc64le', 'arm64']) expect(find(objs, 'DaemonSet', `kube-sriov-device-plugin-${arch}`)).toBeDefined();
    expect(find(objs, 'ServiceAccount', 'sriov-device-plugin')).toBeDefined();
    expect(find(objs, 'CustomResourceDefinition', 'network-attachment-definitions.k8s.cni.cncf.io')).toBeDefined();
    const dp = JSON.parse(get(objs, 'ConfigMap', 'sriovdp-config').data['config.json']);
    expect(dp.resourceList[0].selectors).toEqual({ vendors: ['15b3'], devices: ['1014', '101e'], drivers: ['mlx5_core'], isRdma: true });
    expect(configJson(objs, 'host-agent-config')['enable-ovs-hw-offload']).toBe(true);
    const rules = get(objs, 'ClusterRole', 'aci-containers-host-agent').rules;
    expect(rules.some((r: { apiGroups: string[] }) => r.apiGroups.includes('k8s.cni.cncf.io'))).toBe(true);
  });

  it('DPU: no Open vSwitch DaemonSet, no OpFlex agent; an lsyncd sidecar and its config instead', () => {
    const objs = objects({ dpu_config: { enable: true }, dpuIp: '192.168.200.2', dpuUser: 'opflex' });
    expect(find(objs, 'DaemonSet', 'aci-containers-openvswitch')).toBeUndefined();
    const ctrs = podSpec(objs, 'DaemonSet', 'aci-containers-host').containers.map((c: { name: string }) => c.name);
    expect(ctrs).toEqual(['aci-containers-host', 'lsyncd-daemon']);
    expect(JSON.parse(get(objs, 'ConfigMap', 'lsyncd-config').data['lsyncd.json'])).toEqual({ dpuIp: '192.168.200.2', dpuUser: 'opflex' });
    expect(get(objs, 'ConfigMap', 'aci-containers-config').data['opflex-agent-config']).toBeUndefined();
  });

  it('upgrade: DaemonSets update on delete only', () => {
    expect(get(objects(), 'DaemonSet', 'aci-containers-host').spec.updateStrategy.type).toBe('RollingUpdate');
    const objs = objects({ provision: { upgrade_cluster: true } });
    expect(get(objs, 'DaemonSet', 'aci-containers-host').spec.updateStrategy.type).toBe('OnDelete');
    expect(get(objs, 'DaemonSet', 'aci-containers-openvswitch').spec.updateStrategy.type).toBe('OnDelete');
  });

  it('image digests and the image pull secret', () => {
    const objs = objects({ registry: { use_digest: true, aci_containers_controller_version: 'abc123', image_pull_secret: 'regcred' } });
    expect(container(objs, 'Deployment', 'aci-containers-controller', 'aci-containers-controller').image).toBe(
      'noiro/aci-containers-controller@sha256:abc123',
    );
    for (const [kind, name] of [
      ['DaemonSet', 'aci-containers-host'],
      ['DaemonSet', 'aci-containers-openvswitch'],
      ['Deployment', 'aci-containers-controller'],
    ]) {
      expect(podSpec(objs, kind, name).imagePullSecrets).toEqual([{ name: 'regcred' }]);
    }
    expect(podSpec(objects(), 'DaemonSet', 'aci-containers-host').imagePullSecrets).toBeUndefined();
  });

  it('memory limits: a component limit alone falls back to the shared request', () => {
    const objs = objects({ kube_config: { aci_containers_controller_memory_limit: '2Gi' } });
    expect(container(objs, 'Deployment', 'aci-containers-controller', 'aci-containers-controller').resources).toEqual({
      limits: { memory: '2Gi' },
      requests: { memory: '128Mi' },
    });
    expect(container(objects(), 'Deployment', 'aci-containers-controller', 'aci-containers-controller').resources).toBeUndefined();
  });

  it('priority classes: the ACI CNI class wins and is created', () => {
    const objs = objects({ kube_config: { use_acicni_priority_class: true, acicni_priority_class_value: 1000 } });
    expect(get(objs, 'PriorityClass', 'acicni-priority').value).toBe(1000);
    expect(podSpec(objs, 'DaemonSet', 'aci-containers-host').priorityClassName).toBe('acicni-priority');
    expect(podSpec(objects(), 'DaemonSet', 'aci-containers-host').priorityClassName).toBe('system-cluster-critical');
    expect(
      podSpec(objects({ kube_config: { no_priority_class: true } }), 'DaemonSet', 'aci-containers-host').priorityClassName,
    ).toBeUndefined();
  });

  it('controller tolerations: 60 s by default, toleration_seconds when set', () => {
    const secs = (objs: ReturnType<typeof objects>) =>
      podSpec(objs, 'Deployment', 'aci-containers-controller').tolerations[0].tolerationSeconds;
    expect(secs(objects())).toBe(60);
    expect(secs(objects({ kube_config: { toleration_seconds: 300 } }))).toBe(300);
  });

  it('multus: env and CNI config mount on the host agent', () => {
    const objs = objects({ multus: { disable: false } });
    const c = container(objs, 'DaemonSet', 'aci-containers-host', 'aci-containers-host');
    expect(c.env).toContainEqual({ name: 'MULTUS', value: 'True' });
    expect(c.volumeMounts).toContainEqual({ name: 'multus-cni-conf', mountPath: '/mnt/multus-cni-conf' });
  });

  it('log levels reach the component configs', () => {
    const objs = objects({ logging: { controller_log_level: 'debug', hostagent_log_level: 'trace', opflexagent_log_level: 'warning' } });
    expect(configJson(objs, 'controller-config')['log-level']).toBe('debug');
    expect(configJson(objs, 'host-agent-config')['log-level']).toBe('trace');
    expect(configJson(objs, 'opflex-agent-config').log.level).toBe('warning');
  });

  it('Prometheus on the OpFlex agent: scrape annotations and a metrics port', () => {
    const objs = objects({ kube_config: { opflex_agent_prometheus: 'true' } });
    expect(get(objs, 'DaemonSet', 'aci-containers-host').spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9612',
    });
    expect(container(objs, 'DaemonSet', 'aci-containers-host', 'opflex-agent').ports).toEqual([{ name: 'metrics', containerPort: 9612 }]);
  });

  it('excluding the acc-provision operator leaves one operator container', () => {
    const c = (objs: ReturnType<typeof objects>) =>
      podSpec(objs, 'Deployment', 'aci-containers-operator').containers.map((x: { name: string }) => x.name);
    expect(c(objects())).toEqual(['aci-containers-operator', 'acc-provision-operator']);
    expect(c(objects({ acc_provision_operator: { exclude: true } }))).toEqual(['aci-containers-operator']);
  });

  it('without cluster roles the host agent ServiceAccount goes too, as in the reference', () => {
    const objs = objects({ kube_config: { use_cluster_role: false } });
    expect(find(objs, 'ClusterRole', 'aci-containers-host-agent')).toBeUndefined();
    expect(find(objs, 'ServiceAccount', 'aci-containers-host-agent')).toBeUndefined();
    expect(find(objs, 'ServiceAccount', 'aci-containers-controller')).toBeDefined();
    expect(find(objects(), 'ServiceAccount', 'aci-containers-host-agent')).toBeDefined();
  });

  it('no certificate data (operator mode): no aci-user-cert Secret', () => {
    expect(find(objects(), 'Secret', 'aci-user-cert')?.data).toEqual({ 'user.key': 'ZHVtbXkK', 'user.crt': 'ZHVtbXkK' });
    expect(find(objects({ aci_config: { sync_login: { key_data: null, cert_data: null } } }), 'Secret', 'aci-user-cert')).toBeUndefined();
  });
});

describe('renderManifest', () => {
  it('is deterministic', () => {
    expect(renderManifest(fixture()).kube).toBe(renderManifest(fixture()).kube);
  });

  it('embeds the ACI CNI manifest (base64) in the operator CR and aci-operator-config', () => {
    const r = renderManifest(fixture());
    const cr = parseAllDocuments(r.operatorCr)[0].toJS();
    expect(cr.kind).toBe('AciContainersOperator');
    expect(cr.metadata).toEqual({ name: 'acicnioperator', namespace: 'kube-system' });
    const inner = parseAllDocuments(Buffer.from(cr.spec.config, 'base64').toString('utf8')).map((d) => d.toJS());
    expect(inner[0].kind).toBe('Namespace');
    expect(inner.map((d) => d.metadata.name)).not.toContain('aci-operator-config');
    const cm = get(objects(), 'ConfigMap', 'aci-operator-config');
    expect(JSON.parse(cm.data.spec)).toEqual({ flavor: 'kubernetes-1.35', config: cr.spec.config });
  });

  it('names tar entries cluster-network-NN-Kind-name.yaml from 04, one object each', () => {
    const r = renderManifest(fixture());
    expect(r.tarFiles[0].name).toBe('cluster-network-04-CustomResourceDefinition-acicontainersoperators.aci.ctrl.yaml');
    expect(r.tarFiles[1].name).toBe('cluster-network-05-Namespace-aci-containers-system.yaml');
    expect(r.tarFiles.length).toBe(parseAllDocuments(r.kube).length);
    expect(parseAllDocuments(r.tarFiles[1].content).length).toBe(1);
  });

  it('quotes YAML 1.1 look-alikes so YAML 1.1 readers see strings', () => {
    const r = renderManifest(fixture({ registry: { configuration_version: 'on' } }));
    expect(r.kube).toContain('aci-containers-config-version: "on"');
  });
});

import { describe, expect, it } from 'vitest';
import { configDefaults } from '../../src/config/schema.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { allObjects } from '../../src/provision/desired/requests.js';
import { edit, fields, load, problemsOf, VALID } from './helpers.js';

describe('loadConfig', () => {
  it('points every problem at file:line:col', () => {
    const text = edit('kubeapi_vlan:', 'kubeapi_vlan: 5000', edit('system_id:', 'system_id: 9x'));
    const problems = problemsOf(text);
    expect(problems.find((p) => p.field === 'aci_config.system_id')?.at).toBe('cfg.yaml:2:14');
    expect(problems.find((p) => p.field === 'net_config.kubeapi_vlan')?.at).toBe('cfg.yaml:24:17');
  });

  it('points a problem in a list at the entry, and a missing key at its section', () => {
    const list = edit('pod_subnet:', 'pod_subnet:\n- 10.2.0.1/16\n- 10.9.0/16');
    expect(problemsOf(list)[0]).toMatchObject({ field: 'net_config.pod_subnet[1]', at: 'cfg.yaml:22:5' });
    const noAep = VALID.replace('  aep: kube-aep\n', '');
    expect(problemsOf(noAep)).toEqual([{ field: 'aci_config.aep', rule: expect.stringMatching(/^required/), at: 'cfg.yaml:1:1' }]);
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf('aci_config:\n  system_id: [kube\n');
    expect(problems[0].field).toBe('(yaml)');
    expect(problems[0].at).toMatch(/^cfg\.yaml:\d+:\d+$/);
    expect(fields(problemsOf('aci_config: 1\naci_config: 2\n'))).toEqual(['(yaml)']);
    expect(fields(problemsOf('- just\n- a list\n'))).toEqual(['(document)']);
  });

  it('reports type errors with the expected type', () => {
    const p = problemsOf(edit('aep:', 'aep: [a, b]'));
    expect(p).toEqual([{ field: 'aci_config.aep', value: ['a', 'b'], rule: 'must be a string', at: 'cfg.yaml:5:8' }]);
    expect(problemsOf(VALID + 'drop_log_config:\n  enable: maybe\n')[0]).toMatchObject({
      field: 'drop_log_config.enable',
      rule: 'must be true or false',
    });
  });

  it('warns about unknown keys, naming the nearest known key', () => {
    const { warnings } = load(edit('aep:', 'aep: kube-aep\napic_host:\n- 1.1.1.1\nssl: false'));
    expect(warnings).toEqual([
      'cfg.yaml:6:3: aci_config.apic_host: unknown key, ignored; did you mean aci_config.apic_hosts?',
      'cfg.yaml:8:8: aci_config.ssl: unknown key, ignored',
    ]);
    const elsewhere = load(VALID + 'registry:\n  image_prefix: noiro\n  controller_log_level: debug\n').warnings;
    expect(elsewhere[0]).toContain('did you mean logging.controller_log_level?');
  });

  it('knows the keys the desired tree and the controller read: a DHCP relay label, the secondary AEP', () => {
    const { config, warnings } = load(edit('aep:', 'aep: kube-aep\ndhcp_relay_label: relay-1\nsecondary_aep: kube-aep-2'));
    expect(warnings).toEqual([]);
    expect(config.aci_config.dhcp_relay_label).toBe('relay-1');
    expect(config.aci_config.secondary_aep).toBe('kube-aep-2');
    const nodeBd = allObjects(buildDesiredState(config)).find((m) => m.dn === 'uni/tn-kube/BD-aci-containers-kube-node-bd');
    expect(nodeBd?.children.find((c) => c.className === 'dhcpLbl')?.attributes).toMatchObject({ name: 'relay-1', owner: 'infra' });
  });

  it('reads YAML 1.1 booleans as the Python tool does', () => {
    const { config } = load(VALID + 'kube_config:\n  use_ds_rolling_update: yes\n  aci_multipod: True\n');
    expect(config.kube_config.use_ds_rolling_update).toBe(true);
    expect(config.kube_config.aci_multipod).toBe(true);
  });

  it('fills the defaults of the Python tool', () => {
    const d = configDefaults() as any;
    expect(d.aci_config.vmm_domain).toEqual({
      type: 'Kubernetes',
      encap_type: 'vxlan',
      mcast_fabric: '225.1.2.3',
      mcast_range: { start: '225.20.1.1', end: '225.20.255.255' },
      nested_inside: { portgroup: null, elag_name: null, duplicate_file_router_default_svc: false },
    });
    expect(d.kube_config.snat_operator.port_range).toEqual({ start: 5000, end: 65000, ports_per_node: 3000 });
    expect(d.net_config.duration_wait_for_network).toBe(210);
    expect(d.kube_config.acicni_priority_class_value).toBe(1000000000);
    expect(d.multus).toEqual({ disable: true });
    expect(d.kube_config).not.toHaveProperty('use_ds_rolling_update');
    // A fresh copy each time.
    d.multus.disable = false;
    expect((configDefaults() as any).multus.disable).toBe(true);
  });

  it('merges the user file over the flavor over the defaults', () => {
    const { config } = load(VALID);
    expect(config.kube_config.use_host_netns_volume).toBe(true); // flavor over default false
    expect(config.kube_config.allow_kube_api_default_epg).toBe(true);
    expect(config.registry.version).toBe(6.1);
    expect(config.registry.opflex_agent_version).toBe('6.1.2.1.81c2369');
    // Release 1.9 (kubernetes-1.10) lacks some images: the file must name them, as with the Python tool.
    expect(fields(problemsOf(VALID, { flavor: 'kubernetes-1.10' }))).toEqual([
      'registry.aci_containers_operator_version',
      'registry.aci_containers_webhook_version',
      'registry.aci_containers_certmanager_version',
      'registry.aci_containers_host_ovscni_version',
    ]);
    const images = [
      'aci_containers_operator_version',
      'aci_containers_webhook_version',
      'aci_containers_certmanager_version',
      'aci_containers_host_ovscni_version',
    ];
    const old = load(VALID + `registry:\n${images.map((k) => `  ${k}: v1\n`).join('')}`, { flavor: 'kubernetes-1.10' }).config;
    expect(old.registry.version).toBe(1.9);
    expect(old.registry.opflex_agent_version).toBe('1.9r80');
    expect(old.kube_config.no_priority_class).toBe(true);
    const pinned = load(VALID + 'registry:\n  opflex_agent_version: mine\n').config;
    expect(pinned.registry.opflex_agent_version).toBe('mine');
    expect(pinned.registry.openvswitch_version).toBe('6.1.2.1.81c2369');
  });

  it('reads an empty section as an empty mapping', () => {
    const { config, warnings } = load(edit('encap_type:', 'encap_type: vxlan\nnested_inside:'));
    expect(warnings).toEqual([]);
    expect(config.aci_config.vmm_domain.nested_inside.duplicate_file_router_default_svc).toBe(false);
  });

  it('lets the fabric infra VLAN override the file, with a warning', () => {
    const { config, warnings } = load(VALID, { infraVlan: 3967 });
    expect(config.net_config.infra_vlan).toBe(3967);
    expect(config.discovered.infra_vlan).toBe(3967);
    expect(warnings[0]).toMatch(/infra VLAN \(3967\) differs from the file's \(4093\)/);
    expect(load(VALID.replace('  infra_vlan: 4093\n', ''), { infraVlan: 4093 }).warnings).toEqual([]);
  });

  it('applies the command line: operator mode, upgrade, multus, credentials, version token', () => {
    const { config } = load(VALID, { operatorMode: true, upgrade: true, disableMultus: false, username: 'u', timeout: 30 });
    expect(config.operator_mode).toBe(true);
    expect(config.provision.upgrade_cluster).toBe(true);
    expect(config.multus.disable).toBe(false);
    expect(config.aci_config.apic_login).toEqual({ username: 'u', password: null, timeout: 30 });
    expect(config.registry.configuration_version).toBe('dummy');
    const random = load(VALID, { versionToken: undefined, fixedSyncPassword: false }).config;
    expect(random.registry.configuration_version).toMatch(/^[0-9a-f-]{36}$/);
    expect(random.aci_config.sync_login.password).toHaveLength(20);
  });

  it('derives names, pools and gateways', () => {
    const { config } = load(VALID);
    expect(config.aci_config.app_profile).toBe('aci-containers-kube');
    expect(config.aci_config.node_bd_dn).toBe('uni/tn-kube/BD-aci-containers-kube-node-bd');
    expect(config.aci_config.vrf.dn).toBe('uni/tn-common/ctx-kube');
    expect(config.kube_config.pod_ip_pool).toEqual([{ start: '10.2.0.2', end: '10.2.255.254' }]);
    expect(config.net_config.gbp_pod_subnet).toBe('10.2.0.1/16');
    expect(config.net_config.node_network).toBe('10.1.0.0/16');
    expect(config.kube_config.namespace_default_endpoint_group['kube-system']).toEqual({
      tenant: 'kube',
      app_profile: 'aci-containers-kube',
      group: 'aci-containers-system',
    });
    expect(config.user_config).toMatchObject({ net_config: { pod_subnet: ['10.2.0.1/16'] } });
    expect(config.user_input).not.toMatch(/password/);
  });
});

describe('loadConfig on malformed sections', () => {
  it('reports a section that is not a mapping, and what it lacks, without crashing', () => {
    const problems = problemsOf(VALID.replace(/net_config:[\s\S]*$/, 'net_config: 10.1.0.1/16\n'));
    expect(problems[0]).toMatchObject({ field: 'net_config', value: '10.1.0.1/16', rule: 'must be a mapping of keys to values' });
    expect(fields(problems)).toContain('net_config.pod_subnet');
  });
});

// One test per validation rule: each names the field, the value and the rule.
import { describe, expect, it } from 'vitest';
import { edit, fields, load, problemsOf, VALID } from './helpers.js';

function only(text: string, opts = {}) {
  const problems = problemsOf(text, opts);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0];
}

describe('validation rules', () => {
  it('accepts the valid fixture', () => {
    expect(problemsOf(VALID)).toEqual([]);
  });

  it('reports every missing required field at once', () => {
    const problems = problemsOf('aci_config:\n  system_id: kube\n');
    expect(fields(problems)).toEqual(
      expect.arrayContaining([
        'aci_config.apic_hosts',
        'aci_config.aep',
        'aci_config.vrf.name',
        'aci_config.vrf.tenant',
        'aci_config.l3out.name',
        'aci_config.l3out.external_networks',
        'net_config.node_subnet',
        'net_config.pod_subnet',
        'net_config.extern_dynamic',
        'net_config.extern_static',
        'net_config.node_svc_subnet',
        'net_config.kubeapi_vlan',
        'net_config.service_vlan',
        'net_config.infra_vlan',
      ]),
    );
    expect(problems.every((p) => p.rule.startsWith('required'))).toBe(true);
  });

  it('checks system_id: letter first, then letters, digits, underscores, 2 to 31 characters', () => {
    for (const bad of ['1kube', 'k', 'kube-1', 'a'.repeat(32)]) {
      const p = only(edit('system_id:', `system_id: ${bad}`));
      expect(p).toMatchObject({ field: 'aci_config.system_id', value: bad });
      expect(p.rule).toMatch(/letter/);
    }
    for (const good of ['k8', 'kube_1', 'a'.repeat(31)]) expect(problemsOf(edit('system_id:', `system_id: ${good}`))).toEqual([]);
  });

  it('lets -d delete a cluster whose system_id predates the naming rule', () => {
    const text = edit('system_id:', 'system_id: 1legacy');
    expect(problemsOf(text, { provApic: false, username: 'admin', password: 'x' })).toEqual([]);
  });

  it('rejects a subnet that is not ADDRESS/PREFIX', () => {
    const p = only(edit('node_subnet:', 'node_subnet: 10.0.1/16'));
    expect(p).toMatchObject({ field: 'net_config.node_subnet[0]', value: '10.0.1/16' });
    expect(p.rule).toMatch(/ADDRESS\/PREFIX/);
  });

  it('requires the gateway to be a host address inside the prefix', () => {
    const p = only(edit('pod_subnet:', 'pod_subnet: 10.2.0.0/16'));
    expect(p).toMatchObject({ field: 'net_config.pod_subnet[0]', value: '10.2.0.0/16' });
    expect(p.rule).toMatch(/10\.2\.0\.1\/16/);
    expect(only(edit('node_svc_subnet:', 'node_svc_subnet: 10.5.0.255/24')).field).toBe('net_config.node_svc_subnet');
    expect(only(edit('extern_static:', 'extern_static: 10.4.0.1/31')).rule).toMatch(/at least 4 addresses/);
  });

  it('names both subnets of an overlap', () => {
    const p = only(edit('extern_static:', 'extern_static: 10.3.0.129/25'));
    expect(p).toMatchObject({ field: 'net_config.extern_static[0]', value: '10.3.0.129/25' });
    expect(p.rule).toContain('net_config.extern_dynamic[0] (10.3.0.1/24)');
  });

  it('applies the dual-stack rules', () => {
    // IPv6 only in extern_dynamic: node_subnet and pod_subnet both lack IPv6.
    const text = edit('extern_dynamic:', 'extern_dynamic:\n- 10.3.0.1/24\n- 1:5:1:1::1/64');
    const problems = problemsOf(text);
    expect(fields(problems).sort()).toEqual(['net_config.node_subnet', 'net_config.pod_subnet']);
    expect(problems[0].value).toEqual(['10.1.0.1/16']);
    const ok = edit(
      'node_subnet:',
      'node_subnet:\n- 10.1.0.1/16\n- 1:1:1:1::1/64',
      edit('pod_subnet:', 'pod_subnet:\n- 10.2.0.1/16\n- 1:2:1:1::1/64', text),
    );
    expect(problemsOf(ok)).toEqual([]);
    // Node subnet dual-stack, pod IPv4 only, externs single-family: accepted as the Python tool does.
    expect(problemsOf(edit('node_subnet:', 'node_subnet:\n- 10.1.0.1/16\n- 1:1:1:1::1/64'))).toEqual([]);
    // Dual-stack needs Kubernetes 1.21.
    const old = problemsOf(ok, { flavor: 'kubernetes-1.20' });
    expect(old).toHaveLength(1);
    expect(old[0].rule).toMatch(/1\.21/);
  });

  it('checks VLAN ids are 1 to 4094', () => {
    const p = only(edit('kubeapi_vlan:', 'kubeapi_vlan: 5000'));
    expect(p).toMatchObject({ field: 'net_config.kubeapi_vlan', value: 5000 });
    expect(p.rule).toMatch(/1 to 4094/);
    expect(only(edit('service_vlan:', 'service_vlan: 0')).field).toBe('net_config.service_vlan');
  });

  it('rejects a VLAN used twice', () => {
    const p = only(edit('service_vlan:', 'service_vlan: 4001'));
    expect(p).toMatchObject({ field: 'net_config.service_vlan', value: 4001 });
    expect(p.rule).toContain('net_config.kubeapi_vlan');
    const inRange = problemsOf(edit('encap_type:', 'encap_type: vlan\nvlan_range:\n  start: 4000\n  end: 4093'));
    expect(fields(inRange)).toEqual(['net_config.kubeapi_vlan', 'net_config.service_vlan', 'net_config.infra_vlan']);
    expect(inRange[0].rule).toContain('vlan_range (4000-4093)');
  });

  it('checks vlan_range: required with vlan encap, start <= end', () => {
    expect(fields(problemsOf(edit('encap_type:', 'encap_type: vlan')))).toEqual([
      'aci_config.vmm_domain.vlan_range.start',
      'aci_config.vmm_domain.vlan_range.end',
    ]);
    const p = only(edit('encap_type:', 'encap_type: vlan\nvlan_range:\n  start: 2000\n  end: 1000'));
    expect(p).toMatchObject({ field: 'aci_config.vmm_domain.vlan_range', value: { start: 2000, end: 1000 } });
    expect(problemsOf(edit('encap_type:', 'encap_type: vlan\nvlan_range:\n  start: 1000\n  end: 2000'))).toEqual([]);
  });

  it('checks mcast_range: multicast addresses, start <= end', () => {
    const p = only(edit('start: 225.2.1.1', 'start: 10.1.1.1'));
    expect(p).toMatchObject({ field: 'aci_config.vmm_domain.mcast_range.start', value: '10.1.1.1' });
    expect(p.rule).toContain('224.0.0.0/4');
    expect(only(edit('end: 225.2.255.255', 'end: 225.1.0.0')).field).toBe('aci_config.vmm_domain.mcast_range');
  });

  it('interface_mtu plus its headroom above what an ACI port carries (9216): the rule node-config refuses, a warning here', () => {
    const text = edit('infra_vlan:', 'infra_vlan: 4093\ninterface_mtu: 8900\ninterface_mtu_headroom: 400');
    // The Python tool accepts the file (a conformance case has 8900 + 500), so it still loads.
    expect(problemsOf(text)).toEqual([]);
    expect(load(text).warnings).toEqual([
      'cfg.yaml:28:27: net_config.interface_mtu_headroom: interface_mtu (8900) plus interface_mtu_headroom (400) is 9300, above the 9216 an ACI port carries; node-config refuses it',
    ]);
    expect(load(edit('infra_vlan:', 'infra_vlan: 4093\ninterface_mtu: 8900\ninterface_mtu_headroom: 316')).warnings).toEqual([]);
  });

  it('checks interface_mtu 1280 to 8900 and the headroom', () => {
    for (const bad of [1279, 8901]) {
      const p = only(edit('infra_vlan:', `infra_vlan: 4093\ninterface_mtu: ${bad}`));
      expect(p).toMatchObject({ field: 'net_config.interface_mtu', value: bad, rule: 'must be an integer from 1280 to 8900' });
    }
    expect(problemsOf(edit('infra_vlan:', 'infra_vlan: 4093\ninterface_mtu: 1280'))).toEqual([]);
    expect(only(edit('infra_vlan:', 'infra_vlan: 4093\ninterface_mtu_headroom: 49')).field).toBe('net_config.interface_mtu_headroom');
  });

  it('checks every enumeration', () => {
    const cases: [string, string, string][] = [['encap_type:', 'encap_type: gre', 'aci_config.vmm_domain.encap_type']];
    for (const [from, to, field] of cases) {
      const p = only(edit(from, to));
      expect(p.field).toBe(field);
      expect(p.rule).toBe('must be one of: vxlan, vlan');
    }
    const extra: [string, string, RegExp][] = [
      ['logging:\n  controller_log_level: loud\n', 'logging.controller_log_level', /debug, info/],
      ['kube_config:\n  image_pull_policy: Sometimes\n', 'kube_config.image_pull_policy', /Always, IfNotPresent, Never/],
      [
        'kube_config:\n  snat_operator:\n    contract_scope: world\n',
        'kube_config.snat_operator.contract_scope',
        /global, tenant, context/,
      ],
      ['istio_config:\n  install_profile: huge\n', 'istio_config.install_profile', /demo, default, minimal, sds, remote/],
      ['kube_config:\n  opflex_mode: magic\n', 'kube_config.opflex_mode', /physical, dpu, overlay/],
    ];
    for (const [section, field, rule] of extra) {
      const p = only(VALID + section);
      expect(p.field).toBe(field);
      expect(p.rule).toMatch(rule);
    }
  });

  it('checks the Python tool ranges (refresh time, subscription delay, svc graph nodes, snat sync)', () => {
    const cases: [string, string][] = [
      ['aci_config.apic_refreshtime', 'apic_refreshtime: 50000'],
      ['aci_config.apic_subscription_delay', 'apic_subscription_delay: 0'],
      ['aci_config.apic_refreshticker_adjust', 'apic_refreshticker_adjust: 70000'],
      ['aci_config.opflex_device_delete_timeout', 'opflex_device_delete_timeout: 0'],
    ];
    for (const [field, line] of cases) expect(only(edit('aep:', `aep: kube-aep\n${line}`)).field).toBe(field);
    expect(only(VALID + 'kube_config:\n  max_nodes_svc_graph: 65\n').field).toBe('kube_config.max_nodes_svc_graph');
    expect(only(VALID + 'kube_config:\n  snat_operator:\n    sleep_time_snat_global_info_sync: 301\n').field).toBe(
      'kube_config.snat_operator.sleep_time_snat_global_info_sync',
    );
    expect(only(edit('infra_vlan:', 'infra_vlan: 4093\nservice_monitor_interval: -1')).field).toBe('net_config.service_monitor_interval');
  });

  it('checks the APIC addresses, the CA certificate file and the installer LB IP', () => {
    const p = only(edit('- 10.30.120.100', '- 10.30.120.100\n- bad host:99999'));
    expect(p).toMatchObject({ field: 'aci_config.apic_hosts[1]', value: 'bad host:99999' });
    for (const good of ['apic1.example.com:8443', '[2001:db8::1]:443', '2001:db8::1', 'localhost:50001']) {
      expect(problemsOf(edit('- 10.30.120.100', `- "${good}"`))).toEqual([]);
    }
    expect(only(edit('aep:', 'aep: kube-aep\napic_tls_cert: /nonexistent/ca.pem'))).toMatchObject({
      field: 'aci_config.apic_tls_cert',
      rule: 'no such file',
    });
    const dup = edit('encap_type:', 'encap_type: vxlan\nnested_inside:\n  duplicate_file_router_default_svc: true');
    expect(only(dup).field).toBe('aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip');
    expect(
      problemsOf(
        edit(
          'encap_type:',
          'encap_type: vxlan\nnested_inside:\n  duplicate_file_router_default_svc: true\n  installer_provisioned_lb_ip: 192.168.18.201',
        ),
      ),
    ).toEqual([]);
  });

  it('checks the SNAT port range', () => {
    const p = only(VALID + 'kube_config:\n  snat_operator:\n    port_range:\n      start: 6000\n      end: 5000\n');
    expect(p).toMatchObject({ field: 'kube_config.snat_operator.port_range', value: { start: 6000, end: 5000 } });
  });

  it('rejects the OpenShift-only modes (chained CNI, VMM lite)', () => {
    const p = only(VALID + 'chained_cni_config:\n  secondary_interface_chaining: true\n');
    expect(p).toMatchObject({ field: 'chained_cni_config.secondary_interface_chaining', value: true });
    expect(p.rule).toContain('kubernetes-1.35');
    expect(only(VALID + 'vmm_lite_config:\n  aaep_monitoring_enabled: true\n').field).toBe('vmm_lite_config.aaep_monitoring_enabled');
  });

  it('rejects a tenant together with the legacy naming convention', () => {
    const p = only(edit('aep:', 'aep: kube-aep\ntenant:\n  name: old\nuse_legacy_kube_naming_convention: true'));
    expect(p.field).toBe('aci_config.tenant');
    expect(p.rule).toContain('use_legacy_kube_naming_convention');
  });

  it('checks the image pull secret is a Kubernetes name', () => {
    const p = only(VALID + 'registry:\n  image_pull_secret: noiro*docker+\n');
    expect(p).toMatchObject({ field: 'registry.image_pull_secret', value: 'noiro*docker+' });
  });

  it('checks nested_inside: vmware only, with a name', () => {
    const problems = problemsOf(edit('encap_type:', 'encap_type: vxlan\nnested_inside:\n  type: hyperv'));
    expect(fields(problems)).toEqual(['aci_config.vmm_domain.nested_inside.type', 'aci_config.vmm_domain.nested_inside.name']);
  });

  it('needs APIC credentials for -a and -d, and never shows the password', () => {
    expect(fields(problemsOf(VALID, { provApic: true }))).toEqual(['aci_config.apic_login.username', 'aci_config.apic_login.password']);
    expect(problemsOf(VALID, { provApic: true, username: 'admin', password: 's3cret' })).toEqual([]);
    const inFile = problemsOf(edit('aep:', 'aep: kube-aep\napic_login:\n  username: admin\n  password: hunter2'), { provApic: true });
    expect(inFile).toHaveLength(1);
    expect(inFile[0].rule).toContain('the password in the file is not used');
    expect(JSON.stringify(inFile)).not.toContain('hunter2');
    // The password comes from -p (or the environment) and never appears in a problem.
    const bad = edit('system_id:', 'system_id: 9');
    const problems = problemsOf(bad, { provApic: true, username: 'admin', password: 's3cret' });
    expect(fields(problems)).toEqual(['aci_config.system_id']);
    expect(JSON.stringify(problems)).not.toContain('s3cret');
    expect(load(VALID, { provApic: true, username: 'admin', password: 's3cret' }).config.aci_config.apic_login.password).toBe('s3cret');
  });

  it('reports the unknown release and the missing image versions', () => {
    const p = only(VALID + 'registry:\n  version: 9.9\n');
    expect(p).toMatchObject({ field: 'registry.version', value: 9.9 });
    expect(p.rule).toMatch(/unknown release/);
  });

  it('checks command line values', () => {
    expect(problemsOf(VALID, { apicOobmIp: '10.30.120.101/24' })).toEqual([
      { field: '--apic-oobm-ip', value: '10.30.120.101/24', rule: 'must be an IP address (no prefix length)' },
    ]);
    expect(fields(problemsOf(VALID, { infraVlan: 5000 }))).toEqual(['--infra-vlan']);
    expect(fields(problemsOf(VALID, { flavor: 'kubernetes-2.0' }))).toEqual(['--flavor']);
    expect(load(VALID, { apicOobmIp: '10.30.120.101' }).config.aci_config.apic_oobm_ip).toBe('10.30.120.101');
  });

  it('reports problems of different kinds in one pass', () => {
    const text = edit('system_id:', 'system_id: 9', edit('kubeapi_vlan:', 'kubeapi_vlan: 5000', edit('pod_subnet:', 'pod_subnet: nope')));
    expect(fields(problemsOf(text))).toEqual(
      expect.arrayContaining(['aci_config.system_id', 'net_config.kubeapi_vlan', 'net_config.pod_subnet[0]']),
    );
  });
});

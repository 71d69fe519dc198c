// The conformance cases of ../shared/conformance: every accepted input loads
// with the values the Python tool derives; every rejected one is rejected
// with field, value and rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, type Problem } from '../../src/errors.js';
import { loadConfig, type LoadOptions } from '../../src/config/load.js';
import { conformanceDir as root } from '../support/cli.js';
import { conformanceCases, conformancePresent as present, type ConformanceCase as Case } from '../support/conformance.js';

const cases = conformanceCases();

function optionsOf(c: Case): LoadOptions {
  const a = c.args;
  return {
    flavor: a.flavor,
    versionToken: 'dummy',
    fixedSyncPassword: true,
    baseDir: `${root}/testdata`,
    ...(a.infra_vlan !== undefined ? { infraVlan: a.infra_vlan } : {}),
    ...(a.operator_mode ? { operatorMode: true } : {}),
    ...(a.upgrade ? { upgrade: true } : {}),
    ...(a.apic_oobm_ip !== undefined ? { apicOobmIp: a.apic_oobm_ip } : {}),
    ...(a.delete ? { provApic: false, password: a.password } : a.apic ? { provApic: true } : {}),
  };
}

function loadCase(name: string) {
  const c = cases.find((x) => x.name === name)!;
  return loadConfig(readFileSync(`${root}/testdata/${c.input}`, 'utf8'), c.input, optionsOf(c));
}

function rejection(c: Case): Problem[] {
  try {
    loadConfig(readFileSync(`${root}/testdata/${c.input}`, 'utf8'), c.input, optionsOf(c));
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  return [];
}

describe.skipIf(!present)('conformance cases (../shared/conformance)', () => {
  if (!present) console.warn(`skipping: ${root} is absent`);

  it('loads every accepted input', () => {
    const accepted = cases.filter((c) => !c.stdout && c.input !== '--sample');
    expect(accepted.length).toBeGreaterThan(40);
    for (const c of accepted) {
      const { config } = loadConfig(readFileSync(`${root}/testdata/${c.input}`, 'utf8'), c.input, optionsOf(c));
      expect(config.flavor, c.name).toBe(c.args.flavor);
    }
  });

  it('rejects every input the Python tool rejects, naming field, value and rule', () => {
    const expected: Record<string, string> = {
      dualstack_invalid: 'net_config.pod_subnet',
      dualstack_pod_subnet_invalid: 'net_config.node_subnet',
      dualstack_extern_dynamic_invalid: 'net_config.node_subnet',
      dualstack_extern_static_invalid: 'net_config.node_subnet',
      malformed: 'net_config.node_subnet[0]',
      overlapping_subnets: 'net_config.pod_subnet[0]',
      image_pull_secret: 'registry.image_pull_secret',
      preexisting_kube_convention: 'aci_config.tenant',
      invalid_apic_oobm_ip: '--apic-oobm-ip',
      flavor_openshift_invalid_systemid: 'aci_config.system_id',
    };
    const rejected = cases.filter((c) => c.stdout);
    expect(rejected.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
    for (const c of rejected) {
      const problems = rejection(c);
      expect(
        problems.map((p) => p.field),
        c.name,
      ).toContain(expected[c.name]);
      for (const p of problems) {
        expect(p.value, `${c.name} ${p.field}`).toBeDefined();
        expect(p.rule.length).toBeGreaterThan(10);
        if (!p.field.startsWith('--')) expect(p.at).toMatch(new RegExp(`^${c.input.replace(/\./g, '\\.')}:\\d+:\\d+$`));
      }
    }
  });

  it('derives the legacy names of base_case', () => {
    const { config } = loadCase('base_case_simple');
    expect(config.aci_config.app_profile).toBe('kubernetes');
    expect(config.aci_config.nodes_epg).toBe('kube-nodes');
    expect(config.aci_config.pod_bd_dn).toBe('uni/tn-kube/BD-kube-pod-bd');
    expect(config.kube_config.system_namespace).toBe('kube-system');
    expect(config.kube_config.default_endpoint_group).toEqual({ tenant: 'kube', app_profile: 'kubernetes', group: 'kube-default' });
    expect(config.kube_config.static_service_ip_pool).toEqual([{ start: '10.4.0.2', end: '10.4.0.254' }]);
    expect(config.aci_config.sync_login).toMatchObject({ username: 'kube', certfile: 'user.crt', keyfile: 'user.key' });
    expect(config.kube_config.use_ds_rolling_update).toBe(true);
  });

  it('derives IPv6 pools and routes', () => {
    const { config } = loadCase('base_case_ipv6');
    expect(config.kube_config.pod_network).toEqual([
      { subnet: '1:2:1:1::/64', gateway: '1:2:1:1::1', routes: [{ dst: '::/0', gw: '1:2:1:1::1' }] },
    ]);
    expect(config.kube_config.service_ip_pool).toEqual([{ start: '1:3:1:1::2', end: '1:3:1:1::ffff:fffe' }]);
  });

  it('uses a pre-existing tenant', () => {
    const { config } = loadCase('preexisting_tenant');
    expect(config.aci_config.use_pre_existing_tenant).toBe(true);
    expect(config.aci_config.cluster_tenant).toBe('pre_existing_tenant');
  });

  it('takes the infra VLAN from the fabric', () => {
    const { config, warnings } = loadCase('conflicting_infravlan');
    expect(config.net_config.infra_vlan).toBe(4093);
    expect(warnings.join('\n')).toMatch(/4093.*4000/);
  });

  it('derives the SR-IOV and DPU settings', () => {
    const { config } = loadCase('dpu_config');
    expect(config.dpuIp).toBe('192.168.200.2');
    expect(config.dpu_ovsdb_socket).toBe('tcp:192.168.200.2:6640');
    expect(config.vendors).toBe('15b3');
  });

  it('keeps the built-in release table when versions_url is a URL', () => {
    const { config, warnings } = loadCase('versions_base_case');
    expect(config.registry.aci_containers_controller_version).toBe('6.1.2.1.81c2369');
    expect(warnings.join('\n')).toMatch(/versions_url/);
  });
});

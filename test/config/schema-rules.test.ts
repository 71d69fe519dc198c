// How the schema words number and union problems. The schema moved from
// zod 4 to zod's v3 API (it loads faster); these pin the wording users saw
// before the move, including the cases where the two APIs differ by default.
import { describe, expect, it } from 'vitest';
import { edit, problemsOf, VALID } from './helpers.js';

const rules = (text: string) => problemsOf(text).map((p) => `${p.field}: ${p.rule}`);

describe('schema problems', () => {
  it('reports a non-integer once, even when it is also out of range', () => {
    expect(rules(edit('kubeapi_vlan:', 'kubeapi_vlan: 0.5'))).toEqual(['net_config.kubeapi_vlan: must be an integer from 1 to 4094']);
    expect(rules(edit('kubeapi_vlan:', 'kubeapi_vlan: .nan'))).toEqual(['net_config.kubeapi_vlan: must be an integer from 1 to 4094']);
  });

  it('rejects integers beyond the safe range, beside the range check', () => {
    expect(rules(edit('kubeapi_vlan:', 'kubeapi_vlan: 1e300'))).toEqual([
      'net_config.kubeapi_vlan: must be an integer from 1 to 4094',
      'net_config.kubeapi_vlan: must be an integer from 1 to 4094',
    ]);
    expect(rules(VALID + 'kube_config:\n  acicni_priority_class_value: 1e300\n')).toEqual([
      'kube_config.acicni_priority_class_value: must be an integer',
    ]);
  });

  it('words a union by the union unless one member nearly matched', () => {
    expect(rules(VALID + 'logging:\n  size: 1.5\n')).toEqual(['logging.size: must be a size']);
    // An integer, but not a safe one: the integer member's problem.
    expect(rules(VALID + 'logging:\n  size: 1e300\n')).toEqual(['logging.size: must be an integer']);
    expect(rules(VALID + 'dpu_config:\n  ovsdb_socket_port: [1]\n')).toEqual(['dpu_config.ovsdb_socket_port: must be a port number']);
    expect(rules(edit('pod_subnet:', 'pod_subnet: [10.2.0.1/16, 7]'))).toEqual([
      'net_config.pod_subnet: must be a subnet (like 10.1.0.1/16) or a list of subnets',
    ]);
  });

  it('does not take infinity for a number', () => {
    const text = edit('aep:', 'aep: kube-aep\napic_version: .inf');
    expect(rules(text)).toContain('aci_config.apic_version: must be a version like "5.2"');
  });

  it('words a bad mapping of endpoint groups as before', () => {
    expect(rules(VALID + 'kube_config:\n  namespace_default_endpoint_group: [a]\n')).toEqual([
      'kube_config.namespace_default_endpoint_group: Invalid input: expected record, received array',
    ]);
    expect(rules(VALID + 'kube_config:\n  namespace_default_endpoint_group: {ns: {tenant: t}}\n')).toEqual([
      'kube_config.namespace_default_endpoint_group.ns.app_profile: must be a string',
      'kube_config.namespace_default_endpoint_group.ns.group: must be a string',
    ]);
  });
});

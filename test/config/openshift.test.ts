// The OpenShift flavors' configuration rules, as the Python tool applies them.
import { describe, expect, it } from 'vitest';
import { load, problemsOf, VALID as KUBE } from './helpers.js';

// Bare metal and ESX installs name the installer's load balancer address.
const VALID = KUBE.replace(
  '      end: 225.2.255.255\n',
  '      end: 225.2.255.255\n    nested_inside:\n      installer_provisioned_lb_ip: 192.168.18.201\n',
);

const without = (text: string, key: string) =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith(`${key}:`))
    .join('\n');
const fields = (text: string, flavor: string, opts = {}) => problemsOf(text, { flavor, ...opts }).map((p) => p.field);

describe('OpenShift configuration', () => {
  it('layers the flavor profile, its contracts named after the cluster', () => {
    const { config } = load(VALID, { flavor: 'openshift-4.20-baremetal' });
    expect(config.kube_config.kubectl).toBe('oc');
    expect(config.aci_config.vmm_domain.type).toBe('OpenShift');
    const items = config.aci_config.items as { name: string }[];
    expect(items.map((i) => i.name)).toEqual(['aci-containers-kube-openshift-svc-catalog', 'aci-containers-kube-openshift-monitoring']);
    // The profile itself is not changed by the naming.
    expect(load(VALID, { flavor: 'openshift-4.20-baremetal' }).config.aci_config.items).toEqual(items);
  });

  it('wants a lower-case alphanumeric system_id (not on upgrade), as the Python tool', () => {
    const text = VALID.replace('system_id: kube', 'system_id: Kube_OCP');
    expect(problemsOf(text, { flavor: 'openshift-4.13-esx' })).toContainEqual(
      expect.objectContaining({ field: 'aci_config.system_id', value: 'Kube_OCP', rule: expect.stringMatching(/lower-case/) }),
    );
    expect(fields(text, 'openshift-4.13-baremetal', { upgrade: true })).not.toContain('aci_config.system_id');
    expect(fields(text, 'kubernetes-1.35')).not.toContain('aci_config.system_id');
  });

  it('needs no extern_static, and on OpenStack no kubeapi_vlan', () => {
    expect(fields(without(VALID, 'extern_static'), 'openshift-4.20-baremetal')).toEqual([]);
    expect(fields(without(KUBE, 'extern_static'), 'kubernetes-1.35')).toEqual(['net_config.extern_static']);
    expect(fields(without(VALID, 'kubeapi_vlan'), 'openshift-4.20-openstack')).toEqual([]);
    expect(fields(without(VALID, 'kubeapi_vlan'), 'openshift-4.20-baremetal')).toEqual(['net_config.kubeapi_vlan']);
  });

  it("on ESX and bare metal needs the installer's load balancer address unless installed agent-based", () => {
    const lb = 'aci_config.vmm_domain.nested_inside.installer_provisioned_lb_ip';
    expect(fields(KUBE, 'openshift-4.20-esx')).toEqual([lb]);
    expect(fields(KUBE, 'openshift-4.20-baremetal')).toEqual([lb]);
    expect(fields(KUBE, 'openshift-4.20-agent-based-esx')).toEqual([lb]);
    expect(fields(KUBE, 'openshift-4.20-openstack')).toEqual([]);
    expect(fields(`${KUBE}agent_based_installer:\n  enable: true\n`, 'openshift-4.20-agent-based-esx')).toEqual([]);
  });

  it('takes chained CNI and VMM lite only with the flavors made for them', () => {
    const chained = `${VALID}chained_cni_config:\n  secondary_interface_chaining: true\n`;
    expect(problemsOf(chained, { flavor: 'openshift-4.20-baremetal' })).toContainEqual(
      expect.objectContaining({
        field: 'chained_cni_config.secondary_interface_chaining',
        rule: expect.stringMatching(/not supported with flavor openshift-4.20-baremetal/),
      }),
    );
    const vmmLite = `${VALID}vmm_lite_config:\n  aaep_monitoring_enabled: true\n`;
    expect(problemsOf(vmmLite, { flavor: 'openshift-sdn-ovn-baremetal' })).toContainEqual(
      expect.objectContaining({
        field: 'vmm_lite_config.aaep_monitoring_enabled',
        rule: expect.stringMatching(/not supported with flavor/),
      }),
    );
  });
});

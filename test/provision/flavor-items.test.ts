// What the RKE, RKE2 and Docker UCP flavors add to the cluster's tenant, and
// the overlay flavor's empty fabric.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import { buildDesiredState, type DesiredMo } from '../../src/provision/desired/index.js';

function state(flavor: string) {
  const { config } = loadConfig(sampleConfig(flavor), 'cfg.yaml', { flavor, fixedSyncPassword: true });
  config.aci_config.sync_login.cert_data = 'CERT';
  config.aci_config.sync_login.key_data = 'KEY';
  return buildDesiredState(config);
}

function at(root: DesiredMo, dn: string): DesiredMo {
  const walk = (n: DesiredMo): DesiredMo | undefined => (n.dn === dn ? n : n.children.map(walk).find(Boolean));
  const found = walk(root);
  if (!found) throw new Error(`no ${dn}`);
  return found;
}

const tn = 'uni/tn-mykube';
const names = (n: DesiredMo) => n.children.map((c) => c.attributes.name ?? c.attributes.tnVzBrCPName);

describe('flavor items in the tenant', () => {
  it('RKE2: the Rancher ports in the kube-api filter, named after the cluster', () => {
    const f = at(state('RKE2-kubernetes-1.34').root, `${tn}/flt-aci-containers-mykube-api-filter`);
    expect(names(f)).toEqual([
      'aci-containers-api',
      'aci-containers-api2',
      'aci-containers-mykube-metrics-kubelet',
      'aci-containers-mykube-monitoring-node',
      'aci-containers-mykube-monitoring-ingress',
      'aci-containers-mykube-rancher-ui',
    ]);
    expect(f.children[5].attributes).toMatchObject({ dFromPort: '443', dToPort: '443', prot: 'tcp', stateful: 'no' });
  });

  it('RKE: the monitoring contract, provided by the system EPG and consumed by the istio EPG', () => {
    const root = state('RKE-1.8.3').root;
    const contract = 'aci-containers-mykube-prometheus-monitoring';
    const ap = `${tn}/ap-aci-containers-mykube`;
    const system = names(at(root, `${ap}/epg-aci-containers-system`));
    // Before the opflex agent's prometheus contract, as the Python tool sends it.
    expect(system.slice(-2)).toEqual([contract, 'aci-containers-mykube-prometheus-opflex-agent']);
    expect(names(at(root, `${ap}/epg-aci-containers-istio`)).at(-1)).toBe(contract);
    const subj = at(root, `${tn}/brc-${contract}/subj-${contract}-subj`);
    expect(subj.children[0].attributes.tnVzFilterName).toBe('aci-containers-mykube-access-prometheus');
    expect(names(at(root, `${tn}/flt-aci-containers-mykube-access-prometheus`))).toEqual(['http']);
  });

  it('Docker UCP: its ports in the kube-api filter, no Rancher contract', () => {
    const root = state('docker-ucp-3.0').root;
    expect(names(at(root, `${tn}/flt-aci-containers-mykube-api-filter`)).slice(2)).toEqual([
      'aci-containers-mykube-ucp-ui-port',
      'aci-containers-mykube-ucp-tls-port',
      'aci-containers-mykube-ucp-kubelet-port',
      'aci-containers-mykube-ucp-misc-ports',
    ]);
    expect(() => at(root, `${tn}/brc-aci-containers-mykube-prometheus-monitoring`)).toThrow();
  });

  it('the basic overlay runs without an APIC: nothing to create', () => {
    const { config } = loadConfig('net_config:\n  node_subnet: 10.1.0.1/24\n  pod_subnet: 10.2.0.1/16\n', 'cfg.yaml', {
      flavor: 'k8s-overlay',
    });
    expect(buildDesiredState(config).root.children).toEqual([]);
  });
});

// RKE's network section: each RKE release writes the keys of its generation,
// with the values RKE reads (text, lists quoted as RKE splits them).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config/load.js';
import { sampleConfig } from '../../../src/config/sample.js';
import { renderManifest } from '../../../src/manifest/index.js';

type Section = {
  network: { plugin: string; aci_network_provider: Record<string, unknown>; mtu?: number };
  services: { 'kube-controller': { cluster_cidr?: string } };
  system_images?: Record<string, string>;
};

function section(flavor: string, edit: (text: string) => string = (t) => t): Section {
  const { config } = loadConfig(edit(sampleConfig(flavor)), 'cfg.yaml', { flavor, versionToken: 'tok', fixedSyncPassword: true });
  config.aci_config.sync_login.cert_data = 'CERT';
  config.aci_config.sync_login.key_data = 'KEY';
  const files = renderManifest(config);
  expect(files.operatorCr).toBe('');
  expect(files.tarFiles).toEqual([]);
  return parse(files.kube) as Section;
}

const debugLogs = (t: string) => `${t}\nlogging:\n  hostagent_log_level: debug\n  opflexagent_log_level: debug\n`;

describe('RKE network section', () => {
  it('carries the cluster settings RKE deploys the ACI CNI from', () => {
    const s = section('RKE-1.8.3');
    const p = s.network.aci_network_provider;
    expect(s.network.plugin).toBe('aci');
    expect(p.system_id).toBe('mykube');
    expect(p.apic_hosts).toEqual(['"10.1.1.101"']);
    expect(p.l3out_external_networks).toEqual(['"mykube_extepg"']);
    expect(p.token).toBe('tok');
    expect(p.apic_user_key).toBe(Buffer.from('KEY').toString('base64'));
    expect(p.kube_api_vlan).toBe('4001');
    expect(p.multus_disable).toBe('false'); // the RKE flavors turn Multus on
    expect(s.services['kube-controller'].cluster_cidr).toBe('10.2.0.1/24,10.2.1.1/24');
    expect(s.system_images?.aci_host_container).toBe('noiro/aci-containers-host:6.1.2.1.81c2369');
  });

  it('names log levels as each generation reads them', () => {
    const old = section('RKE-1.6.2', debugLogs).network.aci_network_provider;
    expect(old.hostagent_log_level).toBe('debug');
    expect(old.opflexagent_log_level).toBe('debug');
    expect(old.host_agent_log_level).toBeUndefined();
    const current = section('RKE-1.6.3', debugLogs).network.aci_network_provider;
    expect(current.host_agent_log_level).toBe('debug');
    expect(current.opflex_log_level).toBe('debug');
    expect(current.hostagent_log_level).toBeUndefined();
  });

  it('runs subnet lists together in the first generations, separated by commas later', () => {
    expect(section('RKE-1.2.3').services['kube-controller'].cluster_cidr).toBe('10.2.0.1/2410.2.1.1/24');
    expect(section('RKE-1.3.21').services['kube-controller'].cluster_cidr).toBe('10.2.0.1/24,10.2.1.1/24');
  });

  it('writes the MTU beside the provider in the first generations, inside it later', () => {
    const mtu = (t: string) => t.replace('# interface_mtu: 1600', 'interface_mtu: 1600');
    const early = section('RKE-1.3.18', mtu).network;
    expect(early.mtu).toBe(1600);
    expect(early.aci_network_provider.mtu).toBeUndefined();
    const later = section('RKE-1.3.20', mtu).network;
    expect(later.mtu).toBeUndefined();
    expect(later.aci_network_provider.mtu).toBe(1600);
  });

  it('leaves out what a generation does not read (enable_hpp_direct: not in 1.7.1, back in 1.7.2)', () => {
    const hpp = (t: string) => t.replace('# kube_config:', 'kube_config:').replace('# enable_hpp_direct: True', 'enable_hpp_direct: True');
    expect(section('RKE-1.7.1', hpp).network.aci_network_provider.enable_hpp_direct).toBeUndefined();
    expect(section('RKE-1.7.2', hpp).network.aci_network_provider.enable_hpp_direct).toBe('true');
  });

  it('names the images only when the file has a registry section, from generation 1.3.24', () => {
    expect(section('RKE-1.3.21').system_images).toBeUndefined();
    const noRegistry = (t: string) => t.replace(/^registry:\n {2}image_prefix: noiro.*\n/m, '');
    expect(section('RKE-1.8.3', noRegistry).system_images).toBeUndefined();
  });
});

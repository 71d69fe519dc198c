import { describe, expect, it } from 'vitest';
import { apicClientOptions } from '../../src/apic/from-config.js';
import type { Config } from '../../src/config/types.js';
import { InputError } from '../../src/errors.js';

function config(aci: Record<string, unknown>, provision: Record<string, unknown> = {}): Config {
  return {
    aci_config: {
      apic_hosts: ['10.1.1.101', '10.1.1.102:8443'],
      apic_login: { username: 'admin', password: undefined, timeout: null },
      apic_proxy: null,
      apic_tls_cert: null,
      ...aci,
    },
    provision: { debug_apic: false, prov_apic: null, upgrade_cluster: false, ...provision },
  } as unknown as Config;
}

describe('apicClientOptions', () => {
  it('takes hosts, user, retries, CA file and timeout from the configuration and the command line', () => {
    const o = apicClientOptions(config({ apic_tls_cert: '/etc/apic-ca.pem' }, { max_retries: 2 }), { password: 'pw', timeoutSeconds: 30 });
    expect(o).toMatchObject({
      hosts: ['10.1.1.101', '10.1.1.102:8443'],
      username: 'admin',
      password: 'pw',
      timeoutMs: 30_000,
      maxRetries: 2,
      caFile: '/etc/apic-ca.pem',
    });
    expect(o.proxy).toBeUndefined();
  });

  it('uses --apic-oobm-ip instead of the hosts, and plain HTTP when aci_config.ssl is false', () => {
    expect(apicClientOptions(config({ apic_oobm_ip: '192.168.0.5' }), { password: 'pw' }).hosts).toEqual(['192.168.0.5']);
    expect(apicClientOptions(config({ ssl: false }), { password: 'pw' }).hosts).toEqual(['http://10.1.1.101', 'http://10.1.1.102:8443']);
  });

  it('connects to --apic-proxy in place of the APIC, as the Python tool does', () => {
    expect(apicClientOptions(config({ apic_oobm_ip: '192.168.0.5' }), { password: 'pw', proxy: '127.0.0.1:9443' }).hosts).toEqual([
      '127.0.0.1:9443',
    ]);
    expect(apicClientOptions(config({ apic_proxy: 'tunnel:8443' }), { password: 'pw' }).hosts).toEqual(['tunnel:8443']);
  });

  it('asks for a password without ever showing one', () => {
    let err: unknown;
    try {
      apicClientOptions(config({}), {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([{ field: 'password', rule: 'the APIC password is needed (-p or ACC_PROVISION_PASS)' }]);
  });
});

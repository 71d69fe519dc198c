import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderManifest } from '../../src/manifest/index.js';
import { edit, load } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'acc-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aci_config.apic_tls_cert', () => {
  it('reads the CA file so the manifest carries it in the apic-ca-cert Secret', () => {
    const ca = join(dir, 'apic-ca.pem');
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
    writeFileSync(ca, pem);
    const { config } = load(edit('aep:', `aep: kube-aep\napic_tls_cert: ${ca}`));
    expect(config.aci_config.apic_tls_cert_data).toBe(pem);
    config.aci_config.sync_login.cert_data = 'dummy\n';
    config.aci_config.sync_login.key_data = 'dummy\n';
    const docs = parseAllDocuments(renderManifest(config).kube).map((d) => d.toJS());
    const secret = docs.find((d) => d?.kind === 'Secret' && d.metadata.name === 'apic-ca-cert');
    expect(Buffer.from(secret.data['root_ca.pem'], 'base64').toString()).toBe(pem);
  });

  it('leaves the CA data unset without apic_tls_cert', () => {
    expect(load(edit('aep:', 'aep: kube-aep')).config.aci_config.apic_tls_cert_data).toBeUndefined();
  });
});

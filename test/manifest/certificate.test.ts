// The controller's certificate: reuse of existing files, else a new RSA 2048
// key and a self-signed SHA-256 certificate.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ensureControllerCertificate } from '../../src/provision/certificate.js';
import '../../src/crypto/reflect-metadata.js';

describe('ensureControllerCertificate', () => {
  it('reuses existing files unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-'));
    writeFileSync(join(dir, 'u.crt'), 'dummy\n');
    writeFileSync(join(dir, 'u.key'), 'secret-key\n');
    const r = await ensureControllerCertificate('kube', join(dir, 'u.crt'), join(dir, 'u.key'));
    expect(r).toEqual({ certPem: 'dummy\n', keyPem: 'secret-key\n', reused: true });
  });

  it('generates an RSA 2048, SHA-256, self-signed certificate when a file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-'));
    writeFileSync(join(dir, 'u.crt'), 'dummy\n'); // the key is missing: both are made anew
    const r = await ensureControllerCertificate('kube', join(dir, 'u.crt'), join(dir, 'u.key'));
    expect(r.reused).toBe(false);
    expect(r.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const x509 = await import('@peculiar/x509');
    const cert = new x509.X509Certificate(r.certPem);
    expect(cert.subject).toBe('C=US, O=Cisco Systems, CN=User kube');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.serialNumber.replace(/^0+/, '')).toBe('3e8');
    expect(cert.signatureAlgorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
    const pub = (await cert.publicKey.export(webcrypto as unknown as Crypto)) as CryptoKey;
    expect((pub.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    expect(await cert.verify({ signatureOnly: true }, webcrypto as unknown as Crypto)).toBe(true);
    const years = (cert.notAfter.getTime() - cert.notBefore.getTime()) / (365 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(10);
    // The key belongs to the certificate.
    const der = Buffer.from(r.keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    const sig = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key, Buffer.from('x'));
    const verifyKey = await cert.publicKey.export({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ['verify'], webcrypto as unknown as Crypto);
    expect(await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', verifyKey, sig, Buffer.from('x'))).toBe(true);
  });
});

// The controller's certificate: reuse of existing files, else a new RSA 2048
// key and a self-signed SHA-256 certificate.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ensureControllerCertificate, generateControllerCertificate } from '../../src/provision/certificate.js';
import { InputError } from '../../src/errors.js';
import '../../src/crypto/reflect-metadata.js';

describe('ensureControllerCertificate', () => {
  it('reuses an existing matching pair unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-'));
    const pair = await generateControllerCertificate('kube');
    writeFileSync(join(dir, 'u.crt'), pair.certPem);
    writeFileSync(join(dir, 'u.key'), pair.keyPem);
    const r = await ensureControllerCertificate('kube', join(dir, 'u.crt'), join(dir, 'u.key'));
    expect(r).toEqual({ certPem: pair.certPem, keyPem: pair.keyPem, reused: true });
  });

  it("refuses a key that is not the certificate's, or not a key, or a certificate that is not one, naming both files", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-'));
    const [a, b] = await Promise.all([generateControllerCertificate('kube'), generateControllerCertificate('other')]);
    const crt = join(dir, 'user-kube.crt');
    const key = join(dir, 'user-kube.key');
    const attempt = async (certText: string, keyText: string) => {
      writeFileSync(crt, certText);
      writeFileSync(key, keyText);
      try {
        await ensureControllerCertificate('kube', crt, key);
      } catch (e) {
        return e as InputError;
      }
      return undefined;
    };
    const mismatch = await attempt(a.certPem, b.keyPem);
    expect(mismatch).toBeInstanceOf(InputError);
    expect(mismatch!.message).toBe(
      `aci_config.sync_login.keyfile = ${JSON.stringify(key)}: is not the key of the certificate ${crt}: put back the matching file, or remove both files to make a new pair`,
    );
    // The key's content never shows.
    expect(mismatch!.message).not.toContain(b.keyPem.split('\n')[1]);
    const notAKey = await attempt(a.certPem, a.certPem);
    expect(notAKey!.message).toContain(`${JSON.stringify(key)}: is not a PEM private key (for the certificate ${crt})`);
    const garbled = await attempt(a.certPem, 'secret-key\n');
    expect(garbled!.message).toContain('is not a PEM private key');
    expect(garbled!.message).not.toContain('secret-key');
    const notACert = await attempt('dummy\n', a.keyPem);
    expect(notACert!.message).toContain(
      `aci_config.sync_login.certfile = ${JSON.stringify(crt)}: is not a PEM certificate (its key is ${key})`,
    );
  });

  it('reuses a pair of placeholder files (no PEM in either) with a warning, as the conformance cases need', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-'));
    writeFileSync(join(dir, 'u.crt'), 'dummy\n');
    writeFileSync(join(dir, 'u.key'), 'dummy\n');
    const got = await ensureControllerCertificate('kube', join(dir, 'u.crt'), join(dir, 'u.key'));
    expect(got).toMatchObject({ certPem: 'dummy\n', keyPem: 'dummy\n', reused: true });
    expect(got.warning).toMatch(/hold no certificate or key/);
  });

  it('the command line exits 1 naming both files and writes nothing', async () => {
    const { runCli, ensureBuilt } = await import('../support/cli.js');
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'acc-cert-cli-'));
    const sample = runCli(['--sample', '-f', 'kubernetes-1.35']).stdout;
    writeFileSync(join(dir, 'cfg.yaml'), sample);
    const [a, b] = await Promise.all([generateControllerCertificate('mykube'), generateControllerCertificate('other')]);
    writeFileSync(join(dir, 'user-mykube.crt'), a.certPem);
    writeFileSync(join(dir, 'user-mykube.key'), b.keyPem);
    const r = runCli(['-c', 'cfg.yaml', '-f', 'kubernetes-1.35', '-o', 'out.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /ERR: +aci_config\.sync_login\.keyfile = "user-mykube\.key": is not the key of the certificate user-mykube\.crt/,
    );
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
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
    const pub = await cert.publicKey.export(webcrypto as unknown as Crypto);
    expect((pub.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    expect(await cert.verify({ signatureOnly: true }, webcrypto as unknown as Crypto)).toBe(true);
    const years = (cert.notAfter.getTime() - cert.notBefore.getTime()) / (365 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(10);
    // The key belongs to the certificate.
    const der = Buffer.from(r.keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    const sig = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key, Buffer.from('x'));
    const verifyKey = await cert.publicKey.export(
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      ['verify'],
      webcrypto as unknown as Crypto,
    );
    expect(await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', verifyKey, sig, Buffer.from('x'))).toBe(true);
  });
});

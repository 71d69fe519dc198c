// The server's certificate: the user's (--tls-cert/--tls-key), or a
// self-signed one made on first start and kept in the data folder so
// clients that pin it keep working across restarts.
import '../crypto/reflect-metadata.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';

export interface TlsMaterial {
  cert: string;
  key: string;
}

export async function selfSignedCertificate(hostNames: string[]): Promise<TlsMaterial> {
  // Loaded late so the Reflect shim is in place first, even in bundled builds.
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const now = Date.now();
  const dns = hostNames.filter((h) => !/^[\d.]+$/.test(h) && !h.includes(':'));
  const ips = hostNames.filter((h) => /^[\d.]+$/.test(h) || h.includes(':'));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex'),
    name: 'CN=apic-sim, O=apic-sim',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * 365 * 24 * 3600_000),
    keys: keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.SubjectAlternativeNameExtension([
        ...dns.map((value) => ({ type: 'dns' as const, value })),
        ...ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const key = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  return { cert: cert.toString('pem'), key };
}

/** Loads DIR/tls.crt + DIR/tls.key, making them on first start; in-memory runs get a fresh pair. */
export async function dataDirCertificate(dir: string): Promise<TlsMaterial> {
  const hosts = ['localhost', '127.0.0.1', '::1'];
  if (dir === ':memory:') return selfSignedCertificate(hosts);
  const certFile = join(dir, 'tls.crt');
  const keyFile = join(dir, 'tls.key');
  if (existsSync(certFile) && existsSync(keyFile)) {
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  }
  const made = await selfSignedCertificate(hosts);
  writeFileSync(keyFile, made.key, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return made;
}

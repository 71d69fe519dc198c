// The controller's certificate, encoded by src/crypto/self-signed.ts: the
// same bytes @peculiar/x509 makes from the same key, name, serial and dates;
// and a certificate Node's (OpenSSL's) parser reads and verifies.
import { X509Certificate, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import '../../src/crypto/reflect-metadata.js';
import * as x509 from '@peculiar/x509';
import { selfSignedCertificate, type SelfSignedSpec } from '../../src/crypto/self-signed.js';

const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const keys = webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);

/** What @peculiar/x509 makes for the spec. */
async function reference(spec: SelfSignedSpec): Promise<Uint8Array> {
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: spec.serialHex,
      name: spec.name.map(([type, value]) => ({ [type]: [value] })),
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      keys: spec.keys,
      signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(false, undefined, true)],
    },
    webcrypto as unknown as Crypto,
  );
  return new Uint8Array(cert.rawData);
}

const spec = async (over: Partial<SelfSignedSpec> = {}): Promise<SelfSignedSpec> => ({
  serialHex: '03e8',
  name: [
    ['C', 'US'],
    ['O', 'Cisco Systems'],
    ['CN', 'User kube'],
  ],
  notBefore: new Date('2026-11-30T10:24:03.456Z'),
  notAfter: new Date('2036-11-28T22:24:03.456Z'),
  keys: await keys,
  ...over,
});

describe('selfSignedCertificate', () => {
  it.each([
    ['the controller certificate of the sample', {}],
    // "_" is not a PrintableString character: UTF8String.
    ['a user name outside PrintableString', { name: [['CN', 'User my_cluster-é']] as SelfSignedSpec['name'] }],
    // Long enough for two-byte lengths inside the name.
    ['a name longer than 127 bytes', { name: [['CN', `User ${'k'.repeat(200)}`]] as SelfSignedSpec['name'] }],
    // RFC 5280: GeneralizedTime from 2050 on.
    ['an end after 2049', { notAfter: new Date('2051-01-02T03:04:05Z') }],
    ['a serial number with its high bit set', { serialHex: 'ff01' }],
  ])('%s: the bytes @peculiar/x509 makes from the same key', async (_title, over) => {
    const s = await spec(over);
    expect(Buffer.from(await selfSignedCertificate(s)).toString('hex')).toBe(Buffer.from(await reference(s)).toString('hex'));
  });

  it("OpenSSL (Node's X509Certificate) reads it: subject, issuer, serial, dates, the key, a valid self-signature", async () => {
    const s = await spec();
    const cert = new X509Certificate(Buffer.from(await selfSignedCertificate(s)));
    expect(cert.subject).toBe('C=US\nO=Cisco Systems\nCN=User kube');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.serialNumber).toBe('03E8');
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-11-30T10:24:03.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2036-11-28T22:24:03.000Z');
    expect(cert.ca).toBe(false);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', s.keys.publicKey));
    expect(cert.publicKey.export({ type: 'spki', format: 'der' }).equals(spki)).toBe(true);
  });
});

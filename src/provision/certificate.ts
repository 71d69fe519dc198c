// The controller's certificate (`sync_login.certfile` / `keyfile`): the
// controller signs its APIC requests with this key, and the APIC user holds
// the certificate.
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

export interface ControllerCertificate {
  certPem: string;
  keyPem: string;
  /** True when existing files were reused, false when generated now. */
  reused: boolean;
  /** Something to tell the user about a reused pair (placeholder files). */
  warning?: string;
}

// Subject and serial as the Python acc-provision sets them, so APIC users
// provisioned by either tool look the same.
const SERIAL_HEX = '03e8'; // 1000
const HALF_DAY_MS = 12 * 60 * 60 * 1000;
const TEN_YEARS_MS = 10 * 365 * 24 * 60 * 60 * 1000;

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function pem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der))
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

/** A new RSA 2048 key and a self-signed SHA-256 certificate for `username`,
 * valid from 12 hours ago for 10 years. The key is made in libuv's thread
 * pool (a tenth of a second or more, at random): `-a` asks for the pair
 * before it logs in, and gets it while it reads the APIC. */
export async function generateControllerCertificate(username: string, now = new Date()): Promise<{ certPem: string; keyPem: string }> {
  const { webcrypto } = await import('node:crypto');
  const { selfSignedCertificate } = await import('../crypto/self-signed.js');
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await selfSignedCertificate({
    serialHex: SERIAL_HEX,
    name: [
      ['C', 'US'],
      ['O', 'Cisco Systems'],
      ['CN', `User ${username}`],
    ],
    notBefore: new Date(now.getTime() - HALF_DAY_MS),
    notAfter: new Date(now.getTime() + TEN_YEARS_MS),
    keys,
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: pem('CERTIFICATE', cert), keyPem: pem('PRIVATE KEY', pkcs8) };
}

/** Reads the pair when both files exist; otherwise generates an RSA 2048 key
 * and a self-signed SHA-256 certificate for `username`. Writes nothing: the
 * caller writes (key with mode 0600) once every other output is ready. */
export async function ensureControllerCertificate(username: string, certFile: string, keyFile: string): Promise<ControllerCertificate> {
  const [certPem, keyPem] = [readIfExists(certFile), readIfExists(keyFile)];
  if (certPem !== undefined && keyPem !== undefined) {
    if (isPlaceholder(certPem) && isPlaceholder(keyPem)) {
      // Neither file holds PEM at all: stand-ins (the Python tool's own test
      // suite and the conformance cases use such files to pin the outputs).
      return {
        certPem,
        keyPem,
        reused: true,
        warning: `${certFile} and ${keyFile} hold no certificate or key (placeholders?): reused as they are; the controller cannot log in with them`,
      };
    }
    await checkPair(certPem, keyPem, certFile, keyFile);
    return { certPem, keyPem, reused: true };
  }
  return { ...(await generateControllerCertificate(username)), reused: false };
}

const isPlaceholder = (text: string): boolean => !text.includes('-----BEGIN');

/**
 * An existing pair is reused only when the key is a private key and belongs
 * to the certificate: the controller signs with the key and the APIC checks
 * with the certificate, so a wrong pair would fail only at run time, in the
 * cluster. Nothing of the key's content is ever put in a message.
 */
async function checkPair(certPem: string, keyPem: string, certFile: string, keyFile: string): Promise<void> {
  const { X509Certificate, createPrivateKey } = await import('node:crypto');
  const fix = 'put back the matching file, or remove both files to make a new pair';
  let cert: InstanceType<typeof X509Certificate>;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    throw new InputError([
      { field: 'aci_config.sync_login.certfile', value: certFile, rule: `is not a PEM certificate (its key is ${keyFile}): ${fix}` },
    ]);
  }
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new InputError([
      {
        field: 'aci_config.sync_login.keyfile',
        value: keyFile,
        rule: `is not a PEM private key (for the certificate ${certFile}): ${fix}`,
      },
    ]);
  }
  if (!cert.checkPrivateKey(key)) {
    throw new InputError([
      { field: 'aci_config.sync_login.keyfile', value: keyFile, rule: `is not the key of the certificate ${certFile}: ${fix}` },
    ]);
  }
}

// A self-signed X.509 certificate in DER, for an RSA key signing with
// SHA-256 (RSASSA-PKCS1-v1_5): the one shape the controller's certificate
// takes (subject = issuer, a critical Basic Constraints of an end entity).
// Encoded here rather than with @peculiar/x509, whose modules take a tenth of
// a second to load, on the path of every `-a` that makes a new pair;
// test/crypto/self-signed.test.ts checks the bytes against what
// @peculiar/x509 makes from the same key.
import { webcrypto } from 'node:crypto';

/** The attribute types a name here may hold, with their object identifiers. */
const NAME_OIDS = { C: '2.5.4.6', O: '2.5.4.10', CN: '2.5.4.3' } as const;
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const BASIC_CONSTRAINTS = '2.5.29.19';

export interface SelfSignedSpec {
  /** Hexadecimal, as `03e8`. */
  serialHex: string;
  /** The relative distinguished names in order, one value each. */
  name: ReadonlyArray<readonly [keyof typeof NAME_OIDS, string]>;
  notBefore: Date;
  notAfter: Date;
  /** An RSASSA-PKCS1-v1_5 SHA-256 pair, extractable public key. */
  keys: webcrypto.CryptoKeyPair;
}

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(content);
  return Buffer.concat([Uint8Array.from([tag, ...length(body.length)]), body]);
}

const sequence = (...c: Uint8Array[]) => tlv(0x30, ...c);
const NULL = Uint8Array.from([0x05, 0x00]);

function integer(hex: string): Uint8Array {
  const bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  // Positive: a leading zero when the high bit is set.
  return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Uint8Array.of(0), bytes]) : bytes);
}

function oid(dotted: string): Uint8Array {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) groups.unshift(0x80 | (v & 0x7f));
    out.push(...groups);
  }
  return tlv(0x06, Uint8Array.from(out));
}

// PrintableString where every character allows it, else UTF8String (as @peculiar/x509 chooses).
const text = (value: string) => tlv(/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value) ? 0x13 : 0x0c, Buffer.from(value, 'utf8'));

function name(rdns: SelfSignedSpec['name']): Uint8Array {
  return sequence(...rdns.map(([type, value]) => tlv(0x31, sequence(oid(NAME_OIDS[type]), text(value)))));
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280, 4.1.2.5); whole seconds. */
function time(date: Date): Uint8Array {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/\D/g, '');
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${digits}Z`));
}

export async function selfSignedCertificate(spec: SelfSignedSpec): Promise<Uint8Array> {
  const algorithm = sequence(oid(SHA256_WITH_RSA), NULL);
  const subject = name(spec.name);
  const publicKey = new Uint8Array(await webcrypto.subtle.exportKey('spki', spec.keys.publicKey));
  // cA false is the default, so the Basic Constraints value is an empty sequence.
  const endEntity = sequence(oid(BASIC_CONSTRAINTS), Uint8Array.from([0x01, 0x01, 0xff]), tlv(0x04, sequence()));
  const tbs = sequence(
    tlv(0xa0, integer('02')), // version 3
    integer(spec.serialHex),
    algorithm,
    subject,
    sequence(time(spec.notBefore), time(spec.notAfter)),
    subject,
    publicKey,
    tlv(0xa3, sequence(endEntity)),
  );
  const signature = new Uint8Array(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', spec.keys.privateKey, tbs));
  return sequence(tbs, algorithm, tlv(0x03, Uint8Array.of(0), signature));
}

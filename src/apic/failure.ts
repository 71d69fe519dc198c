// What went wrong with one APIC request, sorted into: worth retrying on this
// or another APIC (network trouble, timeouts, 5xx), or final (4xx, TLS trust).
// Also the APIC's error body, `{"imdata":[{"error":{"attributes":{code,text}}}]}`.
import { ApicError } from '../errors.js';

export interface ApicErrorBody {
  code?: string;
  text?: string;
}

/** Reads the APIC error object out of an answer body, if it holds one. */
export function parseApicErrorBody(body: string): ApicErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const imdata = (parsed as { imdata?: unknown })?.imdata;
  if (!Array.isArray(imdata) || imdata.length === 0) return undefined;
  const err = (imdata[0] as { error?: { attributes?: Record<string, unknown> } })?.error;
  if (!err) return undefined;
  const a = err.attributes ?? {};
  return {
    code: a['code'] === undefined ? undefined : String(a['code']),
    text: a['text'] === undefined ? undefined : String(a['text']),
  };
}

/** Node/undici error codes of a connection that could not be made or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Certificate problems: retrying cannot help, the trust setting is wrong. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
]);

export type FailureKind = 'network' | 'timeout' | 'tls' | 'other';

/** The innermost error code undici reports (it wraps socket errors in `cause`). */
function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') {
      if (NETWORK_CODES.has(code) || TLS_CODES.has(code)) return code;
    }
    e = (e as { cause?: unknown }).cause;
  }
  const top = (err as { code?: unknown })?.code;
  return typeof top === 'string' ? top : undefined;
}

export function classifyFailure(err: unknown, timedOut: boolean): { kind: FailureKind; detail: string } {
  if (timedOut) return { kind: 'timeout', detail: 'no answer within the request timeout' };
  const code = errorCode(err);
  if (code && TLS_CODES.has(code)) return { kind: 'tls', detail: code };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { kind: 'timeout', detail: code };
  }
  if (code && NETWORK_CODES.has(code)) return { kind: 'network', detail: code };
  const msg = err instanceof Error ? err.message : String(err);
  if (/certificate|self[- ]signed/i.test(msg)) return { kind: 'tls', detail: msg };
  // Unknown transport failures (socket closed mid-answer, ...) are treated as
  // transient: the APIC may be restarting.
  return { kind: 'network', detail: code ?? msg };
}

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'no such host name',
  EAI_AGAIN: 'host name lookup failed',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'answer stalled',
};

/** A transport failure detail (an error code) in words, with the code: `connection refused (ECONNREFUSED)`. */
export function failureWords(detail: string): string {
  const words = CODE_WORDS[detail];
  return words ? `${words} (${detail})` : detail;
}

/** Removes a secret from text that is about to leave the client (errors, logs). */
export function scrub(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}

/** An ApicError for an HTTP answer with a non-2xx status. */
export function httpError(what: string, status: number, body: string, secret: string | undefined): ApicError {
  const parsed = parseApicErrorBody(body);
  const detail = parsed ? `APIC error ${parsed.code ?? '?'}: ${parsed.text ?? ''}`.trim() : body.trim().slice(0, 200) || 'no body';
  const text = parsed?.text === undefined ? undefined : scrub(parsed.text, secret);
  return new ApicRequestError(scrub(`${what}: HTTP ${status}: ${detail}`, secret), status, parsed?.code, text);
}

/** An ApicError that also carries the APIC's own error text, when it sent one. */
export class ApicRequestError extends ApicError {
  constructor(
    message: string,
    status?: number,
    code?: string,
    readonly apicText?: string,
  ) {
    super(message, status, code);
  }
}

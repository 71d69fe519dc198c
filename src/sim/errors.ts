// The APIC's error answer: an HTTP status plus one `error` object in imdata.
// Every refusal of the simulator is a SimError so the server turns it into
// exactly the body real ACI clients parse (`imdata[0].error.attributes`).

export class SimError extends Error {
  override name = 'SimError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: string,
  ) {
    super(text);
  }
}

export function errorBody(code: string, text: string): { totalCount: string; imdata: unknown[] } {
  return { totalCount: '1', imdata: [{ error: { attributes: { code, text } } }] };
}

// Codes as an APIC uses them, so clients that switch on them behave the same.
export const CODE = {
  /** Malformed body or URL. */
  badRequest: '400',
  unauthorized: '401',
  forbidden: '403',
  notFound: '404',
  /** `status: modified` on an object that does not exist. */
  moNotFound: '102',
  /** `status: created` on an object that already exists. */
  moExists: '103',
  /** The DN in the body does not match the URL or the RN does not match the naming properties. */
  dnMismatch: '107',
  /** A property value the class refuses. */
  invalidValue: '120',
  /** A property the class does not have, or one only the APIC may set. */
  unknownProperty: '121',
  /** A class the APIC does not know. */
  unknownClass: '122',
  /** A child the parent cannot hold, or a parent that does not exist. */
  containment: '105',
  /** An injected fault (see faults.ts). */
  unavailable: '503',
} as const;

export const badRequest = (code: string, text: string): SimError => new SimError(400, code, text);

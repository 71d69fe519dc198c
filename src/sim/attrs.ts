// Attributes the APIC adds on its own, shared by writes (stamping) and
// reads (showing). Kept apart so the seed, the write path and the query
// path agree on what a stored object looks like.

/** `2026-11-26T09:30:00.123+00:00`, the APIC's timestamp format. */
export function apicTime(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

/** Attributes every object gets when created by a client. */
export function createdStamp(now: Date): Record<string, string> {
  return { lcOwn: 'local', modTs: apicTime(now), uid: '15374', userdom: ':all:', extMngdBy: '' };
}

/** Properties that are never stored or shown (write-only secrets). */
export const WRITE_ONLY = new Set(['pwd']);

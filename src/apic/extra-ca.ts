// NODE_EXTRA_CA_CERTS makes Node read and parse the whole file before it runs
// any code (about 50 ms of CPU for a distribution's CA bundle), on every start,
// for the few runs that open an HTTPS connection Node's default trust would
// check (measured in docs/startup.md). bin/acc-provision therefore hands the
// variable over as
// ACC_PROVISION_NODE_EXTRA_CA_CERTS; the program puts it back for the
// processes it starts, and the APIC client adds the certificates itself where
// Node's default trust applies (an https:// proxy; APIC connections trust only
// the configured certificate, or nothing, as with the Python tool). Kept free
// of heavy imports: every start loads this module.

export const HANDED_OVER = 'ACC_PROVISION_NODE_EXTRA_CA_CERTS';

let handedOver: string | undefined;

/** NODE_EXTRA_CA_CERTS as the user set it, for the processes started from here. */
export function restoreExtraCaVariable(env: NodeJS.ProcessEnv = process.env): void {
  const file = env[HANDED_OVER];
  delete env[HANDED_OVER];
  if (!file) return;
  handedOver = file;
  if (env.NODE_EXTRA_CA_CERTS === undefined) env.NODE_EXTRA_CA_CERTS = file;
}

/** The NODE_EXTRA_CA_CERTS file Node did not load at start, if any. */
export function handedOverExtraCa(): string | undefined {
  return handedOver;
}

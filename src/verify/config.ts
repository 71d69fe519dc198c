// What verify adds to the cluster model (src/cluster): the controller's
// certificate read from its file (never created: verify writes nothing).
// Without the file, only the certificate's presence on the APIC is checked.
import { existsSync } from 'node:fs';
import { DEFAULT_FLAVOR, readTextFile } from '../config/file.js';
import type { Config } from '../config/types.js';

export const DEFAULT_VERIFY_FLAVOR = DEFAULT_FLAVOR;

export interface VerifyConfig {
  config: Config;
  warnings: string[];
  /** Attributes not to compare for want of local data. */
  ignore: Set<string>;
  notes: string[];
}

/** Puts the controller's certificate (from `sync_login.certfile`) into the config, or notes its absence. */
export function withCertificate(config: Config, warnings: string[] = []): VerifyConfig {
  const login = config.aci_config.sync_login;
  const ignore = new Set<string>();
  const notes: string[] = [];
  const certfile = typeof login.certfile === 'string' ? login.certfile : undefined;
  if (certfile && existsSync(certfile)) {
    login.cert_data = readTextFile(certfile, 'aci_config.sync_login.certfile');
  } else {
    // Still check that a certificate is there; its content cannot be compared.
    login.cert_data = '';
    ignore.add('aaaUserCert.data');
    notes.push(
      `certificate file ${certfile ?? '(none)'} not found: only the presence of the controller's certificate on the APIC is checked`,
    );
  }
  // Never sent and never compared (write-only on the APIC); cleared so no secret travels further.
  login.key_data = null;
  return { config, warnings, ignore, notes };
}

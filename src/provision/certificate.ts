// The controller's certificate (`sync_login.certfile` / `keyfile`).
// Placeholder signature: the manifest work fills this in.

export interface ControllerCertificate {
  certPem: string;
  keyPem: string;
  /** True when existing files were reused, false when generated now. */
  reused: boolean;
}

/** Reads the pair when both files exist; otherwise generates an RSA 2048 key
 * and a self-signed SHA-256 certificate for `username`. Writes nothing: the
 * caller writes (key with mode 0600) once every other output is ready. */
export async function ensureControllerCertificate(
  _username: string,
  _certFile: string,
  _keyFile: string,
): Promise<ControllerCertificate> {
  throw new Error('ensureControllerCertificate: not implemented yet');
}

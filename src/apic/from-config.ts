// ApicClient options from the loaded configuration and the command line,
// with the Python tool's choices: `--apic-proxy` (the address of a tunnel or
// reverse proxy in front of the APIC) and `--apic-oobm-ip` replace the APIC
// hosts, in that order; `aci_config.ssl: false` means plain HTTP; `-w` is in seconds.
import type { Config } from '../config/types.js';
import { InputError } from '../errors.js';
import type { ApicClientOptions } from './client.js';

export interface ApicLoginInput {
  /** `-u`; default `aci_config.apic_login.username`. */
  username?: string;
  /** `-p` or `ACC_PROVISION_PASS`; default `aci_config.apic_login.password`. */
  password?: string;
  /** `-w`, seconds; default `aci_config.apic_login.timeout`, else 90 s. */
  timeoutSeconds?: number;
  /** `--apic-proxy`: the address connected to in place of the APIC; default `aci_config.apic_proxy`. */
  proxy?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function apicClientOptions(config: Config, login: ApicLoginInput, extra: Partial<ApicClientOptions> = {}): ApicClientOptions {
  const aci = config.aci_config as Config['aci_config'] & { ssl?: unknown };
  const oobm = str(aci.apic_oobm_ip);
  const inFront = login.proxy ?? str(aci.apic_proxy);
  const plainHttp = aci.ssl === false;
  const hosts = (inFront ? [inFront] : oobm ? [oobm] : (aci.apic_hosts ?? []).map(String)).map((h) =>
    plainHttp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(h) ? `http://${h}` : h,
  );
  const username = login.username ?? str(aci.apic_login.username);
  const password = login.password ?? str(aci.apic_login.password);
  const problems = [];
  if (!username) problems.push({ field: 'aci_config.apic_login.username', rule: 'an APIC user is needed (-u)' });
  // The value is never shown, even when wrong.
  if (!password) problems.push({ field: 'password', rule: 'the APIC password is needed (-p or ACC_PROVISION_PASS)' });
  if (problems.length > 0) throw new InputError(problems);
  const timeout = login.timeoutSeconds ?? aci.apic_login.timeout ?? undefined;
  const maxRetries = config.provision.max_retries;
  return {
    hosts,
    username: username!,
    password: password!,
    timeoutMs: timeout !== undefined && timeout > 0 ? timeout * 1000 : undefined,
    maxRetries: typeof maxRetries === 'number' ? maxRetries : undefined,
    caFile: str(aci.apic_tls_cert),
    ...extra,
  };
}

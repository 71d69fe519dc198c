// Loading a configuration: YAML text (with source positions) -> validated,
// defaulted, adjusted Config. Placeholder signature: the configuration work fills this in.
import type { Config } from './types.js';

export interface LoadOptions {
  flavor: string;
  /** The fabric's infra VLAN (from `--infra-vlan` or APIC discovery); overrides the file. */
  infraVlan?: number;
  operatorMode?: boolean;
  upgrade?: boolean;
  apicOobmIp?: string;
  versionToken?: string;
  /** `--disable-multus` value. */
  disableMultus?: boolean;
  /** `-a` (true), `-d` (false) or neither (undefined), as the Python tool's prov_apic. */
  provApic?: boolean;
  skipAppProfileCheck?: boolean;
  username?: string;
  /** Never logged; kept only to log in to the APIC. */
  password?: string;
  timeout?: number;
  apicProxy?: string;
  debug?: boolean;
}

export interface LoadResult {
  config: Config;
  /** Non-fatal findings (unknown keys with the nearest known key, ...), one line each. */
  warnings: string[];
}

/** Throws InputError listing every problem found (never stops at the first). */
export function loadConfig(_text: string, _file: string, _opts: LoadOptions): LoadResult {
  throw new Error('loadConfig: not implemented yet');
}

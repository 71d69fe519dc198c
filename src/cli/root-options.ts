// The top-level flags (the Python tool's, plus --apic-dump, --infra-vlan,
// --output-format, --no-color) as commander hands them over, and their
// checked, typed form. Wrong values, like unknown flags, are usage errors
// (exit 2; the Python tool exits 1 for some of them).
import type { Problem } from '../errors.js';
import { UsageError } from '../errors.js';
import type { OutputFormat } from './output/reporter.js';

/** What commander parses; keys follow commander's naming of each flag. */
export interface RawRootOptions {
  debug?: boolean;
  release?: boolean;
  dpu?: string;
  oldNadVlanMapInput?: string;
  sample?: boolean;
  config: string;
  output: string;
  output_tar?: string;
  outputTar?: string;
  aci_operator_cr?: string;
  aciOperatorCr?: string;
  apic?: boolean;
  delete?: boolean;
  username?: string;
  password?: string;
  timeout?: string;
  listFlavors?: boolean;
  flavor?: string;
  versionToken?: string;
  apicProxy?: string;
  upgrade?: boolean;
  disableMultus: string;
  operatorMode: string;
  apicOobmIp?: string;
  skipAppProfileCheck?: boolean;
  apicDump?: string;
  infraVlan?: string;
  outputFormat: string;
  color: boolean;
}

export interface RootOptions {
  debug: boolean;
  /** Print the release information and exit (before anything else, as the Python tool). */
  release: boolean;
  /** Output file of the DPU manifest (`-s/--dpu`). */
  dpu?: string;
  /** The NAD VLAN map CSV of the previous run (chained mode only). */
  oldNadVlanMapInput?: string;
  sample: boolean;
  listFlavors: boolean;
  /** `-` is standard input. */
  config: string;
  /** `-` is standard output. */
  output: string;
  /** Undefined: derived from `-o` as the Python tool does (see generate). */
  outputTar?: string;
  operatorCr?: string;
  apic: boolean;
  delete: boolean;
  username?: string;
  /** From `-p`, else ACC_PROVISION_PASS. Never printed. */
  password?: string;
  timeout?: number;
  flavor?: string;
  versionToken?: string;
  apicProxy?: string;
  upgrade: boolean;
  disableMultus: boolean;
  operatorMode: boolean;
  apicOobmIp?: string;
  skipAppProfileCheck: boolean;
  apicDump?: string;
  infraVlan?: number;
  outputFormat: OutputFormat;
  color: boolean;
}

/** The output format even when other flags are wrong, so their problems print in it. */
export function outputFormatOf(raw: { outputFormat?: string }): OutputFormat {
  return raw.outputFormat?.toLowerCase() === 'json' ? 'json' : 'text';
}

export function checkRootOptions(raw: RawRootOptions, env: NodeJS.ProcessEnv = process.env): RootOptions {
  const problems: Problem[] = [];
  const bool = (flag: string, value: string): boolean => {
    const v = value.toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
    problems.push({ field: flag, value, rule: 'must be true or false' });
    return false;
  };
  const int = (flag: string, value: string | undefined, min: number, max: number, rule: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push({ field: flag, value, rule });
      return undefined;
    }
    return n;
  };

  const format = raw.outputFormat.toLowerCase();
  if (format !== 'text' && format !== 'json') {
    problems.push({ field: '--output-format', value: raw.outputFormat, rule: 'must be text or json' });
  }
  const timeout = int('--timeout', raw.timeout, 0, Number.MAX_SAFE_INTEGER, 'must be a whole number of seconds (0 or more)');
  const infraVlan = int('--infra-vlan', raw.infraVlan, 1, 4094, 'must be a VLAN id from 1 to 4094');
  const disableMultus = bool('--disable-multus', raw.disableMultus);
  const operatorMode = bool('--operator-mode', raw.operatorMode);
  if (raw.apicOobmIp !== undefined && !isIpAddress(raw.apicOobmIp)) {
    problems.push({ field: '--apic-oobm-ip', value: raw.apicOobmIp, rule: 'must be an IPv4 or IPv6 address (no prefix length)' });
  }
  if (raw.skipAppProfileCheck && !raw.delete) {
    problems.push({ field: '--skip-app-profile-check', rule: 'only applies to -d/--delete' });
  }
  if (raw.apic && raw.delete) {
    problems.push({ field: '-a/--apic', rule: 'cannot be combined with -d/--delete: choose one' });
  }
  const pick = (flag: string, a?: string, b?: string): string | undefined => {
    if (a !== undefined && b !== undefined && a !== b) {
      problems.push({ field: flag, value: b, rule: `given twice with different values (also ${JSON.stringify(a)})` });
    }
    return a ?? b;
  };
  const outputTar = pick('--output-tar', raw.output_tar, raw.outputTar);
  const operatorCr = pick('--aci-operator-cr', raw.aci_operator_cr, raw.aciOperatorCr);
  for (const [flag, value] of [
    ['--config', raw.config],
    ['--output', raw.output],
    ['--output_tar', outputTar],
    ['--aci_operator_cr', operatorCr],
    ['--apic-dump', raw.apicDump],
    ['--dpu', raw.dpu],
    ['--old-nad-vlan-map-input', raw.oldNadVlanMapInput],
  ] as const) {
    if (value === '') problems.push({ field: flag, value, rule: 'must be a file name (or - for standard input/output)' });
  }
  // Two outputs into one file would silently keep only the last one.
  const seen = new Map<string, string>();
  for (const [flag, value] of [
    ['--output', raw.output],
    ['--output_tar', outputTar],
    ['--aci_operator_cr', operatorCr],
    ['--apic-dump', raw.apicDump],
    ['--dpu', raw.dpu],
  ] as const) {
    if (value === undefined || value === '-' || value === '/dev/null' || value === '') continue;
    const other = seen.get(value);
    if (other) problems.push({ field: flag, value, rule: `is also the ${other} file: give each output its own file` });
    else seen.set(value, flag);
  }

  if (problems.length > 0) throw UsageError.of(problems);
  return {
    debug: Boolean(raw.debug),
    release: Boolean(raw.release),
    dpu: raw.dpu,
    oldNadVlanMapInput: raw.oldNadVlanMapInput,
    sample: Boolean(raw.sample),
    listFlavors: Boolean(raw.listFlavors),
    config: raw.config,
    output: raw.output,
    outputTar,
    operatorCr,
    apic: Boolean(raw.apic),
    delete: Boolean(raw.delete),
    username: raw.username,
    password: raw.password ?? (env.ACC_PROVISION_PASS || undefined),
    timeout,
    flavor: raw.flavor,
    versionToken: raw.versionToken,
    apicProxy: raw.apicProxy,
    upgrade: Boolean(raw.upgrade),
    disableMultus,
    operatorMode,
    apicOobmIp: raw.apicOobmIp,
    skipAppProfileCheck: Boolean(raw.skipAppProfileCheck),
    apicDump: raw.apicDump,
    infraVlan,
    outputFormat: format === 'json' ? 'json' : 'text',
    color: raw.color,
  };
}

/** An IPv4 or IPv6 address (no prefix length). Avoids loading node:net at start-up. */
export function isIpAddress(s: string): boolean {
  if (/^\d/.test(s) && !s.includes(':')) {
    const parts = s.split('.');
    return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
  }
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

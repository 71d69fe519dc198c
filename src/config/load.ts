// Loading a configuration: YAML text (with source positions) -> validated,
// defaulted, adjusted Config. The layers, highest first: command line, the
// user's file, the flavor, the flavor's release, the schema's defaults, the
// release's image versions; then what the fabric reports (infra VLAN)
// overrides the file, and derived values fill what is still unset.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { InputError, type Problem } from '../errors.js';
import { ACI_PREFIX, deriveConfig } from './adjust.js';
import { apicNameProblems } from './apic-names.js';
import { deriveCnoConfig, isCnoMode, readCnoFiles } from './cno.js';
import { getFlavor, isKnownFlavor, releaseKey, releaseVersions } from './flavors.js';
import { isIpAddress } from './ip.js';
import { yamlLibrary } from './lazy.js';
import { fillFrom, getPath, isTree, type Tree } from './merge.js';
import { mtuProblems } from './mtu.js';
import { nearestKey } from './nearest.js';
import { configDefaults, configSchema, knownKeys, knownPaths, type KeyNode } from './schema.js';
import type { Config } from './types.js';
import { validateConfig } from './validate.js';
import { familyWarnings } from './family-rules.js';
import { joinPath, parseSource, type ParsedSource } from './yaml-source.js';
import { RELEASE_VERSIONS } from './data/versions.js';

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
  /** An APIC will be asked for the infra VLAN: the file need not give it (see src/cluster/). */
  infraVlanFromFabric?: boolean;
  /** Where relative file names of the configuration (NAD VLAN map, bridge NAD configuration) are read from; default: the working directory. */
  baseDir?: string;
  /** `--old-nad-vlan-map-input`: the NAD VLAN map of the previous run (chained mode). */
  oldNadVlanMapInput?: string;
  /** Use a fixed password for the controller's APIC user instead of a random one (tests only). */
  fixedSyncPassword?: boolean;
}

export interface LoadResult {
  config: Config;
  /** Non-fatal findings (unknown keys with the nearest known key, ...), one line each. */
  warnings: string[];
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function optionProblems(opts: LoadOptions): Problem[] {
  const out: Problem[] = [];
  if (!isKnownFlavor(opts.flavor)) {
    out.push({ field: '--flavor', value: opts.flavor, rule: 'unknown flavor (see --list-flavors)' });
  }
  if (opts.apicOobmIp !== undefined && !isIpAddress(opts.apicOobmIp)) {
    out.push({ field: '--apic-oobm-ip', value: opts.apicOobmIp, rule: 'must be an IP address (no prefix length)' });
  }
  if (opts.infraVlan !== undefined && !(isInt(opts.infraVlan) && opts.infraVlan >= 1 && opts.infraVlan <= 4094)) {
    out.push({ field: '--infra-vlan', value: opts.infraVlan, rule: 'must be a VLAN id from 1 to 4094' });
  }
  if (opts.timeout !== undefined && !(isInt(opts.timeout) && opts.timeout >= 0)) {
    out.push({ field: '--timeout', value: opts.timeout, rule: 'must be a whole number of seconds' });
  }
  return out;
}

/** The Python tool accepts one subnet where it expects a list; make it a list. */
function listifySubnets(user: Tree): void {
  const net = user.net_config;
  if (!isTree(net)) return;
  for (const k of ['node_subnet', 'pod_subnet', 'extern_dynamic', 'extern_static']) {
    if (typeof net[k] === 'string') net[k] = [net[k]];
  }
}

const QUOTED_NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * A number written as a string (`kubeapi_vlan: "3101"`) where the schema
 * expects a number becomes that number, in place: the Python tool's templates
 * print both alike, so the outputs must not differ either.
 */
function readQuotedNumbers(value: unknown, node: KeyNode): unknown {
  if (node.kind === 'leaf') return node.number && typeof value === 'string' && QUOTED_NUMBER.test(value) ? Number(value) : value;
  if (node.kind === 'object' && isTree(value)) {
    for (const [k, v] of Object.entries(value)) {
      const child = node.children.get(k);
      if (child) value[k] = readQuotedNumbers(v, child);
    }
  } else if (node.kind === 'list' && Array.isArray(value)) {
    value.forEach((v, i) => (value[i] = readQuotedNumbers(v, node.element)));
  } else if (node.kind === 'map' && isTree(value)) {
    for (const [k, v] of Object.entries(value)) value[k] = readQuotedNumbers(v, node.value);
  }
  return value;
}

/**
 * Walks the user's tree against the known keys: warns about unknown keys
 * (naming the nearest known one) and reads an empty section (`key:` with
 * nothing under it) as an empty mapping, so defaults apply inside it.
 */
/** A key the schema does not know, and the known key it is likely a misspelling of. */
interface UnknownKey {
  path: string;
  suggestion?: string;
  at?: string;
}

function checkKeys(
  value: unknown,
  node: KeyNode,
  path: string,
  src: ParsedSource,
  warnings: string[],
  problems: Problem[],
  unknown: UnknownKey[] = [],
): unknown {
  if (node.kind === 'object') {
    if (value === null && path !== '') return {};
    if (!isTree(value)) {
      // Reported here; an empty mapping stands in so every other rule still runs.
      problems.push({ field: path, value, rule: 'must be a mapping of keys to values' });
      return {};
    }
    for (const [k, v] of Object.entries(value)) {
      const childPath = joinPath(path, k);
      const child = node.children.get(k);
      if (!child) {
        const near = nearestKey(k, [...node.children.keys()]);
        const elsewhere = near ? undefined : knownPaths().find((p) => p.endsWith(`.${k}`) || p === k);
        const suggestion = near ? joinPath(path, near) : elsewhere;
        const hint = suggestion ? `; did you mean ${suggestion}?` : '';
        const at = src.at(childPath);
        warnings.push(`${at ?? ''}: ${childPath}: unknown key, ignored${hint}`.replace(/^: /, ''));
        unknown.push({ path: childPath, ...(suggestion ? { suggestion } : {}), ...(at ? { at } : {}) });
        continue;
      }
      value[k] = checkKeys(v, child, childPath, src, warnings, problems, unknown);
    }
    return value;
  }
  if (node.kind === 'list' && Array.isArray(value)) {
    return value.map((v, i) => checkKeys(v, node.element, joinPath(path, i), src, warnings, problems, unknown));
  }
  if (node.kind === 'map' && isTree(value)) {
    for (const [k, v] of Object.entries(value)) value[k] = checkKeys(v, node.value, joinPath(path, k), src, warnings, problems, unknown);
  }
  return value;
}

/** A problem at (or under) the key a misspelt one was meant to be names the misspelling. */
function withMisspelling(p: Problem, unknownKeys: UnknownKey[]): Problem {
  const cause = unknownKeys.find(
    (u) =>
      u.suggestion !== undefined &&
      (p.field === u.suggestion || p.field.startsWith(`${u.suggestion}.`) || p.field.startsWith(`${u.suggestion}[`)),
  );
  if (!cause) return p;
  return { ...p, rule: `${p.rule} (the file has ${cause.path}${cause.at ? ` at ${cause.at}` : ''}: did you mean ${cause.suggestion}?)` };
}

/** `versions_url.path`: a local YAML file with a `versions` table replaces the built-in one. */
function releaseTable(user: Tree, warnings: string[], _problems: Problem[]): Record<string, Record<string, string>> {
  const path = getPath(user, 'versions_url.path');
  if (typeof path !== 'string' || path === '') return RELEASE_VERSIONS;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !path.startsWith('file://')) {
    warnings.push(`versions_url.path: ${path}: release tables are not fetched over the network; using the built-in one`);
    return RELEASE_VERSIONS;
  }
  const file = path.replace(/^file:\/\//, '');
  try {
    const doc = yamlLibrary().parse(readFileSync(file, 'utf8'), { version: '1.1' }) as unknown;
    const versions = isTree(doc) ? doc.versions : undefined;
    if (!isTree(versions)) throw new Error('no "versions" mapping');
    const table: Record<string, Record<string, string>> = {};
    for (const [k, v] of Object.entries(versions)) {
      const key = releaseKey(Number(k));
      if (key && isTree(v)) table[key] = v as Record<string, string>;
    }
    return table;
  } catch (e) {
    warnings.push(`versions_url.path: ${path}: cannot be read (${(e as Error).message}); using the built-in release table`);
    return RELEASE_VERSIONS;
  }
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : joinPath(acc, String(s))), '');
}

function valueAt(tree: unknown, segments: readonly PropertyKey[]): unknown {
  let cur = tree;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[s];
  }
  return cur;
}

const SECRET_FIELD = /password|key_data|bgp\.secret/;

/**
 * The flavor's settings for this file. The contracts a flavor adds
 * (`aci_config.items`, OpenShift's) are named after the cluster: prefixed
 * with `aci-containers-<system_id>-`, whatever the naming convention.
 */
function flavorSettings(settings: Tree, user: Tree): Tree {
  const items = getPath(settings, 'aci_config.items');
  if (!Array.isArray(items) || items.length === 0) return settings;
  const systemId = getPath(user, 'aci_config.system_id');
  // Without a system_id the required-field rule reports it.
  if (typeof systemId !== 'string' || systemId === '') return settings;
  const named = structuredClone(settings);
  for (const item of getPath(named, 'aci_config.items') as Tree[]) item.name = `${ACI_PREFIX}${systemId}-${String(item.name)}`;
  return named;
}

/** Throws InputError listing every problem found (never stops at the first). */
export function loadConfig(text: string, file: string, opts: LoadOptions): LoadResult {
  const warnings: string[] = [];
  const problems = optionProblems(opts);
  const src = parseSource(text, file);
  if (src.problems.length > 0 || !isKnownFlavor(opts.flavor)) throw new InputError([...problems, ...src.problems]);
  const raw = src.value ?? {};
  if (!isTree(raw)) {
    throw new InputError([
      ...problems,
      { field: '(document)', rule: 'must be a mapping of sections (aci_config, net_config, ...)', at: `${file}:1:1` },
    ]);
  }

  // The user's file as the manifest sees it (user_config), and as it is merged.
  const user = structuredClone(raw);
  listifySubnets(user);
  readQuotedNumbers(user, knownKeys());
  const unknownKeys: UnknownKey[] = [];
  const userTree = checkKeys(structuredClone(user), knownKeys(), '', src, warnings, problems, unknownKeys) as Tree;
  // The file's text minus its password lines travels with the manifest (the operator re-reads it).
  user.user_input = text.replace(/password:[^\n]*/g, '');
  userTree.user_input = user.user_input;
  const userConfig = structuredClone(user);

  const commandLine: Tree = {
    aci_config: {
      apic_login: {
        ...(opts.username !== undefined ? { username: opts.username } : {}),
        password: opts.password ?? null,
        timeout: opts.timeout ?? null,
      },
      apic_proxy: opts.apicProxy ?? null,
      ...(opts.apicOobmIp !== undefined ? { apic_oobm_ip: opts.apicOobmIp } : {}),
    },
    provision: {
      prov_apic: opts.provApic ?? null,
      debug_apic: opts.debug ?? false,
      ...(opts.upgrade ? { upgrade_cluster: true } : {}),
    },
    unprovision: { skip_app_profile_check: opts.skipAppProfileCheck ?? false },
    operator_mode: opts.operatorMode ?? false,
    discovered: { infra_vlan: opts.infraVlan ?? null },
    user_config: userConfig,
  };

  const flavor = getFlavor(opts.flavor)!;
  let config = fillFrom(commandLine, userTree) as Tree;
  config.flavor = opts.flavor;
  config = fillFrom(config, flavorSettings(flavor.config ?? {}, userTree)) as Tree;
  config = fillFrom(config, { registry: { version: flavor.default_version } }) as Tree;
  config = fillFrom(config, configDefaults()) as Tree;
  if (opts.disableMultus === false) (config.multus as Tree).disable = false;

  const table = releaseTable(user, warnings, problems);
  const release = releaseVersions(getPath(config, 'registry.version'), table);
  if (release) config = fillFrom(config, { registry: release }) as Tree;

  const tlsCert = getPath(config, 'aci_config.apic_tls_cert');
  if (typeof tlsCert === 'string' && tlsCert !== '' && !existsSync(tlsCert)) {
    problems.push({ field: 'aci_config.apic_tls_cert', value: tlsCert, rule: 'no such file' });
  }

  // What the fabric reports wins over the file.
  const net = config.net_config as Tree;
  const fileInfraVlan = net.infra_vlan ?? null;
  net.infra_vlan = fileInfraVlan;
  if (opts.infraVlan !== undefined && problems.every((p) => p.field !== '--infra-vlan')) {
    if (fileInfraVlan !== null && fileInfraVlan !== opts.infraVlan) {
      warnings.push(
        `net_config.infra_vlan: the fabric's infra VLAN (${opts.infraVlan}) differs from the file's (${String(fileInfraVlan)}); using the fabric's`,
      );
    }
    net.infra_vlan = opts.infraVlan;
  }

  const parsed = configSchema().safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = pathOf(issue.path);
      const value = valueAt(config, issue.path);
      problems.push({ field, ...(SECRET_FIELD.test(field) ? {} : { value }), rule: issue.message });
    }
  }
  problems.push(
    ...validateConfig(config, {
      flavor: opts.flavor,
      provApic: opts.provApic ?? null,
      unknownRelease: release === undefined,
      infraVlanFromFabric: opts.infraVlanFromFabric ?? false,
    }),
  );
  if (problems.length > 0) {
    throw new InputError(
      problems.map((p) => {
        const placed = p.at !== undefined || p.field.startsWith('--') ? p : { ...p, at: src.at(p.field) ?? `${file}:1:1` };
        return withMisspelling(placed, unknownKeys);
      }),
      // The unknown-key warnings print with the problems: they often explain them.
      warnings,
    );
  }

  // The MTU rule node-config enforces (src/config/mtu.ts). Here a warning: the
  // Python tool accepts such a file, and the manifest does not depend on it.
  for (const p of mtuProblems(getPath(config, 'net_config.interface_mtu'), getPath(config, 'net_config.interface_mtu_headroom'))) {
    warnings.push(`${src.at(p.field) ?? file}: ${p.field}: ${p.rule}; node-config refuses it`);
  }
  warnings.push(...familyWarnings(config, opts.flavor));
  if (
    getPath(config, 'dpu_config.enable') &&
    getPath(config, 'sriov_config.enable') &&
    getPath(config, 'kube_config.opflex_mode') !== 'dpu'
  ) {
    warnings.push('dpu_config.enable: ignored: kube_config.opflex_mode is not "dpu"');
  }
  let derived: Tree;
  if (isCnoMode(config)) {
    // Chained CNI and VMM lite: their own names, and the files they name.
    const { files, problems: fileProblems } = readCnoFiles(config, opts.oldNadVlanMapInput, opts.baseDir);
    if (fileProblems.length > 0) {
      throw new InputError(fileProblems.map((p) => (p.field.startsWith('--') ? p : { ...p, at: src.at(p.field) ?? `${file}:1:1` })));
    }
    derived = deriveCnoConfig(config, files, { fixedPassword: opts.fixedSyncPassword ?? false, token: opts.versionToken ?? randomUUID() });
  } else {
    derived = deriveConfig(config, {
      fixedPassword: opts.fixedSyncPassword ?? false,
      ...(opts.versionToken !== undefined ? { versionToken: opts.versionToken } : {}),
    });
  }
  config = fillFrom(config, derived) as Tree;
  // Names the APIC would refuse midway through -a are refused here, before any request.
  const badNames = apicNameProblems(config as Config);
  if (badNames.length > 0) throw new InputError(badNames.map((p) => ({ ...p, at: src.at(p.field) ?? `${file}:1:1` })));

  const registry = config.registry as Tree;
  if (registry.aci_cni_operator_version !== null && registry.aci_cni_operator_version !== undefined) {
    registry.aci_containers_operator_version = registry.aci_cni_operator_version;
    registry.acc_provision_operator_version = registry.aci_cni_operator_version;
  }
  // The controller trusts the APIC through this CA (the apic-ca-cert Secret).
  if (typeof tlsCert === 'string' && tlsCert !== '') {
    (config.aci_config as Tree).apic_tls_cert_data = readFileSync(tlsCert, 'utf8');
  }
  return { config: config as Config, warnings };
}

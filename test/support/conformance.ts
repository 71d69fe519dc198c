// The shared conformance cases (../shared/conformance) as the project tests
// read them: the case list, and a case's configuration loaded the way
// ../shared/conformance/README.md runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flavorFamily } from '../../src/config/flavors.js';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import type { Config } from '../../src/config/types.js';
import { conformanceDir } from './cli.js';

export interface ConformanceCase {
  name: string;
  input: string;
  args: {
    flavor: string;
    infra_vlan?: number;
    operator_mode?: boolean;
    upgrade?: boolean;
    apic_oobm_ip?: string;
    apic?: boolean;
    delete?: boolean;
    password?: string;
    skip_app_profile_check?: boolean;
  };
  kube?: string;
  operator_cr?: string;
  tar?: string;
  apic?: string;
  stdout?: string;
  apic_state?: string;
}

/**
 * The flavor families the project supports: the cases of cases-all.json
 * whose flavor matches are the ones the tests run. One alternative per
 * family; a family joins here when it lands.
 */
export const LANDED_FLAVORS = /^(kubernetes-|openshift-|RKE-|RKE2-|docker-ucp-|calico-|k8s-overlay$|k8s-aci-cilium$)/;

export const testdata = join(conformanceDir, 'testdata');
export const conformancePresent = existsSync(join(conformanceDir, 'cases-all.json'));

/** Files the inputs refer to (certificates, NAD configuration, VLAN maps), in testdata/. */
export function auxFiles(): string[] {
  return conformancePresent ? (JSON.parse(readFileSync(join(conformanceDir, 'cases-all.json'), 'utf8')) as { aux: string[] }).aux : [];
}

let cached: ConformanceCase[] | undefined;

/** The cases of the landed flavor families. */
export function conformanceCases(): ConformanceCase[] {
  if (!conformancePresent) return [];
  cached ??= (JSON.parse(readFileSync(join(conformanceDir, 'cases-all.json'), 'utf8')) as { cases: ConformanceCase[] }).cases.filter((c) =>
    LANDED_FLAVORS.test(c.args.flavor),
  );
  return cached;
}

/**
 * At most `perFamily` cases of each flavor family, spread evenly over the
 * family's cases (its first and last included), for tests that start
 * simulators for every case: all the landed cases take minutes there on 2
 * cores. ACC_CONFORMANCE_ALL=1 in the environment runs every case.
 */
export function sampledPerFamily<T extends { args: { flavor: string } }>(cases: readonly T[], perFamily: number): T[] {
  if (process.env['ACC_CONFORMANCE_ALL'] === '1') return [...cases];
  const families = new Map<string, T[]>();
  for (const c of cases) {
    const f = flavorFamily(c.args.flavor);
    families.set(f, [...(families.get(f) ?? []), c]);
  }
  const keep = new Set<T>();
  for (const list of families.values()) {
    const n = Math.min(perFamily, list.length);
    for (let i = 0; i < n; i++) keep.add(list[n === 1 ? 0 : Math.round((i * (list.length - 1)) / (n - 1))]);
  }
  return cases.filter((c) => keep.has(c));
}

/**
 * A dump whose requests all name objects under `uni` or `comp`, one a fabric
 * accepts as it is. Not so: the OpenShift ESX dumps that post into the nested
 * VMware pool by the bare name the file gives (the Python tool offline).
 */
export function postableDump(dump: string): boolean {
  const paths = readFileSync(join(testdata, dump), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('/api/'));
  // An empty dump (VMM lite without an L3Out writes nothing) has nothing to post.
  return paths.length > 0 && paths.every((l) => /^\/api\/(node\/)?mo\/(uni|comp)[/.]/.test(l));
}

/** The case's input through loadConfig with its flags, plus (as the CLI does,
 * except in operator mode) the placeholder certificate files of testdata. */
export function caseConfig(c: ConformanceCase): Config {
  const text = c.input === '--sample' ? sampleConfig(c.args.flavor) : readFileSync(join(testdata, c.input), 'utf8');
  const { config } = loadConfig(text, c.input, {
    flavor: c.args.flavor,
    infraVlan: c.args.infra_vlan,
    operatorMode: c.args.operator_mode,
    upgrade: c.args.upgrade,
    apicOobmIp: c.args.apic_oobm_ip,
    versionToken: 'dummy',
    fixedSyncPassword: true,
    // The NAD VLAN map and bridge NAD files the chained and VMM-lite inputs name.
    baseDir: testdata,
  });
  if (!c.args.operator_mode) {
    const login = config.aci_config.sync_login;
    // The overlay case names a pair testdata lacks (the Python tool made one);
    // its manifest does not carry the certificate.
    const read = (f: string) => (existsSync(join(testdata, f)) ? readFileSync(join(testdata, f), 'utf8') : 'dummy\n');
    login.cert_data = read(login.certfile);
    login.key_data = read(login.keyfile);
  }
  return config;
}

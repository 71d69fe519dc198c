// The shared conformance cases (../shared/conformance) as the project tests
// read them: the case list, and a case's configuration loaded the way
// ../shared/conformance/README.md runs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import type { Config } from '../../src/config/types.js';
import { conformanceDir } from './cli.js';

export interface ConformanceCase {
  name: string;
  input: string;
  args: { flavor: string; infra_vlan?: number; operator_mode?: boolean; upgrade?: boolean; apic_oobm_ip?: string };
  kube?: string;
  operator_cr?: string;
  tar?: string;
  apic?: string;
}

export const testdata = join(conformanceDir, 'testdata');
export const conformancePresent = existsSync(join(conformanceDir, 'cases-all.json'));

/** The flavor families the project supports: the cases of cases-all.json the tests run, by flavor name. */
export const LANDED_FAMILIES = /^(kubernetes-|RKE-|RKE2-|docker-ucp-|calico-|k8s-overlay$|k8s-aci-cilium$)/;

export function conformanceCases(): ConformanceCase[] {
  if (!conformancePresent) return [];
  const all = (JSON.parse(readFileSync(join(conformanceDir, 'cases-all.json'), 'utf8')) as { cases: ConformanceCase[] }).cases;
  return all.filter((c) => LANDED_FAMILIES.test(c.args.flavor));
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

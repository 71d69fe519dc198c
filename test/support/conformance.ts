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
export const conformancePresent = existsSync(join(conformanceDir, 'cases.json'));

export function conformanceCases(): ConformanceCase[] {
  return conformancePresent ? (JSON.parse(readFileSync(join(conformanceDir, 'cases.json'), 'utf8')) as { cases: ConformanceCase[] }).cases : [];
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
    login.cert_data = readFileSync(join(testdata, login.certfile), 'utf8');
    login.key_data = readFileSync(join(testdata, login.keyfile), 'utf8');
  }
  return config;
}

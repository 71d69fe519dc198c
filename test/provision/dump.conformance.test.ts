// The shared conformance cases: `--apic-dump` equals the Python tool's dump,
// from the case's input through loadConfig. Reads ../shared/conformance.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { renderApicDump } from '../../src/provision/dump.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { removalTargets } from '../../src/provision/desired/requests.js';
import { dumpDifference, parseDump } from './dump-compare.js';

const conformance = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/conformance');
const testdata = join(conformance, 'testdata');

interface Case {
  name: string;
  input: string;
  args: { flavor: string; infra_vlan?: number; operator_mode?: boolean; upgrade?: boolean; apic_oobm_ip?: string };
  apic?: string;
}

const cases: Case[] = existsSync(join(conformance, 'cases.json'))
  ? (JSON.parse(readFileSync(join(conformance, 'cases.json'), 'utf8')) as { cases: Case[] }).cases.filter((c) => c.apic)
  : [];

describe('APIC dump conformance', () => {
  it('has the shared conformance cases', () => {
    if (cases.length === 0) console.warn(`skipping: no conformance cases at ${conformance}`);
    expect(Array.isArray(cases)).toBe(true);
  });
  for (const c of cases) {
    it(c.name, () => {
      const file = join(testdata, c.input);
      const { config } = loadConfig(readFileSync(file, 'utf8'), file, {
        flavor: c.args.flavor,
        infraVlan: c.args.infra_vlan,
        operatorMode: c.args.operator_mode,
        upgrade: c.args.upgrade,
        apicOobmIp: c.args.apic_oobm_ip,
        versionToken: 'dummy',
        fixedSyncPassword: true,
      });
      // The controller's certificate comes from the files the case provides (the CLI reads or makes them).
      const login = config.aci_config.sync_login;
      if (login.cert_data == null) login.cert_data = readFileSync(join(testdata, login.certfile), 'utf8');
      if (login.key_data == null) login.key_data = readFileSync(join(testdata, login.keyfile), 'utf8');
      const expected = parseDump(readFileSync(join(testdata, c.apic!), 'utf8'));
      expect(dumpDifference(expected, parseDump(renderApicDump(config)))).toEqual({ missing: [], unexpected: [] });
    });
  }
});

interface DeleteCase {
  name: string;
  input: string;
  args: { flavor: string; delete?: boolean; password?: string; skip_app_profile_check?: boolean };
  apic_state?: string;
}

const deleteCases: DeleteCase[] = existsSync(join(conformance, 'cases.json'))
  ? (JSON.parse(readFileSync(join(conformance, 'cases.json'), 'utf8')) as { cases: DeleteCase[] }).cases.filter(
      (c) => c.args.delete && c.apic_state,
    )
  : [];

describe.skipIf(deleteCases.length === 0)('removal targets cover what the Python tool deletes', () => {
  for (const c of deleteCases) {
    it(c.name, () => {
      const file = join(testdata, c.input);
      const { config } = loadConfig(readFileSync(file, 'utf8'), file, {
        flavor: c.args.flavor,
        provApic: false,
        password: c.args.password,
        skipAppProfileCheck: c.args.skip_app_profile_check,
        fixedSyncPassword: true,
      });
      const login = config.aci_config.sync_login;
      login.cert_data ??= 'dummy\n';
      login.key_data ??= 'dummy\n';
      const targets = removalTargets(buildDesiredState(config)).map((t) => t.dn);
      const state = JSON.parse(readFileSync(join(testdata, c.apic_state!), 'utf8')) as { deletes: string[] };
      for (const path of state.deletes) {
        const dn = path.replace(/\?.*$/, '').replace(/^\/api\/(node\/)?mo\//, '').replace(/\.json$/, '');
        // Custom application profiles and EPGs the user added are found by query, not in the tree.
        const inTree = targets.some((t) => dn === t || dn.startsWith(`${t}/`));
        const userMade = /\/ap-(?!aci-containers-|kubernetes)/.test(dn) || /\/epg-(?!aci-containers-|kube-)/.test(dn);
        expect(inTree || userMade, dn).toBe(true);
      }
      expect(targets).not.toContain('uni/infra');
      expect(targets).not.toContain('uni/tn-common');
    });
  }
});

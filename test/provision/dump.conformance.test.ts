// The shared conformance cases: `--apic-dump` equals the Python tool's dump,
// from the case's input through loadConfig. Reads ../shared/conformance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { renderApicDump } from '../../src/provision/dump.js';
import { buildDesiredState } from '../../src/provision/desired/index.js';
import { removalTargets } from '../../src/provision/desired/requests.js';
import { conformanceDir } from '../support/cli.js';
import { caseConfig, conformanceCases, testdata } from '../support/conformance.js';
import { dumpDifference, parseDump } from './dump-compare.js';

const conformance = conformanceDir;

const cases = conformanceCases().filter((c) => c.apic);

if (cases.length === 0) console.warn(`skipping the APIC dump conformance: no conformance cases at ${conformance}`);

describe.skipIf(cases.length === 0)('APIC dump conformance', () => {
  for (const c of cases) {
    it(c.name, () => {
      const config = caseConfig(c);
      const expected = parseDump(readFileSync(join(testdata, c.apic!), 'utf8'));
      expect(dumpDifference(expected, parseDump(renderApicDump(config)))).toEqual({ missing: [], unexpected: [] });
    });
  }
});

const deleteCases = conformanceCases().filter((c) => c.args.delete && c.apic_state);

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
        const dn = path
          .replace(/\?.*$/, '')
          .replace(/^\/api\/(node\/)?mo\//, '')
          .replace(/\.json$/, '');
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

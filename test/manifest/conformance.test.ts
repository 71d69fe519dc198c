// Every conformance case with an expected manifest: the case's input through
// loadConfig and renderManifest equals the expected `kube`, `operator_cr` and
// tarball files, as ../shared/conformance/README.md defines equality.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { sampleConfig } from '../../src/config/sample.js';
import { renderManifest } from '../../src/manifest/index.js';
import { conformanceDir } from '../support/cli.js';
import { diffKube } from '../support/compare.js';

interface Case {
  name: string;
  input: string;
  args: { flavor: string; infra_vlan?: number; operator_mode?: boolean; upgrade?: boolean; apic_oobm_ip?: string };
  kube?: string;
  operator_cr?: string;
  tar?: string;
}

const present = existsSync(join(conformanceDir, 'cases.json'));
const testdata = join(conformanceDir, 'testdata');
const cases: Case[] = present
  ? (JSON.parse(readFileSync(join(conformanceDir, 'cases.json'), 'utf8')).cases as Case[]).filter((c) => c.kube)
  : [];

function render(c: Case) {
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
  // As the CLI does: the certificate files (placeholders in testdata) go into
  // the manifest, except in operator mode where the operator makes them.
  if (!c.args.operator_mode) {
    const login = config.aci_config.sync_login as Record<string, unknown>;
    login.cert_data = readFileSync(join(testdata, String(login.certfile)), 'utf8');
    login.key_data = readFileSync(join(testdata, String(login.keyfile)), 'utf8');
  }
  return renderManifest(config);
}

describe.skipIf(!present)('manifest conformance (../shared/conformance)', () => {
  if (!present) console.warn(`skipping: ${conformanceDir} is absent`);
  for (const c of cases) {
    it(c.name, () => {
      const r = render(c);
      expect(diffKube(readFileSync(join(testdata, c.kube!), 'utf8'), r.kube)).toEqual([]);
      if (c.operator_cr) expect(diffKube(readFileSync(join(testdata, c.operator_cr), 'utf8'), r.operatorCr)).toEqual([]);
      if (c.tar) {
        const dir = join(testdata, c.tar);
        const expected = readdirSync(dir).sort();
        expect(r.tarFiles.map((f) => f.name).sort()).toEqual(expected);
        for (const f of r.tarFiles) expect(diffKube(readFileSync(join(dir, f.name), 'utf8'), f.content), f.name).toEqual([]);
      }
    });
  }
});

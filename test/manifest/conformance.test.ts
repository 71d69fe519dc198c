// Every conformance case with an expected manifest: the case's input through
// loadConfig and renderManifest equals the expected `kube`, `operator_cr` and
// tarball files, as ../shared/conformance/README.md defines equality.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderManifest } from '../../src/manifest/index.js';
import { conformanceDir } from '../support/cli.js';
import { diffKube } from '../support/compare.js';
import { caseConfig, conformanceCases, conformancePresent, testdata } from '../support/conformance.js';

const present = conformancePresent;
const cases = conformanceCases().filter((c) => c.kube || c.tar);

describe.skipIf(!present)('manifest conformance (../shared/conformance)', () => {
  if (!present) console.warn(`skipping: ${conformanceDir} is absent`);
  for (const c of cases) {
    it(c.name, () => {
      const r = renderManifest(caseConfig(c));
      // Calico writes no manifest, only its tarball.
      if (c.kube) expect(diffKube(readFileSync(join(testdata, c.kube), 'utf8'), r.kube)).toEqual([]);
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

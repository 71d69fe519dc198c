// docs/configuration.md is generated from the schema: it must equal what the
// generator renders now, and every schema key must have a written meaning.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY_DESCRIPTIONS } from '../../src/config/reference-descriptions.js';
import { referenceEntries, renderConfigReference, staleDescriptions, undocumentedKeys } from '../../src/config/reference.js';
import { knownPaths } from '../../src/config/schema.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REGENERATE = 'docs/configuration.md is stale: run `npm run build && node scripts/gen-docs.mjs` and commit the result';

describe('configuration reference', () => {
  it('docs/configuration.md equals the generated reference', () => {
    const onDisk = readFileSync(resolve(repo, 'docs/configuration.md'), 'utf8');
    // Compared as one string so any difference fails; the message says how to fix it.
    expect(onDisk === renderConfigReference(), REGENERATE).toBe(true);
  });

  it('every schema key has a description', () => {
    expect(undocumentedKeys(), 'add them to src/config/reference-descriptions.ts').toEqual([]);
  });

  it('no description names a key the schema lacks', () => {
    expect(staleDescriptions(), 'remove them from src/config/reference-descriptions.ts').toEqual([]);
  });

  it('documents every key the loader knows, with its type and default', () => {
    const documented = new Set(referenceEntries().map((e) => e.path));
    for (const p of knownPaths()) expect(documented.has(p), p).toBe(true);
    const text = renderConfigReference();
    // A default, a range and an enumeration, as the schema has them.
    expect(text).toMatch(/\| `net_config\.pod_subnet_chunk_size` \| integer, at least 1 \| `32` \|/);
    expect(text).toMatch(/\| `net_config\.kubeapi_vlan` \| integer, 1 to 4094, or empty \| — \|/);
    expect(text).toMatch(/\| `aci_config\.vmm_domain\.encap_type` \| one of: vxlan, vlan \| `"vxlan"` \|/);
    expect(text).toMatch(/\| `kube_config\.node_snat_redirect_exclude\[\]\.labels` \| list of strings \|/);
  });

  it('leaves out the keys the tool sets itself', () => {
    const paths = referenceEntries().map((e) => e.path);
    for (const internal of ['flavor', 'operator_mode', 'discovered', 'user_input', 'user_config']) {
      expect(paths).not.toContain(internal);
    }
  });

  it('writes each description into its row', () => {
    const text = renderConfigReference();
    const sample = KEY_DESCRIPTIONS['net_config.infra_vlan'];
    expect(text).toContain(`| \`net_config.infra_vlan\` | integer, 1 to 4094, or empty | — | ${sample} |`);
  });
});

// The conformance comparer (test/support/compare.ts) itself: equal when only
// formatting, key order or request order differ; different otherwise.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { conformanceDir } from '../support/cli.js';
import { diffApic, diffKube, loadApic, loadKube } from '../support/compare.js';

const manifest = (spec: string, data: Record<string, string> = { 'controller-config': '{"a": 1, "b": [1, 2]}' }) =>
  [
    stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'aci-containers-system' } }),
    stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aci-containers-config' }, data }),
    stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aci-operator-config' }, data: { spec } }),
  ].join('---\n');

const inner = 'kind: Namespace\nmetadata:\n  name: x\n---\nkind: ConfigMap\nmetadata:\n  name: y\n';

describe('diffKube', () => {
  it('compares ConfigMap JSON values and the operator spec config as data', () => {
    const a = manifest(JSON.stringify({ flavor: 'k', config: Buffer.from(inner).toString('base64') }));
    const b = manifest(JSON.stringify({ config: inner, flavor: 'k' }), {
      'controller-config': '{\n  "b": [1, 2],\n  "a": 1\n}',
    });
    expect(loadKube(a)).toHaveLength(3);
    expect(diffKube(a, b)).toEqual([]);
  });

  it('finds a changed value, a missing document and a changed embedded manifest', () => {
    const a = manifest(JSON.stringify({ config: inner }));
    expect(diffKube(a, manifest(JSON.stringify({ config: inner }), { 'controller-config': '{"a": 2, "b": [1, 2]}' }))[0]).toContain(
      'doc 1 ConfigMap/aci-containers-config differs at /data/controller-config/a',
    );
    expect(diffKube(a, manifest(JSON.stringify({ config: inner.replace('name: y', 'name: z') })))).toHaveLength(1);
    expect(diffKube(a, a.split('---\n').slice(0, 2).join('---\n'))[0]).toMatch(
      /documents: expected 3, got 2; missing \["ConfigMap\/aci-operator-config"\]/,
    );
  });
});

describe('diffApic', () => {
  const dump =
    '/api/mo/uni/tn-kube.json\n{\n    "fvTenant": {"attributes": {"name": "kube", "dn": "uni/tn-kube"}}\n}\n/api/mo/uni/infra.json\nNone\n/api/mo/uni/tn-kube/ap-k.json\n{"fvAp": {"attributes": {"name": "k[}\\"x"}}}\n';

  it('parses blocks of path and JSON body (or None)', () => {
    expect(loadApic(dump).map((r) => r.path)).toEqual([
      '/api/mo/uni/tn-kube.json',
      '/api/mo/uni/infra.json',
      '/api/mo/uni/tn-kube/ap-k.json',
    ]);
    expect(loadApic(dump)[1].body).toBeNull();
    expect(loadApic(dump)[2].body).toEqual({ fvAp: { attributes: { name: 'k[}"x' } } });
  });

  it('ignores order and formatting, counts duplicates', () => {
    const reordered =
      '/api/mo/uni/tn-kube/ap-k.json\n{"fvAp":{"attributes":{"name":"k[}\\"x"}}}\n/api/mo/uni/infra.json\nNone\n/api/mo/uni/tn-kube.json\n{"fvTenant":{"attributes":{"dn":"uni/tn-kube","name":"kube"}}}\n';
    expect(diffApic(dump, reordered)).toEqual([]);
    expect(diffApic(dump, reordered + '/api/mo/uni/infra.json\nNone\n')).toEqual([
      'unexpected request /api/mo/uni/infra.json',
      '0 missing, 1 unexpected of 3 expected requests',
    ]);
    expect(diffApic(dump, reordered.replace('"kube"', '"kube2"'))).toContain('missing request /api/mo/uni/tn-kube.json');
  });
});

describe.skipIf(!existsSync(join(conformanceDir, 'testdata', 'base_case.kube.yaml')))('on the shared expected files', () => {
  const file = join(conformanceDir, 'testdata', 'base_case.kube.yaml');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';

  it('reads the operator spec config (base64) as the manifest it holds', () => {
    const cm = loadKube(text).find((d) => (d as { metadata?: { name?: string } }).metadata?.name === 'aci-operator-config') as {
      data: { spec: { config: unknown[] } };
    };
    expect(Array.isArray(cm.data.spec.config)).toBe(true);
    expect(cm.data.spec.config.length).toBeGreaterThan(10);
  });

  it('a re-serialized copy is equal, a changed image is not', () => {
    const redumped = parseAllDocuments(text, { version: '1.1' })
      .map((d) => stringify(d.toJS()))
      .join('---\n');
    expect(diffKube(text, redumped)).toEqual([]);
    expect(diffKube(text, redumped.replace(/image: (\S+)/, 'image: $1-changed'))).toHaveLength(1);
  });
});

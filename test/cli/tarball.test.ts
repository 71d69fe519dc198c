// The in-memory operator tarball is a gzip'd tar any tar reader extracts.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { extract } from 'tar';
import { describe, expect, it } from 'vitest';
import { operatorTarball } from '../../src/cli/output/tarball.js';

const files = [
  { name: 'cluster-network-04-Namespace-aci-containers-system.yaml', content: 'kind: Namespace\n' },
  { name: 'cluster-network-05-ConfigMap-x.yaml', content: 'data: ' + 'é'.repeat(700) + '\n' }, // > 1 block, multi-byte
  { name: `cluster-network-06-CustomResourceDefinition-${'a'.repeat(120)}.yaml`, content: '' }, // needs a pax name
];

describe('operatorTarball', () => {
  it('extracts with the tar package to the same names and contents, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-tar-'));
    const archive = join(dir, 'op.tar.gz');
    writeFileSync(archive, await operatorTarball(files, new Date('2026-01-01T00:00:00Z')));
    const out = join(dir, 'x');
    mkdirSync(out);
    const seen: string[] = [];
    await extract({ file: archive, cwd: out, onReadEntry: (e) => seen.push(e.path) });
    expect(seen).toEqual(files.map((f) => f.name));
    expect(readdirSync(out).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(readFileSync(join(out, f.name), 'utf8')).toBe(f.content);
  });

  it('is the same bytes for the same files and time', async () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(Buffer.from(await operatorTarball(files, t)).equals(Buffer.from(await operatorTarball(files, t)))).toBe(true);
  });

  it('GNU tar lists it too, when installed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-tar-'));
    const archive = join(dir, 'op.tar.gz');
    writeFileSync(archive, await operatorTarball(files));
    const r = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    if (r.error) return; // no tar binary on this machine
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(files.map((f) => f.name));
  });
});

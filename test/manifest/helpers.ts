// A small hand-made Config (fixtures/config.json: a kubernetes-1.35 cluster
// with default options) and helpers to vary it and look objects up.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config/types.js';
import { buildManifest, type KubeObject } from '../../src/manifest/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtureText = readFileSync(join(here, 'fixtures', 'config.json'), 'utf8');

type Tree = Record<string, unknown>;

/** The fixture with `patch` merged in (objects merge, other values replace). */
export function fixture(patch: Tree = {}): Config {
  const merge = (base: Tree, p: Tree): Tree => {
    for (const [k, v] of Object.entries(p)) {
      const b = base[k];
      if (v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)) merge(b as Tree, v as Tree);
      else base[k] = v;
    }
    return base;
  };
  return merge(JSON.parse(fixtureText) as Tree, patch) as unknown as Config;
}

export function objects(patch: Tree = {}): KubeObject[] {
  return buildManifest(fixture(patch)).objects;
}

export function find(objs: KubeObject[], kind: string, name: string): KubeObject | undefined {
  return objs.find((o) => o.kind === kind && o.metadata.name === name);
}

export function get(objs: KubeObject[], kind: string, name: string): any {
  const o = find(objs, kind, name);
  if (!o) throw new Error(`no ${kind}/${name}`);
  return o;
}

export function podSpec(objs: KubeObject[], kind: string, name: string): any {
  return get(objs, kind, name).spec.template.spec;
}

export function container(objs: KubeObject[], kind: string, name: string, containerName: string): any {
  const c = podSpec(objs, kind, name).containers.find((x: { name: string }) => x.name === containerName);
  if (!c) throw new Error(`no container ${containerName} in ${kind}/${name}`);
  return c;
}

export function configJson(objs: KubeObject[], key: string): any {
  return JSON.parse(get(objs, 'ConfigMap', 'aci-containers-config').data[key]);
}

// The configuration reference (docs/configuration.md), generated from the
// schema so the documented keys, types and defaults are the ones the loader
// enforces. Only the meanings are written by hand (reference-descriptions.ts);
// a test fails when a key has none or when the file on disk is stale.
import type { z as Z } from 'zod/v3';
import { RELEASE_VERSIONS } from './data/versions.js';
import { allFlavorNames, getFlavor, releaseKey } from './flavors.js';
import { KEY_DESCRIPTIONS } from './reference-descriptions.js';
import {
  configDefaults,
  configSchema,
  IMAGE_VERSION_KEYS,
  knownKeys,
  numberRange,
  unwrapSchema,
  type NumberRange,
  type SchemaDef,
} from './schema.js';

/** One documented key: its dotted path (`[]` for list items, `<name>` for map keys). */
export interface ReferenceEntry {
  path: string;
  type: string;
  /** The default as YAML-ish text, or undefined when the key has none. */
  default?: string;
  /** Whether `null` (an empty `key:`) is accepted. */
  nullable: boolean;
}

/** Strips default/optional/nullable wrappers; reports whether null is accepted. */
function unwrap(s: Z.ZodTypeAny): { inner: Z.ZodTypeAny; def: SchemaDef; nullable: boolean } {
  const nullable = { value: false };
  const inner = unwrapSchema(s, nullable);
  return { inner, def: inner._def as SchemaDef, nullable: nullable.value };
}

/** The integer range a number schema enforces. */
function numberType(range: NumberRange): string {
  const { min, max } = range;
  const base = range.integer ? 'integer' : 'number';
  if (min !== undefined && max !== undefined) return `${base}, ${min} to ${max}`;
  if (min !== undefined) return `${base}, at least ${min}`;
  if (max !== undefined) return `${base}, at most ${max}`;
  return base;
}

/** A short, user-facing name of a schema's type. */
function typeName(s: Z.ZodTypeAny): string {
  const { inner, def } = unwrap(s);
  const range = numberRange(inner);
  if (range) return numberType(range);
  switch (def.typeName) {
    case 'ZodString':
      return 'string';
    case 'ZodBoolean':
      return 'boolean';
    case 'ZodNumber':
      return 'number';
    case 'ZodEnum':
      return `one of: ${def.values!.join(', ')}`;
    case 'ZodLiteral':
      return JSON.stringify(def.value);
    case 'ZodArray': {
      const element = unwrap(def.type!).def;
      return element.typeName === 'ZodObject' ? 'list of mappings' : `list of ${plural(typeName(def.type!))}`;
    }
    case 'ZodObject':
      return 'mapping';
    case 'ZodRecord':
      return 'mapping of names to mappings';
    case 'ZodAny':
    case 'ZodUnknown':
      return 'any';
    case 'ZodUnion':
      return unionName(def.options!);
    default:
      return def.typeName.replace(/^Zod/, '').toLowerCase();
  }
}

function unionName(options: Z.ZodTypeAny[]): string {
  const names = options.map(typeName);
  // `enum | ""` reads better as one enumeration.
  const enums = names.filter((n) => n.startsWith('one of: '));
  if (enums.length === 1 && names.length === 2 && names.some((n) => n.startsWith('"'))) {
    return `${enums[0]}, ""`;
  }
  if (names.length === 2 && names[1] === `list of ${plural(names[0])}`) return `${names[0]} or ${names[1]}`;
  return names.join(' or ');
}

function plural(name: string): string {
  if (name === 'string' || name === 'boolean' || name === 'integer' || name === 'mapping') return `${name}s`;
  return name;
}

function formatDefault(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return Object.keys(v).length === 0 ? (Array.isArray(v) ? '[]' : '{}') : JSON.stringify(v);
  return String(v);
}

function lookup(tree: unknown, path: readonly string[]): unknown {
  let v = tree;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Every key a configuration file may hold, in schema order, sections before their keys. */
export function referenceEntries(): ReferenceEntry[] {
  const defaults = configDefaults();
  const root = knownKeys();
  // Keys the tool sets itself (flavor, discovery) are not the user's to write.
  const userKeys = root.kind === 'object' ? new Set(root.children.keys()) : new Set<string>();
  const out: ReferenceEntry[] = [];

  const walk = (shape: Record<string, Z.ZodTypeAny>, prefix: string, path: string[] | null): void => {
    for (const [key, schema] of Object.entries(shape)) {
      if (prefix === '' && !userKeys.has(key)) continue;
      const full = prefix ? `${prefix}.${key}` : key;
      const keyPath = path ? [...path, key] : null;
      const { def, nullable } = unwrap(schema);
      const isSection = def.typeName === 'ZodObject';
      out.push({
        path: full,
        type: typeName(schema),
        // Sections default to an empty mapping: not worth a cell.
        default: keyPath && !isSection ? formatDefault(lookup(defaults, keyPath)) : undefined,
        nullable,
      });
      if (isSection) walk(def.shape!(), full, keyPath);
      if (def.typeName === 'ZodArray') {
        const element = unwrap(def.type!).def;
        if (element.typeName === 'ZodObject') walk(element.shape!(), `${full}[]`, null);
      }
      if (def.typeName === 'ZodRecord') {
        const value = unwrap(def.valueType!).def;
        if (value.typeName === 'ZodObject') walk(value.shape!(), `${full}.<name>`, null);
      }
    }
  };
  walk((configSchema()._def as SchemaDef).shape!(), '', []);
  return out;
}

/** Schema keys without a written meaning (the test requires none). */
export function undocumentedKeys(): string[] {
  return referenceEntries()
    .map((e) => e.path)
    .filter((p) => !Object.prototype.hasOwnProperty.call(KEY_DESCRIPTIONS, p));
}

/** Meanings written for keys the schema no longer has (the test requires none). */
export function staleDescriptions(): string[] {
  const paths = new Set(referenceEntries().map((e) => e.path));
  return Object.keys(KEY_DESCRIPTIONS).filter((p) => !paths.has(p));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => `\`${text}\``;

function entryRow(e: ReferenceEntry, fromRelease: ReadonlySet<string>): string {
  const meaning = KEY_DESCRIPTIONS[e.path] ?? '(not described)';
  const def = e.default !== undefined ? code(e.default) : fromRelease.has(e.path) ? 'from the release' : '—';
  return `| ${code(e.path)} | ${cell(e.type)} | ${cell(def)} | ${cell(meaning)} |`;
}

/** The flavors in `--list-flavors` order, neighbours that change the same grouped. */
function flavorSection(): string[] {
  const groups = new Map<string, { names: string[]; family: string; visible: boolean; release: string; settings: string }>();
  for (const name of allFlavorNames()) {
    const f = getFlavor(name)!;
    const family = f.family ?? 'kubernetes';
    const settings = flatten(f.config ?? {})
      .map(([k, v]) => `${code(k)}: ${settingText(v)}`)
      .join(', ');
    const release = releaseKey(f.default_version) ?? String(f.default_version);
    const key = `${family}|${f.network ?? ''}|${!f.hidden}|${release}|${settings}`;
    const g = groups.get(key) ?? { names: [], family, visible: !f.hidden, release, settings };
    g.names.push(name);
    groups.set(key, g);
  }
  const lines = [
    '## Flavors',
    '',
    "The flavor (`-f`, required) names the cluster's distribution and release. Its family",
    'decides the outputs: `kubernetes`, `openshift`, `rke2`, `docker-ucp`, `k8s-overlay` and `k8s-aci-cilium`',
    "write the ACI CNI manifest; `rke` writes the `network:` section of RKE's cluster.yml;",
    "`calico` writes a tarball with the Tigera operator and Calico's resources. A flavor picks the",
    'ACI CNI release whose image versions fill `registry` (unless `registry.version` or the',
    "individual `*_version` keys are set) and layers a few settings between the tool's",
    'defaults and your file: a key you write always wins. Hidden flavors are accepted',
    'but not shown by `--list-flavors`.',
    '',
    '| Flavors | Family | Listed | Default release | Settings it adds |',
    '|---|---|---|---|---|',
  ];
  for (const g of groups.values()) {
    const span = g.names.length > 1 ? `${g.names[0]} … ${g.names[g.names.length - 1]}` : g.names[0];
    lines.push(`| ${span} | ${g.family} | ${g.visible ? 'yes' : 'no'} | ${g.release} | ${cell(g.settings) || '—'} |`);
  }
  return lines;
}

/** A flavor setting as shown: lists of mappings (contracts, filter entries) by their names. */
function settingText(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && 'name' in x)) {
    return `${v.length} entries (${v.map((x) => code(String((x as { name: unknown }).name))).join(', ')})`;
  }
  return code(JSON.stringify(v));
}

function flatten(tree: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(tree)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, p));
    else out.push([p, v]);
  }
  return out;
}

/** The release the newest flavor defaults to, and its image versions. */
function newestReleaseVersions(): { release: string; table: Record<string, string> } {
  const newest = allFlavorNames()
    .map((n) => getFlavor(n)!)
    .find((f) => (f.family ?? 'kubernetes') === 'kubernetes')!;
  const release = releaseKey(newest.default_version)!;
  return { release, table: RELEASE_VERSIONS[release] ?? {} };
}

/** The image versions the newest flavor's release fills in. */
function imageVersionSection(): string[] {
  const { release, table } = newestReleaseVersions();
  const keys = [...IMAGE_VERSION_KEYS, ...Object.keys(table).filter((k) => !(IMAGE_VERSION_KEYS as readonly string[]).includes(k))];
  const lines = [
    `### Image versions of release ${release}`,
    '',
    `What the current flavors (default release ${release}) put in \`registry\` for each version key you leave out.`,
    '',
    '| Key | Version |',
    '|---|---|',
  ];
  for (const k of keys) if (table[k] !== undefined) lines.push(`| ${code(`registry.${k}`)} | ${code(table[k])} |`);
  return lines;
}

/** docs/configuration.md, whole. */
export function renderConfigReference(): string {
  const entries = referenceEntries();
  const sections = entries.filter((e) => !e.path.includes('.'));
  const fromRelease = new Set(Object.keys(newestReleaseVersions().table).map((k) => `registry.${k}`));
  const lines: string[] = [
    '# Configuration reference',
    '',
    '<!-- Generated from src/config/schema.ts by renderConfigReference() in src/config/reference.ts;',
    '     meanings in src/config/reference-descriptions.ts. Do not edit by hand:',
    '     npm run build && node scripts/gen-docs.mjs -->',
    '',
    'Every key of the configuration file that `acc-provision -c FILE` reads, with its type,',
    'its default and what it does. `acc-provision --sample -f FLAVOR` prints a commented',
    'starting point; the [integration guide](integration.md) explains how the pieces fit.',
    '',
    'How to read the tables:',
    '',
    '- **Key** is the dotted path in the YAML file: `net_config.kubeapi_vlan` is',
    '  `kubeapi_vlan:` inside `net_config:`. `[]` marks the keys of each item of a list,',
    '  `<name>` a key you choose.',
    '- **Type**: a value of another type is rejected with the key, the value and the rule.',
    '  Integer ranges are enforced. A number may be quoted (`kubeapi_vlan: "4001"`): it',
    '  is read as the number, with the same outputs. A key that also accepts an empty value (`key:` with',
    '  nothing after it, or `null`) says "or empty"; empty means the same as leaving it out.',
    '- **Default** is what the tool uses when the key is absent. `—` means no fixed default:',
    '  the key is either required, derived from other keys (the meaning says from which) or',
    '  left out of the generated files.',
    '- Keys the tool does not know are reported with a warning that names the nearest',
    '  known key, then ignored. When the file also has errors, the warning is printed with',
    '  them, and an error about the key it was likely meant to be names the misspelling.',
    '- A YAML syntax error points at the line where the broken construct (an unclosed',
    '  `[`, `{` or quote, a key indented under a value) starts.',
    '',
    '## Sections',
    '',
  ];
  for (const s of sections) lines.push(`- [${code(s.path)}](#${s.path}): ${KEY_DESCRIPTIONS[s.path] ?? ''}`);
  lines.push('- [Flavors](#flavors)', '');
  for (const s of sections) {
    lines.push(`## ${s.path}`, '', KEY_DESCRIPTIONS[s.path] ?? '', '');
    const rows = entries.filter((e) => e.path.startsWith(`${s.path}.`));
    if (rows.length === 0) {
      lines.push(`\`${s.path}\` is a ${s.type}.`, '');
      continue;
    }
    lines.push('| Key | Type | Default | Meaning |', '|---|---|---|---|');
    for (const e of rows) lines.push(entryRow({ ...e, type: e.nullable ? `${e.type}, or empty` : e.type }, fromRelease));
    lines.push('');
    if (s.path === 'registry') lines.push(...imageVersionSection(), '');
  }
  lines.push(...flavorSection(), '');
  return lines.join('\n');
}

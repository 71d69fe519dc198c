#!/usr/bin/env node
// Writes docs/configuration.md from the built generator (run `npm run build`
// first): node scripts/gen-docs.mjs [--check]
// With --check it writes nothing and exits 1 when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(repo, 'docs/configuration.md');
const { renderConfigReference, undocumentedKeys } = await import(resolve(repo, 'dist/config/reference.js'));

const missing = undocumentedKeys();
if (missing.length > 0) {
  process.stderr.write(`keys without a description in src/config/reference-descriptions.ts:\n  ${missing.join('\n  ')}\n`);
}
const text = renderConfigReference();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is out of date.
  }
  if (current !== text) {
    process.stderr.write('docs/configuration.md is out of date: npm run build && node scripts/gen-docs.mjs\n');
    process.exit(1);
  }
  process.exit(missing.length > 0 ? 1 : 0);
}
writeFileSync(target, text);
process.stdout.write(`wrote ${target}\n`);

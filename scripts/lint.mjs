#!/usr/bin/env node
// `npm run lint`: ESLint (type-aware, eslint.config.js) and Prettier's check,
// side by side, each with its cache in node_modules/.cache (a re-run reads
// only the files that changed). Exit 1 when either finds a problem.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => resolve(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => done(code ?? 1));
    child.on('error', () => done(1));
  });

const codes = await Promise.all([
  run(bin('eslint'), [
    '--cache',
    '--cache-location',
    'node_modules/.cache/eslint/',
    'src',
    'test',
    'bench',
    'scripts',
    'eslint.config.js',
    'vitest.config.ts',
  ]),
  run(bin('prettier'), ['--check', '--cache', '--log-level', 'warn', 'src', 'test', 'bench', 'scripts']),
]);
process.exitCode = codes.some((c) => c !== 0) ? 1 : 0;

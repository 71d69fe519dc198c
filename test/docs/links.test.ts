// Every relative link in README.md and docs/*.md points at a file of the
// repository (and, for a Markdown file with #anchor, at one of its headings).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { headingAnchors, isExternal, markdownLinks, slug } from './markdown-links.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function documents(): string[] {
  const docs = resolve(repo, 'docs');
  const files = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith('.md'))
        .map((f) => resolve(docs, f))
    : [];
  return [resolve(repo, 'README.md'), ...files.sort()];
}

/** Problems with one file's relative links, as `file:line: target: why`. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const problems: string[] = [];
  for (const link of markdownLinks(text)) {
    if (isExternal(link.target)) continue;
    const [pathPart, anchor] = link.target.split('#', 2) as [string, string | undefined];
    const path = decodeURIComponent(pathPart.split('?')[0]);
    const where = `${relative(repo, file)}:${link.line}: ${link.target}`;
    const resolved = path === '' ? file : resolve(dirname(file), path);
    if (!resolved.startsWith(repo)) {
      problems.push(`${where}: leaves the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      if (!headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)) problems.push(`${where}: no heading with this anchor`);
    }
  }
  return problems;
}

describe('documentation links', () => {
  it('finds the documents to check', () => {
    expect(existsSync(resolve(repo, 'README.md'))).toBe(true);
    expect(documents().length).toBeGreaterThan(1);
  });

  for (const file of documents()) {
    it(`${relative(repo, file)}: every relative link resolves`, () => {
      expect(brokenLinks(file)).toEqual([]);
    });
  }
});

describe('link extraction', () => {
  it('reads inline, reference and HTML links, skipping code', () => {
    const text = [
      'See [the guide](docs/integration.md#step-1) and ![fig](img/a.png "A").',
      '[ref]: ./other.md',
      '<a href="x.md">x</a>',
      '`[not](a-link.md)`',
      '```',
      '[also not](in-code.md)',
      '```',
      '[web](https://example.com)',
    ].join('\n');
    expect(markdownLinks(text).map((l) => l.target)).toEqual([
      'docs/integration.md#step-1',
      'img/a.png',
      './other.md',
      'x.md',
      'https://example.com',
    ]);
    expect(isExternal('https://example.com')).toBe(true);
    expect(isExternal('docs/a.md')).toBe(false);
  });

  it('derives anchors as GitHub does', () => {
    expect(slug('Step 3: provisioning (`-a`)')).toBe('step-3-provisioning--a');
    expect(slug('`acc-provision node-config`')).toBe('acc-provision-node-config');
    expect([...headingAnchors('# A\n## A\n```\n# B\n```\n')]).toEqual(['a', 'a-1']);
  });

  it('reports a link to a missing file and a missing anchor', () => {
    // brokenLinks reads from disk: check against this very test's folder.
    const problems = brokenLinks(resolve(repo, 'test/docs/fixtures/broken.md'));
    expect(problems).toEqual([
      'test/docs/fixtures/broken.md:3: missing.md: no such file',
      'test/docs/fixtures/broken.md:4: ../../../docs/configuration.md#no-such-heading: no heading with this anchor',
    ]);
  });
});

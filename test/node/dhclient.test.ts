// The dhclient file, parsed by the real ISC dhclient.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDhclient } from '../../src/node/dhclient.js';
import { findTool, INVENTORY, nodesOf, params } from './helpers.js';

const dhclient = findTool('dhclient');
const dir = mkdtempSync(join(tmpdir(), 'acc-dhclient-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * dhclient has no parse-only mode: run it in the foreground with no
 * interface to configure (-n) and a no-op script, collect what it says until
 * it starts listening (parsing is over by then), and stop it.
 */
function parseMessages(conf: string): Promise<string> {
  const file = join(dir, 'test.conf');
  writeFileSync(file, conf);
  return new Promise((resolve, reject) => {
    const child = spawn(dhclient!, [
      '-4',
      '-d',
      '-n',
      '-v',
      '-cf',
      file,
      '-pf',
      join(dir, 'pid'),
      '-lf',
      join(dir, 'leases'),
      '-sf',
      '/bin/true',
    ]);
    let text = '';
    const done = () => {
      child.kill('SIGTERM');
      resolve(text);
    };
    const onData = (b: Buffer) => {
      text += b.toString();
      if (/Sending on|exiting|No broadcast interfaces/i.test(text)) done();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', () => resolve(text));
  });
}

describe.skipIf(!dhclient)('dhclient parses the file (Debian package isc-dhcp-client)', () => {
  it('reports no syntax error for the generated file', async () => {
    const messages = await parseMessages(renderDhclient(nodesOf(INVENTORY)[0], params).content);
    expect(messages).toContain('Internet Systems Consortium DHCP Client');
    expect(messages).not.toMatch(/line \d+:/);
  });

  it('would report one (the check is real)', async () => {
    const messages = await parseMessages('send host-name gethostname();\n');
    expect(messages).toMatch(/line 1: /);
  });
});

if (!dhclient) console.warn('dhclient not installed: install the Debian package isc-dhcp-client to run the dhclient parse test');

// NODE_EXTRA_CA_CERTS handed over by bin/acc-provision: put back for child
// processes, and added to the default trust where the APIC client uses it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { describe, expect, it, vi } from 'vitest';
import { defaultTrust } from '../../src/apic/dispatcher.js';
import { HANDED_OVER, handedOverExtraCa, restoreExtraCaVariable } from '../../src/apic/extra-ca.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

describe('NODE_EXTRA_CA_CERTS hand-over', () => {
  it('nothing handed over: the environment stays as it is and Node keeps its own default trust', () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/etc/own.pem' };
    restoreExtraCaVariable(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/etc/own.pem' });
    expect(handedOverExtraCa()).toBeUndefined();
    expect(defaultTrust()).toBeUndefined();
  });

  it('handed over: the variable is back for child processes, and the default trust holds the roots plus the file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'acc-extra-ca-')), 'corp-ca.pem');
    writeFileSync(file, PEM);
    const env: NodeJS.ProcessEnv = { [HANDED_OVER]: file, PATH: '/bin' };
    restoreExtraCaVariable(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: file, PATH: '/bin' });
    expect(handedOverExtraCa()).toBe(file);
    const trust = defaultTrust();
    expect(trust).toHaveLength(rootCertificates.length + 1);
    expect(trust?.at(-1)).toBe(PEM);
  });

  it('an unreadable file is skipped with a warning, as Node does at start', () => {
    const missing = join(tmpdir(), 'acc-no-such-dir', 'ca.pem');
    restoreExtraCaVariable({ [HANDED_OVER]: missing });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    expect(defaultTrust()).toBeUndefined();
    expect(String(warn.mock.calls[0]?.[0])).toContain(missing);
    warn.mockRestore();
  });
});

// `acc-provision demo` (npm start): the whole integration against an embedded
// apic-sim, run in-process through the real command entry point.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { main } from '../../src/cli/main.js';
import { demoConfig, exampleInventory, runDemo } from '../../src/demo/demo.js';

const dir = mkdtempSync(join(tmpdir(), 'acc-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo', () => {
  it('provisions, re-provisions with no change, configures three nodes and verifies, all with exit 0', async () => {
    const passBefore = process.env.ACC_PROVISION_PASS;
    const said: string[] = [];
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (printed.push(String(s)), true));
    const result = await runDemo({ dir, run: (argv) => main(argv), say: (l) => said.push(l) }).finally(() => spy.mockRestore());
    expect(result.steps.map((s) => [s.argv[0] === '-c' ? 'provision' : s.argv[0], s.code])).toEqual([
      ['provision', 0],
      ['provision', 0],
      ['node-config', 0],
      ['cluster', 0],
      ['verify', 0],
    ]);
    // Verify covers the running cluster too: nodes, namespaces and the L4-L7 objects of two LoadBalancer services.
    const said_ = printed.join('');
    expect(said_).toContain('Running cluster: VMM inventory and L4-L7 services');
    expect(said_).toMatch(/PASS {2}Node node-3 /);
    expect(said_).toMatch(/PASS {2}Deployed graph instance of service default\/lb-2 /);
    expect(said_).not.toMatch(/^ {2}FAIL /m);
    expect(result.code).toBe(0);
    expect(result.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(said.join('\n')).toContain(`fabric view: ${result.url}`);

    // What a user takes away: the manifest, the dump, the certificate pair, node files.
    const kinds = parseAllDocuments(readFileSync(join(dir, 'aci-containers.yaml'), 'utf8')).map((d) => d.toJS()?.kind);
    expect(kinds).toContain('DaemonSet');
    expect(readFileSync(join(dir, 'apic-requests.txt'), 'utf8')).toContain('/api/mo/uni/tn-mykube.json');
    expect(statSync(join(dir, 'user-mykube.key')).mode & 0o777).toBe(0o600);
    for (const n of ['node-1', 'node-2', 'node-3']) {
      expect(existsSync(join(dir, 'nodes', n, 'etc/netplan/01-aci.yaml'))).toBe(true);
    }
    // The simulator is gone once the demo ends.
    await expect(fetch(result.url)).rejects.toThrow();
    // The demo hands its password to the commands through the environment, then restores it.
    expect(process.env.ACC_PROVISION_PASS).toBe(passBefore);
  });

  it('refuses to overwrite cfg.yaml or nodes.yaml in --dir unless --force', async () => {
    const own = mkdtempSync(join(tmpdir(), 'acc-demo-own-'));
    try {
      writeFileSync(join(own, 'cfg.yaml'), '# my edited configuration\n');
      const run = vi.fn(async () => 0);
      await expect(runDemo({ dir: own, run, say: () => undefined })).rejects.toThrow(/cfg\.yaml.*already exists.*--force/);
      expect(run).not.toHaveBeenCalled();
      expect(readFileSync(join(own, 'cfg.yaml'), 'utf8')).toBe('# my edited configuration\n');
      // Through the command line: exit 1, the file named, nothing replaced.
      const errs: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (errs.push(String(s)), true));
      let code: number;
      try {
        code = await main(['demo', '--dir', own]);
      } finally {
        spy.mockRestore();
      }
      expect(code).toBe(1);
      expect(errs.join('')).toContain(join(own, 'cfg.yaml'));
      expect(readFileSync(join(own, 'cfg.yaml'), 'utf8')).toBe('# my edited configuration\n');
      // --force replaces it.
      const forced = await runDemo({ dir: own, force: true, run, runSim: run, say: () => undefined });
      expect(forced.code).toBe(0);
      expect(readFileSync(join(own, 'cfg.yaml'), 'utf8')).toContain('apic_hosts');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('points the sample configuration at the simulator and trusts its certificate', () => {
    const cfg = demoConfig('127.0.0.1:9443', '/d', '/d/ca.pem');
    expect(cfg).toContain('- 127.0.0.1:9443');
    expect(cfg).toContain('apic_tls_cert: /d/ca.pem');
    expect(cfg).toContain('certfile: /d/user-mykube.crt');
    expect(exampleInventory().match(/node_ip: 10\.1\.0\.\d+/g)).toHaveLength(3);
  });
});

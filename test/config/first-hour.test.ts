// What a user moving from the Python tool hits first in a configuration file:
// quoted numbers, a misspelt key and the errors it causes, a YAML syntax
// error far from where the parser notices it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { edit, load, problemsOf, VALID } from './helpers.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('quoted numbers', () => {
  it('are read as the numbers they spell, for every number key, giving the same configuration', () => {
    const quoted =
      edit('kubeapi_vlan:', 'kubeapi_vlan: "4001"', edit('service_vlan:', "service_vlan: '4003'", VALID)) +
      '  interface_mtu: "8900"\n  pod_subnet_chunk_size: " 32 "\nkube_config:\n  snat_operator:\n    port_range:\n      start: "5000"\n';
    const plain =
      edit('kubeapi_vlan:', 'kubeapi_vlan: 4001', VALID) +
      '  interface_mtu: 8900\n  pod_subnet_chunk_size: 32\nkube_config:\n  snat_operator:\n    port_range:\n      start: 5000\n';
    const q = load(quoted).config;
    const p = load(plain).config;
    expect(q.net_config.kubeapi_vlan).toBe(4001);
    expect(q.net_config.service_vlan).toBe(4003);
    expect(q.net_config.interface_mtu).toBe(8900);
    // Everything but the file's own text (which the operator re-reads) is the same.
    const strip = (c: Record<string, unknown>) =>
      JSON.stringify({ ...c, user_input: undefined, user_config: { ...(c.user_config as object), user_input: undefined } });
    expect(strip(q as unknown as Record<string, unknown>)).toBe(strip(p as unknown as Record<string, unknown>));
  });

  it('a quoted non-number, or a number where a string is expected, is not converted', () => {
    expect(problemsOf(edit('kubeapi_vlan:', 'kubeapi_vlan: "40a1"'))).toEqual([
      expect.objectContaining({ field: 'net_config.kubeapi_vlan', value: '40a1', rule: 'must be an integer from 1 to 4094' }),
    ]);
    // A string key keeps a quoted number as written.
    expect(load(edit('name: kube', 'name: "0123"')).config.aci_config.vrf.name).toBe('0123');
  });

  it('the command line writes byte-identical outputs for quoted and unquoted numbers', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'acc-quoted-'));
    dirs.push(dir);
    const sample = runCli(['--sample', '-f', 'kubernetes-1.35']).stdout.replace(/^ {2}# interface_mtu: 1600 .*$/m, '  interface_mtu: 8900');
    const quoted = sample
      .replace('kubeapi_vlan: 4001', 'kubeapi_vlan: "4001"')
      .replace('interface_mtu: 8900', 'interface_mtu: "8900"')
      .replace('service_vlan: 4003', "service_vlan: '4003'");
    expect(quoted).not.toBe(sample);
    writeFileSync(join(dir, 'plain.yaml'), sample);
    writeFileSync(join(dir, 'quoted.yaml'), quoted);
    for (const name of ['plain', 'quoted']) {
      const r = runCli(
        ['-c', `${name}.yaml`, '-f', 'kubernetes-1.35', '-o', `${name}.out.yaml`, '--apic-dump', `${name}.apic.txt`, '-t', 'same'],
        { cwd: dir },
      );
      expect(r.status, r.stderr).toBe(0);
    }
    expect(readFileSync(join(dir, 'quoted.out.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'plain.out.yaml'), 'utf8'));
    expect(readFileSync(join(dir, 'quoted.apic.txt'), 'utf8')).toBe(readFileSync(join(dir, 'plain.apic.txt'), 'utf8'));
    // The values are numbers in the manifest, as the Python tool writes them for unquoted numbers.
    expect(readFileSync(join(dir, 'quoted.out.yaml'), 'utf8')).toContain('"kubeapi-vlan": 4001,');
    expect(readFileSync(join(dir, 'quoted.out.yaml'), 'utf8')).toContain('"interface-mtu": 8900,');
  });
});

describe('a misspelt key', () => {
  it('is named, with its "did you mean", next to the errors it causes', () => {
    const text = VALID.replace('  kubeapi_vlan: 4001', '  kubeapi_vlam: 4001');
    let err: InputError | undefined;
    try {
      load(text);
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.warnings).toEqual(['cfg.yaml:24:17: net_config.kubeapi_vlam: unknown key, ignored; did you mean net_config.kubeapi_vlan?']);
    const vlan = err!.problems.find((p) => p.field === 'net_config.kubeapi_vlan');
    expect(vlan?.rule).toMatch(/\(the file has net_config\.kubeapi_vlam at cfg\.yaml:24:17: did you mean net_config\.kubeapi_vlan\?\)$/);
  });

  it('a misspelt section explains every problem under it, on the command line too', () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'acc-misspelt-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'cfg.yaml'), VALID.replace('net_config:', 'net_cofig:'));
    const r = runCli(['-c', 'cfg.yaml', '-f', 'kubernetes-1.35', '-o', 'out.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('WARN: cfg.yaml:18:1: net_cofig: unknown key, ignored; did you mean net_config?');
    const errs = r.stderr.split('\n').filter((l) => l.startsWith('ERR:'));
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.filter((l) => l.includes('net_config.')).every((l) => l.includes('did you mean net_config?'))).toBe(true);
    // The warning comes before the errors it explains.
    expect(r.stderr.indexOf('WARN: cfg.yaml:18:1')).toBeLessThan(r.stderr.indexOf('ERR:'));
  });
});

describe('a YAML syntax error', () => {
  const at = (text: string) => problemsOf(text).map((p) => `${p.at} ${p.rule}`);
  it('points at the line where the broken construct starts, once', () => {
    expect(at('aci_config:\n  system_id: kube\n   bad: [\n')).toEqual([expect.stringMatching(/^cfg\.yaml:3:4 not valid YAML/)]);
    // An unclosed flow sequence noticed lines later.
    expect(at('aci_config:\n  system_id: [kube\n  aep: x\nnet_config:\n  a: 1\n')).toEqual([
      expect.stringMatching(/^cfg\.yaml:2:14 not valid YAML/),
    ]);
    // An unclosed quote, ignoring quotes in comments and apostrophes in plain values.
    expect(at("# it's a comment\naci_config:\n  system_id: don't\n  aep: \"kube\n  vrf: x\n")).toEqual([
      expect.stringMatching(/^cfg\.yaml:4:8 not valid YAML: Missing closing "quote/),
    ]);
    // A bracket inside a comment is not an opener.
    expect(at('a: x # [ comment\nb: [1, 2\n')).toEqual([expect.stringMatching(/^cfg\.yaml:2:4 /)]);
  });

  it('in a node inventory too', async () => {
    const { parseInventory } = await import('../../src/node/inventory.js');
    expect(() => parseInventory('nodes:\n- name: n1\n  uplink: [ens192\n  node_ip: 10.1.0.11\n- name: n2\n', 'nodes.yaml')).toThrow(/./);
    try {
      parseInventory('nodes:\n- name: n1\n  uplink: [ens192\n  node_ip: 10.1.0.11\n- name: n2\n', 'nodes.yaml');
    } catch (e) {
      expect((e as InputError).problems[0].at).toBe('nodes.yaml:3:11');
    }
  });
});

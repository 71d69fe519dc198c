// bin/acc-provision spawned against apic-sim (HTTPS, in this process): the
// real command line, exit codes, what goes to stdout/stderr and to disk.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSchema } from '../../src/sim/seed.js';
import { clusterYaml, sharedSeed } from './support/cluster.js';
import { BUILD_TIMEOUT, ensureBuilt } from '../support/cli.js';
import { deadPort, FLAVOR, PASSWORD, REJECT_WRITES, spawnCli, startFabric, testCert, type Fabric } from './support/fabric.js';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
let dir: string;
let fabric: Fabric;
let hostPort: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'acc-e2e-cli-'));
  writeFileSync(join(dir, 'apic-ca.pem'), (await testCert()).cert);
});
beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fresh(seed = sharedSeed(), opts: Parameters<typeof startFabric>[1] = {}): Promise<void> {
  await fabric?.close();
  fabric = await startFabric(seedSchema.parse(seed), opts);
  hostPort = fabric.sim.url.replace(/^https:\/\//, '');
}
afterAll(async () => fabric?.close());

function config(systemId: string, n: number, extra = ''): string {
  const file = join(dir, `${systemId}.yaml`);
  const text = clusterYaml({ systemId, n, apicHost: hostPort, certDir: dir }).replace('aci_config:\n', `aci_config:\n${extra}`);
  writeFileSync(file, text);
  return file;
}

const env = { ACC_PROVISION_PASS: PASSWORD };

describe('acc-provision -a / -d', () => {
  it('-a provisions, then writes the manifest and a new key pair; a second -a sends no write; -d removes it; a second -d does nothing', async () => {
    await fresh();
    const cfg = config('iota', 1, `  apic_tls_cert: ${join(dir, 'apic-ca.pem')}\n`);
    const out = join(dir, 'iota-out.yaml');
    // Which of Node's own modules the run loads, written as it exits.
    const preload = join(dir, 'modules.cjs');
    const loaded = join(dir, 'iota-modules.txt');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));\n`,
    );
    const first = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', out, '-a', '-u', 'admin'], {
      cwd: dir,
      env: { ...env, NODE_OPTIONS: `--require ${preload}` },
    });
    expect(first.stderr).not.toMatch(STACK);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/\[1\/\d\] POST uni \(\d+ subtrees in one transaction\)/);
    expect(first.stderr).toMatch(/Applied: \d+ created/);
    // The CA is given, so no warning about an unverified APIC.
    expect(first.stderr).not.toMatch(/not verified/);
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);
    expect(readFileSync(out, 'utf8')).toContain('aci-containers-config');
    expect(statSync(join(dir, 'user-iota.key')).mode & 0o777).toBe(0o600);
    const cert = readFileSync(join(dir, 'user-iota.crt'), 'utf8');
    expect(fabric.rows().get('uni/userext/user-iota/usercert-iota.crt')?.attrs['data']).toBe(cert);
    // From the bundle, undici's HTTP/2 client (and node:http2 with it) is left out: the APIC client never offers h2.
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('NativeModule tls');
    expect(modules).not.toContain('NativeModule http2');

    // Any write now fails: the second run must send none.
    fabric.sim.faults.set(REJECT_WRITES);
    const second = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', out, '-a', '-u', 'admin'], { cwd: dir, env });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/Nothing to do/);
    expect(second.stderr).toMatch(/Reusing existing certs/);
    fabric.sim.faults.set([]);

    const gone = join(dir, 'iota-del.yaml');
    const del = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', gone, '-d', '-u', 'admin'], { cwd: dir, env });
    expect(del.status, del.stderr).toBe(0);
    expect(del.stderr).toMatch(/Deleted: \d+ delete requests sent/);
    expect(existsSync(gone)).toBe(false);
    expect(fabric.rows().has('uni/tn-iota')).toBe(false);
    expect(fabric.rows().has('uni/infra/attentp-shared-aep')).toBe(true);

    fabric.sim.faults.set(REJECT_WRITES);
    const again = await spawnCli(['-c', cfg, '-f', FLAVOR, '-d', '-u', 'admin'], { cwd: dir, env });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/Nothing to delete/);
    fabric.sim.faults.set([]);
  });

  it('a run killed midway is completed by the next one', async () => {
    let writes = 0;
    let kill: (() => void) | undefined;
    await fresh(sharedSeed(), {
      faults: [{ path: '^/api/(node/)?mo/', method: 'POST', latencyMs: 150 }],
      // Killed once the APIC has taken the write, before the answer reaches the run.
      onChange: () => {
        if (++writes === 1) kill?.();
      },
    });
    const cfg = config('kappa', 2);
    const killed = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', '/dev/null', '-a'], {
      cwd: dir,
      env,
      onSpawn: (k) => (kill = k),
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(fabric.rows().has('uni/tn-kappa')).toBe(true);
    fabric.sim.faults.set([]);
    const out = join(dir, 'kappa-out.yaml');
    const resumed = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', out, '-a'], { cwd: dir, env });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('aci-containers-config');
    fabric.sim.faults.set(REJECT_WRITES);
    const done = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', '/dev/null', '-a'], { cwd: dir, env });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stderr).toMatch(/Nothing to do/);
    fabric.sim.faults.set([]);
  });

  it('missing prerequisites: each is named, exit 1, nothing sent, no file written', async () => {
    await fresh({ vrfs: [{ tenant: 'common', name: 'shared-vrf' }] });
    const cfg = config('lambda', 3);
    const out = join(dir, 'lambda-out.yaml');
    const before = fabric.rows();
    const r = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', out, '-a'], { cwd: dir, env });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(
      /ERR: +aci_config\.aep = "shared-aep": no such attachable entity profile \(AEP\) on the APIC \(uni\/infra\/attentp-shared-aep\)/,
    );
    expect(r.stderr).toMatch(/ERR: +aci_config\.l3out\.name = "shared-l3out": no such L3Out/);
    expect(fabric.rows()).toEqual(before);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'user-lambda.key'))).toBe(false);
  });

  it('half a certificate pair: -a refuses before its first request (the pair is looked at before the login)', async () => {
    const requests: string[] = [];
    await fresh(sharedSeed(), { log: (line) => requests.push(line) });
    const cfg = config('pi', 8);
    writeFileSync(join(dir, 'user-pi.crt'), 'the certificate the APIC trusts');
    const r = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', join(dir, 'pi-out.yaml'), '-a'], { cwd: dir, env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERR: +aci_config\.sync_login\.keyfile = ".*user-pi\.key": is missing while its certificate/);
    expect(r.stderr).not.toMatch(/Logging in/);
    expect(requests).toEqual([]);
    expect(readFileSync(join(dir, 'user-pi.crt'), 'utf8')).toBe('the certificate the APIC trusts');
    expect(existsSync(join(dir, 'pi-out.yaml'))).toBe(false);
  });

  it('--dpu without a DPU in the configuration: -a refuses before its first request', async () => {
    const requests: string[] = [];
    await fresh(sharedSeed(), { log: (line) => requests.push(line) });
    const cfg = config('rho', 9);
    const r = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', join(dir, 'rho-out.yaml'), '--dpu', join(dir, 'rho-dpu.yaml'), '-a'], {
      cwd: dir,
      env,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERR: +--dpu: needs dpu_config\.enable: true/);
    expect(requests).toEqual([]);
    expect(existsSync(join(dir, 'rho-out.yaml'))).toBe(false);
  });

  it('a wrong password fails the login with exit 1, without echoing it', async () => {
    await fresh();
    const cfg = config('mu', 4);
    const r = await spawnCli(['-c', cfg, '-f', FLAVOR, '-o', '/dev/null', '-a', '-p', 'Wrong-pw-123'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERR: +APIC: login to .* failed/);
    expect(r.stderr).not.toContain('Wrong-pw-123');
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('flags', () => {
  it('--plan needs -a or -d (usage, exit 2); -a needs a password (exit 1); neither contacts the APIC', async () => {
    await fresh();
    const cfg = config('omicron', 7);
    const plan = await spawnCli(['-c', cfg, '-f', FLAVOR, '--plan'], { cwd: dir, env });
    expect(plan.status).toBe(2);
    expect(plan.stderr).toMatch(/ERR: +--plan: goes with -a/);
    const nopw = await spawnCli(['-c', cfg, '-f', FLAVOR, '-a', '-o', join(dir, 'omicron-out.yaml')], { cwd: dir });
    expect(nopw.status).toBe(1);
    expect(nopw.stderr).toMatch(/ERR: +.*aci_config\.apic_login\.password: required to log in to the APIC/);
    expect(nopw.stderr).not.toMatch(/Logging in/);
    expect(existsSync(join(dir, 'omicron-out.yaml'))).toBe(false);
  });
});

describe('acc-provision plan', () => {
  it('prints the plan (text and JSON), writes nothing and sends no write', async () => {
    await fresh();
    const cfg = config('nu', 5);
    fabric.sim.faults.set(REJECT_WRITES);
    const text = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin', '-p', PASSWORD], { cwd: dir });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^\+ create {2}fvTenant uni\/tn-nu \(\+\d+ inside\)$/m);
    expect(text.stdout).toMatch(/^Plan: \d+ to create, \d+ to update, 0 to replace, 0 to delete, \d+ unchanged; \d+ requests? to send\.$/m);
    const json = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '--output-format', 'json'], { cwd: dir, env });
    expect(json.status, json.stderr).toBe(0);
    const plan = JSON.parse(json.stdout) as { summary: { requests: number }; requests: Array<{ path: string }> };
    // A new cluster: every root below uni in one transaction, then the VMM inventory.
    expect(plan.requests[0].path).toBe('/api/mo/uni.json');
    expect(plan.requests.slice(1).every((r) => r.path.startsWith('/api/mo/comp/'))).toBe(true);
    expect(json.stdout + json.stderr + text.stdout + text.stderr).not.toContain(PASSWORD);
    expect(existsSync(join(dir, 'user-nu.crt'))).toBe(false);
    expect(fabric.rows().has('uni/tn-nu')).toBe(false);

    const flag = await spawnCli(['-c', cfg, '-f', FLAVOR, '-a', '--plan'], { cwd: dir, env });
    expect(flag.status, flag.stderr).toBe(0);
    expect(flag.stdout).toMatch(/^Plan: /m);
    fabric.sim.faults.set([]);
  });

  it('fails over from a dead first APIC in apic_hosts', async () => {
    await fresh();
    const cfg = config('xi', 6);
    const port = await deadPort();
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(`  - ${hostPort}\n`, `  - 127.0.0.1:${port}\n  - ${hostPort}\n`));
    expect(readFileSync(cfg, 'utf8')).toContain(`- 127.0.0.1:${port}\n  - ${hostPort}`);
    const r = await spawnCli(['plan', '-c', cfg, '-f', FLAVOR, '-u', 'admin'], { cwd: dir, env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Plan: /m);
  });
});

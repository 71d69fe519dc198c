// A broad Ansible playbook (the cisco.aci collection, 50+ modules) against
// apic-sim over HTTPS: create, query one, query all, update, check mode,
// delete, with no failed task; a second run of the build changes nothing but
// aci_aaa_user with a password (documented by the collection as not
// idempotent). Needs ansible-playbook: Debian packages ansible python3-lxml
// python3-dateutil.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../../src/sim/server.js';
import { PASSWORD, testTls } from './helpers.js';

const run = promisify(execFile);
const playbooks = join(import.meta.dirname, 'ansible');

async function ansiblePresent(): Promise<boolean> {
  try {
    await run('ansible-playbook', ['--version']);
    return true;
  } catch {
    return false;
  }
}
const present = await ansiblePresent();
if (!present)
  console.warn('skipping the Ansible playbook test: ansible-playbook not found (Debian packages ansible python3-lxml python3-dateutil)');

interface TaskResult {
  name: string;
  changed: boolean;
  failed: boolean;
  msg?: string;
}
interface PlayRun {
  tasks: TaskResult[];
  stats: { ok: number; changed: number; failures: number; unreachable: number };
}

let sim: RunningSim;
let dir: string;

async function playbook(file: string): Promise<PlayRun> {
  const env = {
    ...process.env,
    ANSIBLE_STDOUT_CALLBACK: 'json',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
    ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
    ANSIBLE_RETRY_FILES_ENABLED: 'false',
  };
  let stdout: string;
  try {
    ({ stdout } = await run('ansible-playbook', ['-e', `@${join(dir, 'vars.yml')}`, join(playbooks, file)], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (e) {
    // A failed task exits non-zero; the JSON on standard output still tells which.
    stdout = (e as { stdout?: string }).stdout ?? '';
    if (!stdout.trim().startsWith('{')) throw e;
  }
  const out = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    plays: { tasks: { task: { name: string }; hosts: Record<string, { changed?: boolean; failed?: boolean; msg?: string }> }[] }[];
    stats: Record<string, PlayRun['stats']>;
  };
  const tasks = out.plays.flatMap((p) =>
    p.tasks.map((t) => {
      const h = t.hosts.localhost ?? {};
      return { name: t.task.name, changed: h.changed === true, failed: h.failed === true, msg: h.msg };
    }),
  );
  return { tasks, stats: out.stats.localhost };
}

const failures = (r: PlayRun) => r.tasks.filter((t) => t.failed).map((t) => `${t.name}: ${t.msg}`);

describe.skipIf(!present)('Ansible cisco.aci against apic-sim', () => {
  beforeAll(async () => {
    sim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: PASSWORD, tls: await testTls() });
    dir = mkdtempSync(join(tmpdir(), 'apic-sim-ansible-'));
    writeFileSync(join(dir, 'vars.yml'), `aci_host: 127.0.0.1\naci_port: ${sim.port}\naci_password: ${PASSWORD}\n`, { mode: 0o600 });
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds with no failed task, and a second run changes nothing but the password user', async () => {
    const first = await playbook('build.yml');
    expect(failures(first)).toEqual([]);
    expect(first.stats.failures).toBe(0);
    expect(first.tasks.filter((t) => t.name.startsWith('create')).every((t) => t.changed)).toBe(true);
    expect(first.tasks.find((t) => t.name.startsWith('post through aci_rest'))?.changed).toBe(true);

    const second = await playbook('build.yml');
    expect(failures(second)).toEqual([]);
    expect(second.tasks.filter((t) => t.changed).map((t) => t.name)).toEqual(['create local user (password, not idempotent)']);
  }, 1_200_000);

  it('updates, runs check mode without applying, and deletes', async () => {
    const r = await playbook('change.yml');
    expect(failures(r)).toEqual([]);
    const changed = new Set(r.tasks.filter((t) => t.changed).map((t) => t.name));
    for (const t of r.tasks) {
      if (/^(update |check mode |delete the )/.test(t.name)) expect(changed.has(t.name), t.name).toBe(true);
    }
    expect(sim.store.get('uni/tn-ans')).toBeUndefined();
    expect(sim.store.get('uni/tn-common')).toBeDefined();
  }, 1_200_000);
});

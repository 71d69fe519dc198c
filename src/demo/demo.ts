// The whole integration in one run, against an embedded apic-sim: the
// simulator stands in for the APIC, a sample configuration is pointed at it,
// and each step runs the same command a user would type. Nothing here knows
// how a step works; it only strings the commands together.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { sampleConfig } from '../config/index.js';
import { InputError } from '../errors.js';
import { startSim, type RunningSim } from '../sim/server.js';

export const DEMO_FLAVOR = 'kubernetes-1.35';

export interface DemoOptions {
  /** Folder for the files the demo writes; default a new temporary one. */
  dir?: string;
  /** Keep the simulator running (until SIGINT/SIGTERM) to explore the fabric view. */
  keep?: boolean;
  /** Replace a configuration or inventory already in `dir` (else the demo refuses). */
  force?: boolean;
  /** The acc-provision entry point (main); passed in so the demo runs commands in-process. */
  run(argv: string[]): Promise<number>;
  /** The apic-sim entry point (default: its main, in-process); tests hand in their own. */
  runSim?(argv: string[]): Promise<number>;
  /** Where the demo's own lines go (the commands print as they always do). */
  say(line: string): void;
}

export interface DemoResult {
  code: number;
  dir: string;
  url: string;
  steps: { title: string; argv: string[]; code: number }[];
}

/** Three example nodes inside the sample's node_subnet (10.1.0.1/16). */
export function exampleInventory(): string {
  const nodes = [1, 2, 3].map((i) =>
    [`- name: node-${i}`, `  uplink: ens192`, `  infra_mac: "00:50:56:aa:00:0${i}"`, `  node_ip: 10.1.0.${10 + i}`].join('\n'),
  );
  return `nodes:\n${nodes.join('\n')}\n`;
}

/** The sample configuration, pointed at the simulator, keeping its comments. */
export function demoConfig(apicHost: string, dir: string, apicCaFile?: string): string {
  const doc = parseDocument(sampleConfig(DEMO_FLAVOR));
  doc.setIn(['aci_config', 'apic_hosts'], doc.createNode([apicHost]));
  // Trust the simulator's own certificate, as a user would trust their APIC's CA.
  if (apicCaFile !== undefined) doc.setIn(['aci_config', 'apic_tls_cert'], apicCaFile);
  // The controller's certificate goes with the other files, not into the current folder.
  doc.setIn(['aci_config', 'sync_login', 'certfile'], join(dir, 'user-mykube.crt'));
  doc.setIn(['aci_config', 'sync_login', 'keyfile'], join(dir, 'user-mykube.key'));
  return doc.toString();
}

/** The files a user may have edited after an earlier demo: never replaced silently. */
export const DEMO_INPUTS = ['cfg.yaml', 'nodes.yaml'] as const;

/** apic-sim's own entry, in-process: it reports through the exit code. */
async function runApicSim(argv: string[]): Promise<number> {
  const { main } = await import('../sim/main.js');
  const before = process.exitCode;
  process.exitCode = 0;
  await main(argv);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return code;
}

export async function runDemo(opts: DemoOptions): Promise<DemoResult> {
  const dir = resolve(opts.dir ?? mkdtempSync(join(tmpdir(), 'acc-provision-demo-')));
  if (!opts.force) {
    const present = DEMO_INPUTS.map((f) => join(dir, f)).filter((f) => existsSync(f));
    if (present.length > 0) {
      throw new InputError(
        present.map((f) => ({
          field: '--dir',
          value: f,
          rule: 'already exists: the demo would overwrite it (use --force to replace it, or another --dir)',
        })),
      );
    }
  }
  mkdirSync(dir, { recursive: true });
  const password = randomBytes(12).toString('base64url');
  const sim: RunningSim = await startSim({ listen: '127.0.0.1:0', data: ':memory:', adminPassword: password });
  const result: DemoResult = { code: 0, dir, url: `${sim.url}/`, steps: [] };
  const previousPass = process.env.ACC_PROVISION_PASS;
  try {
    opts.say(`apic-sim is listening on ${sim.url} (HTTPS, self-signed, state in memory)`);
    const cfg = join(dir, 'cfg.yaml');
    let caFile: string | undefined;
    if (sim.certificate !== undefined) {
      caFile = join(dir, 'apic-sim-ca.pem');
      writeFileSync(caFile, sim.certificate);
    }
    writeFileSync(cfg, demoConfig(`${sim.host}:${sim.port}`, dir, caFile));
    const nodes = join(dir, 'nodes.yaml');
    writeFileSync(nodes, exampleInventory());
    opts.say(`wrote ${cfg} (the sample configuration, pointed at the simulator) and ${nodes} (three example nodes)`);
    // The password reaches the commands as a user would pass it, never on a command line.
    process.env.ACC_PROVISION_PASS = password;

    const steps: { title: string; argv: string[]; program?: 'apic-sim' }[] = [
      {
        title: 'Provision: manifest, certificate and APIC objects',
        argv: [
          '-c',
          cfg,
          '-f',
          DEMO_FLAVOR,
          '-o',
          join(dir, 'aci-containers.yaml'),
          '--apic-dump',
          join(dir, 'apic-requests.txt'),
          '-a',
          '-u',
          'admin',
        ],
      },
      {
        title: 'Provision again: nothing left to change',
        argv: ['-c', cfg, '-f', DEMO_FLAVOR, '-o', join(dir, 'aci-containers.yaml'), '-a', '-u', 'admin'],
      },
      {
        title: 'Node network configuration for three nodes',
        argv: ['node-config', '-c', cfg, '-f', DEMO_FLAVOR, '--nodes', nodes, '--out', join(dir, 'nodes')],
      },
      {
        title: 'The cluster runs: its controller reports three nodes, the namespaces and two LoadBalancer services',
        program: 'apic-sim',
        argv: [
          'cluster',
          '--apic',
          sim.url,
          '-c',
          cfg,
          '-f',
          DEMO_FLAVOR,
          '--nodes',
          nodes,
          '--load-balancers',
          '2',
          '--cert',
          join(dir, 'user-mykube.crt'),
          '--key',
          join(dir, 'user-mykube.key'),
        ],
      },
      {
        title: 'Verify the fabric and the running cluster',
        argv: ['verify', '-c', cfg, '-f', DEMO_FLAVOR, '-u', 'admin', '--nodes', nodes],
      },
    ];
    for (const step of steps) {
      opts.say('');
      opts.say(`== ${step.title}`);
      opts.say(`$ ${step.program ?? 'acc-provision'} ${step.argv.map((a) => (a.startsWith(dir) ? a.replace(dir, '$DEMO') : a)).join(' ')}`);
      const code = step.program === 'apic-sim' ? await (opts.runSim ?? runApicSim)(step.argv) : await opts.run(step.argv);
      result.steps.push({ ...step, code });
      if (code !== 0) {
        opts.say(`step failed (exit ${code}); stopping`);
        result.code = code;
        break;
      }
    }
    process.exitCode = result.code;

    opts.say('');
    opts.say(result.code === 0 ? '== Done' : '== Stopped');
    opts.say(
      `files: ${dir} ($DEMO): cfg.yaml, aci-containers.yaml (kubectl apply -f), apic-requests.txt, user-mykube.crt/.key, nodes/<node>/...`,
    );
    opts.say(`fabric view: ${result.url}`);
    if (opts.keep) {
      // The simulator's throwaway admin password, shown once so the fabric view can be opened.
      opts.say(`log in as admin with password ${password}; press Ctrl-C to stop the simulator`);
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
    } else {
      opts.say('(run with --keep to keep the simulator and its fabric view running)');
    }
    return result;
  } finally {
    if (previousPass === undefined) delete process.env.ACC_PROVISION_PASS;
    else process.env.ACC_PROVISION_PASS = previousPass;
    await sim.close();
  }
}

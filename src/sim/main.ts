// Entry of bin/apic-sim: serve (default), dump, load.
import { Command, CommanderError } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../cli/version.js';
import { formatProblem, InputError, UsageError } from '../errors.js';
import { dumpTree, loadTree } from './dump.js';
import { lockDataDir } from './lock.js';
import { parseFaultFlag, type FaultRule } from './faults.js';
import { startSim } from './server.js';
import { MoStore } from './store.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('apic-sim')
    .description('An APIC REST API simulator: HTTPS, a persistent object tree, the APIC query grammar, login, signatures, subscriptions.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .exitOverride();

  const serve = program
    .command('serve', { isDefault: true })
    .description('run the simulator (the default command)')
    .option('--listen <host:port>', 'address to listen on (port 0: any free port)', '127.0.0.1:8443')
    .option('--data <dir>', "folder for the database and certificate, or ':memory:'", ':memory:')
    .option('--seed <file>', 'YAML with the prerequisites to create (AEPs, VRFs, L3Outs, VMM domains, infra VLAN, version)')
    .option('--admin-password <pw>', 'admin password (default: env APIC_SIM_PASSWORD, the stored one, or a random one shown once)')
    .option('--tls-cert <file>', 'PEM certificate to serve')
    .option('--tls-key <file>', 'PEM private key of --tls-cert')
    .option('--http', 'plain HTTP instead of HTTPS')
    .option('--verbose', 'log one line per request (method, path, status, time) to standard error')
    .option(
      '--fault <rule>',
      "inject faults: 'PATH_REGEX;latency=MS,error=RATE,drop=RATE,lost=RATE,status=N,method=M' (repeatable)",
      collect,
      [],
    )
    .action(async (o: Record<string, unknown>) => {
      const faults: FaultRule[] = (o.fault as string[]).map((f) => {
        try {
          return parseFaultFlag(f);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      });
      const sim = await startSim({
        listen: o.listen as string,
        data: o.data as string,
        seed: o.seed as string | undefined,
        adminPassword: o.adminPassword as string | undefined,
        http: Boolean(o.http),
        tlsCert: o.tlsCert as string | undefined,
        tlsKey: o.tlsKey as string | undefined,
        faults,
        log: o.verbose ? (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) : undefined,
      });
      // One write, password first: whoever waits for the URL line has both.
      const pw = sim.generatedPassword ? `admin password (shown once): ${sim.generatedPassword}\n` : '';
      process.stdout.write(`${pw}apic-sim listening on ${sim.url}\n`);
      const stop = () => {
        void sim.close().then(() => process.exit(0));
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });

  // `serve` is what runs without a command: its options belong in the main help too.
  program.addHelpText(
    'after',
    () =>
      `\nOptions of serve (the default command):\n${serve
        .createHelp()
        .visibleOptions(serve)
        .map(
          (o) =>
            `  ${o.flags.padEnd(24)}${o.description}${o.defaultValue !== undefined && !Array.isArray(o.defaultValue) ? ` (default: ${JSON.stringify(o.defaultValue)})` : ''}`,
        )
        .join('\n')}`,
  );

  program
    .command('dump')
    .description('write the whole object tree as JSON')
    .requiredOption('--data <dir>', 'the folder of a simulator (it may be running)')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .action((o: { data: string; output?: string }) => {
      const store = openExisting(o.data);
      try {
        const text = `${JSON.stringify(dumpTree(store), null, 1)}\n`;
        if (o.output) writeFileSync(o.output, text);
        else process.stdout.write(text);
      } finally {
        store.close();
      }
    });

  program
    .command('load')
    .description('replace the object tree with a dump (stop the simulator first)')
    .requiredOption('--data <dir>', 'the folder of a simulator')
    .argument('<file>', 'a file written by apic-sim dump')
    .action((file: string, o: { data: string }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError([
          { field: file, rule: code ? `cannot be read: ${ERRNO[code] ?? code}` : `is not valid JSON (${(e as Error).message})` },
        ]);
      }
      mkdirSync(o.data, { recursive: true, mode: 0o700 });
      const release = lockDataDir(o.data, 'loading a dump into it');
      try {
        const store = new MoStore(o.data);
        try {
          const n = loadTree(store, parsed, file);
          process.stdout.write(`loaded ${n} objects into ${o.data}\n`);
        } finally {
          store.close();
        }
      } finally {
        release();
      }
    });

  program
    .command('cluster')
    .description(
      "play the ACI CNI controller of a running cluster: write its nodes, namespaces and LoadBalancer services' objects, signing with the controller's certificate",
    )
    .requiredOption('--apic <url>', 'the APIC (or apic-sim) to write to, https://host:port')
    .requiredOption('-c, --config <file>', 'the acc-provision input file of the cluster')
    .option('-f, --flavor <name>', 'the cluster flavor', 'kubernetes-1.35')
    .requiredOption('--nodes <file>', 'the node inventory (YAML or CSV, as node-config reads it)')
    .option('--load-balancers <n>', 'services of type LoadBalancer to run', '1')
    .requiredOption('--cert <file>', 'the controller certificate acc-provision -a registered (user-<id>.crt)')
    .requiredOption('--key <file>', 'its private key (user-<id>.key)')
    .action(
      async (o: { apic: string; config: string; flavor: string; nodes: string; loadBalancers: string; cert: string; key: string }) => {
        const { runCluster } = await import('./cluster/command.js');
        await runCluster(
          o,
          (line) => process.stdout.write(`${line}\n`),
          (line) => process.stderr.write(`apic-sim: warning: ${line}\n`),
        );
      },
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    process.exitCode = exitCode(e);
  }
}

/** A simulator's existing data folder; never makes an empty one. */
function openExisting(dir: string): MoStore {
  if (dir === ':memory:' || !existsSync(join(dir, 'apic-sim.db'))) {
    throw new InputError([
      { field: '--data', value: dir, rule: 'holds no simulator data (no apic-sim.db): give the --data folder of a simulator' },
    ]);
  }
  return new MoStore(dir);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function exitCode(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof InputError) {
    for (const p of e.problems) process.stderr.write(`apic-sim: ${formatProblem(p)}\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`apic-sim: ${e.message}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  process.stderr.write(`apic-sim: ${describeError(err)}\n`);
  return 1;
}

const ERRNO: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EADDRINUSE: 'the address is already in use',
  EADDRNOTAVAIL: 'the address is not one of this machine',
  EROFS: 'read-only file system',
};

/** A system error as one plain sentence: the path or address and what went wrong (Node's own text repeats the code). */
function describeError(err: NodeJS.ErrnoException & { address?: string; port?: number }): string {
  const why = err.code ? ERRNO[err.code] : undefined;
  if (!why) return err.message ?? String(err);
  const where = err.path ?? (err.address !== undefined ? `${err.address}${err.port !== undefined ? `:${err.port}` : ''}` : undefined);
  return where ? `${where}: ${why}` : why;
}

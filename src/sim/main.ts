// Entry of bin/apic-sim: serve (default), dump, load.
import { Command, CommanderError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblem, InputError, UsageError } from '../errors.js';
import { dumpTree, loadTree } from './dump.js';
import { parseFaultFlag, type FaultRule } from './faults.js';
import { startSim } from './server.js';
import { MoStore } from './store.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command('apic-sim')
    .description('An APIC REST API simulator: HTTPS, a persistent object tree, the APIC query grammar, login, signatures, subscriptions.')
    .exitOverride();

  program
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
    .option('--fault <rule>', "inject faults: 'PATH_REGEX;latency=MS,error=RATE,drop=RATE,status=N,method=M' (repeatable)", collect, [])
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

  program
    .command('dump')
    .description('write the whole object tree as JSON')
    .requiredOption('--data <dir>', 'the folder of a simulator (it may be running)')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .action((o: { data: string; output?: string }) => {
      const store = new MoStore(o.data);
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
        throw new InputError([{ field: file, rule: `is not a readable JSON file (${(e as NodeJS.ErrnoException).code ?? 'invalid JSON'})` }]);
      }
      const store = new MoStore(o.data);
      try {
        const n = loadTree(store, parsed, file);
        process.stdout.write(`loaded ${n} objects into ${o.data}\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('cluster')
    .description("play the ACI CNI controller of a running cluster: write its nodes, namespaces and LoadBalancer services' objects, signing with the controller's certificate")
    .requiredOption('--apic <url>', 'the APIC (or apic-sim) to write to, https://host:port')
    .requiredOption('-c, --config <file>', 'the acc-provision input file of the cluster')
    .option('-f, --flavor <name>', 'the cluster flavor', 'kubernetes-1.35')
    .requiredOption('--nodes <file>', 'the node inventory (YAML or CSV, as node-config reads it)')
    .option('--load-balancers <n>', 'services of type LoadBalancer to run', '1')
    .requiredOption('--cert <file>', 'the controller certificate acc-provision -a registered (user-<id>.crt)')
    .requiredOption('--key <file>', 'its private key (user-<id>.key)')
    .action(async (o: { apic: string; config: string; flavor: string; nodes: string; loadBalancers: string; cert: string; key: string }) => {
      const { runCluster } = await import('./cluster/command.js');
      await runCluster(o, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`apic-sim: warning: ${line}\n`));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    process.exitCode = exitCode(e);
  }
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
  process.stderr.write(`apic-sim: ${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}\n`);
  return 1;
}

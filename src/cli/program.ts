// The command line of acc-provision: the Python tool's flags (same names,
// short forms, defaults and meaning) plus the new ones, and the default
// action (no subcommand) that behaves as the Python tool does.
import { Command, Option } from './commander.js';
import { InputError, UsageError } from '../errors.js';
import type { Reporter } from './output/reporter.js';
import type { RawRootOptions, RootOptions } from './root-options.js';
import { checkRootOptions } from './root-options.js';

/** Shared between main and the actions: the exit code the run ends with. */
export interface RunState {
  exitCode?: number;
  /** The (sub)command that runs, for the usage line of a usage error. */
  command?: Command;
  /** The checked flags, once known (main uses `debug`). */
  options?: RootOptions;
}

export function buildProgram(version: string, reporter: Reporter, state: RunState): Command {
  const program = new Command('acc-provision');
  program
    .description(
      'Provision a Cisco ACI fabric for a Kubernetes cluster: validate the fabric configuration, write the ACI CNI manifest and the controller certificate, create (-a) or remove (-d) the APIC objects.',
    )
    .usage('[options] [command]')
    .version(version, '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help and exit')
    // Root flags go before a subcommand, so subcommands may reuse -c, -o, ...
    .enablePositionalOptions()
    .option('--release', 'print the release information (version and source revision) and exit')
    .option('--debug', 'print stack traces of internal errors and APIC debug output')
    .option('--sample', 'print a sample configuration file for the flavor (-f) and exit (to the -o file when given)')
    .option('-c, --config <file>', 'input file with the fabric configuration (- is standard input)', '-')
    .option('-o, --output <file>', 'output file for the Kubernetes manifest (- is standard output)', '-')
    .option('-z, --output_tar <file>', 'output file for the operator tarball (.tar.gz; default: the -o file + .tar.gz); also --output-tar')
    .addOption(new Option('--output-tar <file>').hideHelp())
    .option('-r, --aci_operator_cr <file>', 'output file for the AciContainersOperator custom resource; also --aci-operator-cr')
    .addOption(new Option('--aci-operator-cr <file>').hideHelp())
    .option('-a, --apic', 'create the ACI objects of the cluster on the APIC')
    .option('-d, --delete', 'delete the ACI objects -a would have created')
    .option('-u, --username <name>', 'APIC user name for -a/-d (default: aci_config.apic_login.username, else admin)')
    .option('-p, --password <pass>', 'APIC password for -a/-d (default: environment variable ACC_PROVISION_PASS)')
    .option('-w, --timeout <seconds>', 'timeout of each APIC request')
    .option('--list-flavors', 'list the configuration flavors and exit')
    .option('-f, --flavor <flavor>', 'configuration flavor, for example kubernetes-1.35 (required)')
    .option('-t, --version-token <token>', 'configuration version token (default: a random UUID)')
    .addOption(new Option('--apic-proxy <addr>', 'reach the APIC through this host:port').hideHelp())
    .option('--upgrade', 'write the manifest for upgrading a running cluster')
    .option('--disable-multus <bool>', 'true or false: disable or enable Multus', 'true')
    .addOption(
      new Option('--operator-mode <bool>', 'true when run by the acc-provision operator inside the cluster').default('false').hideHelp(),
    )
    .option('-s, --dpu <file>', 'output file for the DPU manifest (needs dpu_config.enable and kube_config.opflex_mode: dpu)')
    .option(
      '--old-nad-vlan-map-input <file>',
      'the NAD VLAN map CSV of the previous provisioning (chained mode; no effect with the Kubernetes flavors)',
    )
    .option('--apic-oobm-ip <ip>', 'APIC out-of-band management address, used instead of apic_hosts for day-0 provisioning')
    .option('--plan', 'with -a or -d: print what would change on the APIC and write nothing (--output-format json: as data)')
    .option('--skip-app-profile-check', 'with -d: delete the tenant even when other application profiles remain in it')
    .option('--apic-dump <file>', 'write the APIC requests -a would send to an empty fabric (- is standard output)')
    .option('--infra-vlan <vlan>', "the fabric's infra VLAN, overriding the configuration as discovery from the APIC does")
    .option('--output-format <format>', 'text or json: format of messages and problems on standard error', 'text')
    .option('--no-color', 'never colour messages (also when NO_COLOR is set or standard error is not a terminal)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  acc-provision --sample -f kubernetes-1.35 > cluster.yaml',
        '  acc-provision -c cluster.yaml -f kubernetes-1.35 -o aci-containers.yaml',
        '  acc-provision -c cluster.yaml -f kubernetes-1.35 -o aci-containers.yaml --apic-dump apic.txt',
        '  acc-provision -c cluster.yaml -f kubernetes-1.35 -o aci-containers.yaml -a -u admin   (password: -p or ACC_PROVISION_PASS)',
        '  acc-provision -c cluster.yaml -f kubernetes-1.35 -a --plan -u admin',
        '  acc-provision -c cluster.yaml -f kubernetes-1.35 -d -u admin',
        '',
        'Exit status: 0 done, 1 bad input or APIC failure, 2 usage error.',
      ].join('\n'),
    )
    .action(async () => {
      const raw = program.opts<RawRootOptions & { plan?: boolean }>();
      const opts = checkRootOptions(raw);
      state.options = opts;
      reporter.addSecret(opts.password);
      if (raw.plan && !opts.apic && !opts.delete) {
        throw UsageError.of([
          { field: '--plan', rule: 'goes with -a (plan of the apply) or -d (plan of the delete); or use: acc-provision plan' },
        ]);
      }
      state.exitCode = await runRoot(opts, reporter, Boolean(raw.plan));
    });
  return program;
}

/** The no-subcommand behaviour, in the Python tool's order of checks. */
async function runRoot(opts: RootOptions, reporter: Reporter, planOnly: boolean): Promise<number> {
  if (opts.release) {
    const { releaseInfo } = await import('./version.js');
    const release = releaseInfo();
    if (release === undefined) reporter.info('Release info not present in this package');
    else process.stderr.write(`${release}\n`);
    return 0;
  }
  const { flavorListText, loadCatalog } = await import('./catalog.js');
  if (opts.listFlavors) {
    const catalog = await loadCatalog();
    process.stdout.write(ensureNewline(flavorListText(catalog)));
    return 0;
  }
  if (opts.flavor === undefined) {
    throw new InputError([{ field: '--flavor', rule: 'is required: pass -f FLAVOR (--list-flavors lists them)' }]);
  }
  const catalog = await loadCatalog();
  if (!catalog.isKnownFlavor(opts.flavor)) {
    throw new InputError([{ field: '--flavor', value: opts.flavor, rule: 'unknown flavor (--list-flavors lists them)' }]);
  }
  if (opts.sample) {
    const text = ensureNewline(catalog.sampleConfig(opts.flavor));
    if (opts.output === '-') process.stdout.write(text);
    else {
      const { OutputBatch } = await import('./output/atomic.js');
      const batch = new OutputBatch();
      batch.add({ path: opts.output, content: text, field: '--output' });
      batch.commit();
      reporter.info(`Wrote a sample configuration for ${opts.flavor} to ${opts.output}`);
    }
    return 0;
  }
  if (opts.oldNadVlanMapInput !== undefined && !catalog.hasChainedMode(opts.flavor)) {
    // The Python tool reads it only for chained mode, which these flavors refuse.
    reporter.warn(
      `--old-nad-vlan-map-input ${opts.oldNadVlanMapInput}: not used: only chained mode (chained_cni_config, OpenShift flavors) reads the previous NAD VLAN map`,
    );
  }
  if (opts.apic || opts.delete) {
    await (await import('./password-prompt.js')).ensurePassword(opts, reporter);
    const { runApic } = await import('./commands/provision.js');
    return runApic(opts, opts.flavor, reporter, { mode: opts.apic ? 'apply' : 'delete', planOnly });
  }
  const { generate } = await import('./commands/generate.js');
  await generate(opts, opts.flavor, reporter);
  return 0;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/** `Usage: acc-provision node-config [options]` for any (sub)command. */
export function usageLine(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `Usage: ${names.join(' ')} ${cmd.usage()}`;
}

// `acc-provision plan`: what `-a` (or, with --delete, `-d`) would change on
// the APIC, read from the APIC itself; sends no write and writes no file.
// The same as `-a --plan` / `-d --plan`, as a command of its own.
import { Command } from '../commander.js';
import { checkRootOptions, type RawRootOptions } from '../root-options.js';

interface PlanFlags {
  config: string;
  flavor?: string;
  username?: string;
  password?: string;
  timeout?: string;
  apicProxy?: string;
  apicOobmIp?: string;
  infraVlan?: string;
  delete?: boolean;
  skipAppProfileCheck?: boolean;
  outputFormat: string;
  debug?: boolean;
  detailedExitcode?: boolean;
}

export function register(program: Command): void {
  program
    .command('plan')
    .description('show what -a (or -d with --delete) would change on the APIC; writes nothing')
    .option('-c, --config <file>', 'input file with the fabric configuration (- is standard input)', '-')
    .option('-f, --flavor <flavor>', 'configuration flavor, for example kubernetes-1.35 (required)')
    .option('-u, --username <name>', 'APIC user name (default: aci_config.apic_login.username, else admin)')
    .option('-p, --password <pass>', 'APIC password (default: environment variable ACC_PROVISION_PASS)')
    .option('-w, --timeout <seconds>', 'timeout of each APIC request')
    .option('--apic-proxy <addr>', 'reach the APIC through this host:port')
    .option('--apic-oobm-ip <ip>', 'APIC out-of-band management address, used instead of apic_hosts')
    .option('--infra-vlan <vlan>', 'the infra VLAN when the APIC does not report one')
    .option('-d, --delete', 'plan the removal (-d) instead of the apply (-a)')
    .option('--skip-app-profile-check', 'with --delete: the tenant goes even when other application profiles remain in it')
    .option('--output-format <format>', 'text or json', 'text')
    .option('--detailed-exitcode', 'exit 0 when nothing would change, 2 when something would, 1 on an error (for CI)')
    .addHelpText(
      'after',
      '\nExamples:\n  acc-provision plan -c cluster.yaml -f kubernetes-1.35 -u admin\n  acc-provision plan -c cluster.yaml -f kubernetes-1.35 -u admin --delete --output-format json\n',
    )
    .action(async (flags: PlanFlags, cmd: Command) => {
      const raw: RawRootOptions = {
        debug: flags.debug || cmd.parent?.opts<{ debug?: boolean }>().debug,
        config: flags.config,
        output: '/dev/null',
        flavor: flags.flavor,
        username: flags.username,
        password: flags.password,
        timeout: flags.timeout,
        apicProxy: flags.apicProxy,
        apicOobmIp: flags.apicOobmIp,
        infraVlan: flags.infraVlan,
        apic: !flags.delete,
        delete: Boolean(flags.delete),
        skipAppProfileCheck: flags.skipAppProfileCheck,
        disableMultus: 'true',
        operatorMode: 'false',
        outputFormat: flags.outputFormat,
        color: false,
      };
      const opts = checkRootOptions(raw);
      const { InputError } = await import('../../errors.js');
      if (opts.flavor === undefined) {
        throw new InputError([{ field: '--flavor', rule: 'is required: pass -f FLAVOR (acc-provision --list-flavors lists them)' }]);
      }
      const { runApic } = await import('./provision.js');
      const { Reporter, wantsColor } = await import('../output/reporter.js');
      // Progress and warnings go to standard error; the plan alone to standard output.
      const reporter = new Reporter({ format: opts.outputFormat, color: wantsColor(false) });
      reporter.addSecret(opts.password);
      await (await import('../password-prompt.js')).ensurePassword(opts, reporter);
      process.exitCode = await runApic(opts, opts.flavor, reporter, {
        mode: opts.delete ? 'delete' : 'apply',
        planOnly: true,
        detailedExitCode: flags.detailedExitcode,
      });
    });
}

// `acc-provision verify`: the post-install checklist, read from the APIC and
// compared with the objects provisioning creates for the configuration.
import { Command, Option } from '../commander.js';
import type { VerifyCommandFlags } from '../../verify/command.js';

type VerifyFlags = VerifyCommandFlags;

export function register(program: Command): void {
  program
    .command('verify')
    .description(
      "check the cluster's ACI objects on the APIC: tenant, EPGs, bridge domains, VMM and physical domains, contracts, L3Out contracts, the controller's user and certificate",
    )
    .requiredOption('-c, --config <file>', 'the cluster configuration file (as for acc-provision -c)')
    .option('-f, --flavor <flavor>', 'configuration flavor (default: kubernetes-1.35)')
    .option('-u, --username <name>', 'APIC user name (default: aci_config.apic_login.username)')
    .option('-p, --password <pass>', 'APIC password (default: environment variable ACC_PROVISION_PASS)')
    .option('-w, --timeout <seconds>', 'timeout of each APIC request (and of each Kubernetes API request with --kubeconfig)')
    .option('--infra-vlan <vlan>', "the fabric's infra VLAN, when the configuration does not give it")
    .option(
      '--nodes <file>',
      'the node inventory (as node-config reads it): check the running cluster too (nodes and namespaces in the VMM inventory, L4-L7 objects of its LoadBalancer services)',
    )
    .option(
      '--kubeconfig <file>',
      "read the nodes and LoadBalancer services from the live cluster (the kubeconfig's current context) and check them as --nodes does; with --nodes too, the nodes of both",
    )
    .option('--context <name>', 'the kubeconfig context to use (default: its current-context)')
    .addOption(new Option('--apic-proxy <addr>', 'reach the APIC through this proxy').hideHelp())
    .addOption(new Option('--output-format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      [
        '',
        'Only reads the APIC. Exit status: 0 all checks passed, 1 a check failed (or bad input, or the APIC could not be read), 2 usage error.',
        '',
        'Examples:',
        '  ACC_PROVISION_PASS=... acc-provision verify -c cluster.yaml -u admin',
        '  acc-provision verify -c cluster.yaml -f kubernetes-1.35 -u admin -p PASS --output-format json',
        '  acc-provision verify -c cluster.yaml -u admin --nodes nodes.yaml',
        '  acc-provision verify -c cluster.yaml -u admin --kubeconfig ~/.kube/config',
      ].join('\n'),
    )
    .action(async (given: VerifyFlags, cmd: Command) => {
      const { runVerify } = await import('../../verify/command.js');
      const flags = withRootFlags(given, cmd);
      // Warnings on standard error, in the format asked for (the report is on standard output).
      const warn = (message: string) =>
        process.stderr.write(flags.outputFormat === 'json' ? `${JSON.stringify({ level: 'warning', message })}\n` : `WARN: ${message}\n`);
      const { output, ok } = await runVerify(flags, { env: process.env, warn });
      process.stdout.write(output);
      if (!ok) process.exitCode = 1;
    });
}

/**
 * Flags given before the subcommand (`acc-provision -u admin --output-format
 * json verify ...`) count too, unless verify's own say otherwise.
 */
function withRootFlags(flags: VerifyFlags, cmd: Command): VerifyFlags {
  const root = cmd.parent?.opts<{ username?: string; password?: string; timeout?: string; outputFormat?: string }>() ?? {};
  const rootJson = root.outputFormat?.toLowerCase() === 'json';
  return {
    ...flags,
    username: flags.username ?? root.username,
    password: flags.password ?? root.password,
    timeout: flags.timeout ?? root.timeout,
    outputFormat: cmd.getOptionValueSource('outputFormat') === 'default' && rootJson ? 'json' : flags.outputFormat,
  };
}

// `acc-provision node-check`: the node preparation checklist, run on the
// node itself or on command output saved from it.
import { Command, Option } from '../commander.js';

interface NodeCheckFlags {
  config: string;
  flavor?: string;
  infraVlan?: string;
  mtu?: string;
  apiServer?: string;
  from?: string;
  outputFormat: 'text' | 'json';
}

export function register(program: Command): void {
  program
    .command('node-check')
    .description(
      'check that a node is ready for Kubernetes with the ACI CNI: VLAN subinterfaces, MTU, infra DHCP address, multicast and default routes, no host Open vSwitch',
    )
    .requiredOption('-c, --config <file>', 'the cluster configuration file (as for acc-provision -c)')
    .option('-f, --flavor <flavor>', 'configuration flavor (default: kubernetes-1.35)')
    .option('--infra-vlan <vlan>', "the fabric's infra VLAN, when the configuration leaves it to APIC discovery")
    .option('--mtu <bytes>', 'the MTU required (default: as node-config computes it)')
    .option(
      '--api-server <address>',
      'also check that the Kubernetes API server (an IP address, or a host name as this node resolves it) is inside node_subnet',
    )
    .option(
      '--from <dir>',
      'read saved output instead of running the commands: ip-addr.json (ip -j -d addr), ip-route.json (ip -j route), ps.txt (ps -eo comm)',
    )
    .addOption(new Option('--output-format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      [
        '',
        'Exit status: 0 all checks passed, 1 a check failed or bad input, 2 usage error.',
        '',
        'Examples:',
        '  acc-provision node-check -c cluster.yaml --api-server 10.1.0.101',
        '  acc-provision node-check -c cluster.yaml --api-server api.cluster.example.com',
        '  ssh node1 "ip -j -d addr" > n1/ip-addr.json; ssh node1 "ip -j route" > n1/ip-route.json; ssh node1 "ps -eo comm" > n1/ps.txt',
        '  acc-provision node-check -c cluster.yaml --from n1 --output-format json',
      ].join('\n'),
    )
    .action(async (flags: NodeCheckFlags) => {
      const { integerFlag, loadClusterNetwork } = await import('../../node/cluster.js');
      const node = await import('../../node/index.js');
      const infraVlan = integerFlag('--infra-vlan', flags.infraVlan);
      const mtu = integerFlag('--mtu', flags.mtu);
      const { params, warnings } = await loadClusterNetwork(flags.config, { flavor: flags.flavor, infraVlan, mtu });
      if (flags.outputFormat === 'text') for (const w of warnings) process.stderr.write(`WARN: ${w}\n`);
      const facts = flags.from !== undefined ? node.factsFromDir(flags.from) : await node.factsFromHost();
      const { resolveApiServer } = await import('../../node/check/api-server.js');
      const apiServer = flags.apiServer !== undefined ? await resolveApiServer(flags.apiServer) : undefined;
      const results = node.runNodeChecks(facts, params, apiServer ? { apiServer } : {});
      process.stdout.write(flags.outputFormat === 'json' ? node.formatChecksJson(results, params) : node.formatChecksText(results, params));
      if (node.checksFailed(results)) process.exitCode = 1;
    });
}

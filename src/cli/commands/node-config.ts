// `acc-provision node-config`: each node's host network configuration
// (uplink or bond, infra and node VLAN subinterfaces, dhclient, management
// routes) from the cluster configuration and a node inventory.
import { Command, Option } from '../commander.js';
import { UsageError } from '../../errors.js';

interface NodeConfigFlags {
  config: string;
  nodes: string;
  flavor?: string;
  infraVlan?: string;
  mtu?: string;
  format?: 'ifupdown' | 'netplan' | 'nm' | 'all';
  out?: string;
  node?: string;
  outputFormat: 'text' | 'json';
}

export function register(program: Command): void {
  program
    .command('node-config')
    .description(
      "write each node's host networking for ACI: the uplink (or bond) and its infra VLAN (DHCP) and node VLAN subinterfaces, as netplan, ifupdown and NetworkManager files plus the dhclient file",
    )
    .requiredOption('-c, --config <file>', 'the cluster configuration file (as for acc-provision -c)')
    .requiredOption('--nodes <file>', 'node inventory: YAML with a `nodes:` list, or CSV (.csv) with the same columns')
    .option('-f, --flavor <flavor>', 'configuration flavor (default: kubernetes-1.35)')
    .option('--infra-vlan <vlan>', "the fabric's infra VLAN, when the configuration leaves it to APIC discovery")
    .option('--mtu <bytes>', 'uplink and subinterface MTU (default: net_config.interface_mtu + headroom, at least 1600)')
    .addOption(
      new Option(
        '--format <format>',
        "the hosts' network configuration system, for every node (default: each node's format: in the inventory, else netplan); all: the files of every system",
      ).choices(['ifupdown', 'netplan', 'nm', 'all']),
    )
    .option('--out <dir>', 'write DIR/<node>/<path on the host> for every node (default: print one node to standard output)')
    .option('--node <name>', 'without --out: the node to print (default: the first)')
    .addOption(
      new Option('--output-format <format>', "text or json (json: the files written, or the node's files with their content)")
        .choices(['text', 'json'])
        .default('text'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Inventory entry: name, uplink: IFACE or bond: {name, members: [..], mode}, infra_mac, node_ip',
        '(a list of two for dual stack), optional mgmt: {interface, address: CIDR, gateway, routes: [CIDR..]},',
        "optional format: netplan|ifupdown|nm (this host's network configuration system), optional",
        'dns: {servers: [IP..], search: [domain..]} (for the node VLAN).',
        '',
        'Examples:',
        '  acc-provision node-config -c cluster.yaml --nodes nodes.yaml --out node-files',
        '  acc-provision node-config -c cluster.yaml --nodes nodes.csv --format ifupdown --node worker-1',
      ].join('\n'),
    )
    .action(async (flags: NodeConfigFlags) => {
      const { integerFlag, loadClusterNetwork, readTextFile } = await import('../../node/cluster.js');
      const node = await import('../../node/index.js');
      const infraVlan = integerFlag('--infra-vlan', flags.infraVlan);
      const mtu = integerFlag('--mtu', flags.mtu);
      const { params, warnings } = await loadClusterNetwork(flags.config, { flavor: flags.flavor, infraVlan, mtu });
      for (const w of warnings) process.stderr.write(`WARN: ${w}\n`);
      const inventory = node.parseInventory(readTextFile(flags.nodes, '--nodes'), flags.nodes);
      const nodes = node.validateInventory(inventory, params);
      // Everything is rendered (and so validated) before anything is written.
      const chosenFormats = nodes.map((n) => node.formatFor(n, flags.format));
      const rendered = nodes.map((n, i) => ({ node: n, files: node.nodeFiles(n, params, chosenFormats[i].format) }));
      const defaulted = nodes.filter((_, i) => chosenFormats[i].defaulted).map((n) => n.name);
      if (defaulted.length > 0 && flags.outputFormat === 'text') {
        process.stderr.write(
          `INFO: ${node.DEFAULT_NODE_FORMAT} files for ${defaulted.join(', ')} (the default; --format or a node's format: in the inventory chooses ifupdown or nm)\n`,
        );
      }

      if (flags.out !== undefined) {
        if (flags.node !== undefined) throw new UsageError('--node picks the node to print; with --out every node is written');
        const written = node.writeNodeFiles(flags.out, rendered);
        if (flags.outputFormat === 'json')
          process.stdout.write(
            JSON.stringify(
              { out: flags.out, nodes: rendered.map((r) => ({ name: r.node.name, files: r.files.map((f) => f.path) })) },
              null,
              2,
            ) + '\n',
          );
        else process.stderr.write(`INFO: wrote ${written.length} files for ${nodes.length} node(s) under ${flags.out}\n`);
        return;
      }
      const chosen = flags.node === undefined ? rendered[0] : rendered.find((r) => r.node.name === flags.node);
      if (!chosen) throw new UsageError(`--node ${flags.node}: no such node in ${flags.nodes} (${nodes.map((n) => n.name).join(', ')})`);
      if (flags.outputFormat === 'json') {
        process.stdout.write(
          JSON.stringify(
            {
              name: chosen.node.name,
              files: chosen.files.map((f) => ({ path: f.path, mode: f.mode.toString(8).padStart(4, '0'), content: f.content })),
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      if (flags.node === undefined && nodes.length > 1) {
        process.stderr.write(
          `INFO: showing node ${chosen.node.name} (1 of ${nodes.length}); --node NAME shows another, --out DIR writes them all\n`,
        );
      }
      process.stdout.write(node.formatForStdout(chosen.node, chosen.files));
    });
}

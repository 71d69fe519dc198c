// `acc-provision demo` (also `npm start`): the whole integration against an
// embedded apic-sim. Heavy modules load only when it runs.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('run the whole integration against an embedded apic-sim: provision, node configuration, verify')
    .option('--dir <dir>', 'folder for the files it writes (default: a new temporary folder)')
    .option('--force', 'replace cfg.yaml and nodes.yaml already in --dir')
    .option('--keep', 'keep the simulator and its fabric view running until Ctrl-C')
    .action(async (flags: { dir?: string; keep?: boolean; force?: boolean }) => {
      const [{ runDemo }, { main }] = await Promise.all([import('../../demo/demo.js'), import('../main.js')]);
      const result = await runDemo({
        ...flags,
        run: (argv) => main(argv),
        say: (line) => process.stdout.write(`${line}\n`),
      });
      process.exitCode = result.code;
    });
}

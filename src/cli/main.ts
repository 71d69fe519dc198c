// Entry point of bin/acc-provision. Placeholder until the CLI lands.
export async function main(argv: string[]): Promise<void> {
  process.stdout.write(`acc-provision: not implemented yet (${argv.join(' ')})\n`);
}

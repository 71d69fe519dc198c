// Entry point of bin/apic-sim. Placeholder until the simulator lands.
export async function main(argv: string[]): Promise<void> {
  process.stdout.write(`apic-sim: not implemented yet (${argv.join(' ')})\n`);
}

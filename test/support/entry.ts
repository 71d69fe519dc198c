// An in-process entry point (acc-provision's or apic-sim's main) run as the
// command line would: what it prints on standard output and error, and its
// exit code.
import { vi } from 'vitest';

export async function runEntry(
  entry: (argv: string[]) => Promise<unknown>,
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    const r = await entry(argv);
    const code = typeof r === 'number' ? r : Number(process.exitCode ?? 0);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.exitCode = before;
    o.mockRestore();
    e.mockRestore();
  }
}

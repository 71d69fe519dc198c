// Ctrl-C (or a TERM) in the middle of sending requests to the APIC: the run
// stops, but first says what was sent and how to carry on, as a failure of
// the APIC does. What was sent stays on the APIC; the next run plans from it.

const EXIT_CODE: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/** Runs `work`; on SIGINT/SIGTERM meanwhile, calls `say` and exits (130 or 143). */
export async function interruptible<T>(
  say: (signal: 'SIGINT' | 'SIGTERM') => void,
  work: () => Promise<T>,
  exit: (code: number) => void = (c) => process.exit(c),
): Promise<T> {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      say(signal);
      exit(EXIT_CODE[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  try {
    return await work();
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

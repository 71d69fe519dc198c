// How main() turns each kind of failure into output and an exit code, with
// the generate flow replaced by one that throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApicError, UsageError } from '../../src/errors.js';

const thrown: { error?: unknown } = {};
vi.mock('../../src/cli/commands/generate.js', () => ({
  generate: async () => {
    throw thrown.error;
  },
}));

const { main } = await import('../../src/cli/main.js');

let stderr: string[];
beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const STACK = /^\s+at /m;

describe('main: failures', () => {
  it('an internal error: exit 1, its name and message, no stack trace without --debug', async () => {
    thrown.error = new TypeError('boom');
    expect(await main(['-f', 'kubernetes-1.35', '--no-color'])).toBe(1);
    const text = stderr.join('');
    expect(text).toContain('ERR:  internal error: TypeError: boom');
    expect(text).toContain('run again with --debug');
    expect(text).not.toMatch(STACK);
  });

  it('with --debug the stack trace of an internal error is printed, secrets still masked', async () => {
    thrown.error = new Error('login as admin/pw-dbg-1 failed');
    expect(await main(['-f', 'kubernetes-1.35', '--debug', '-p', 'pw-dbg-1', '--no-color'])).toBe(1);
    const text = stderr.join('');
    expect(text).toMatch(STACK);
    expect(text).not.toContain('pw-dbg-1');
    expect(text).toContain('admin/***');
  });

  it('an APIC error: exit 1 with the APIC message and status', async () => {
    thrown.error = new ApicError('authentication failed', 401);
    expect(await main(['-f', 'kubernetes-1.35', '--no-color'])).toBe(1);
    expect(stderr.join('')).toBe('ERR:  APIC: authentication failed (HTTP 401)\n');
  });

  it('a UsageError: exit 2 with the usage line', async () => {
    thrown.error = new UsageError('-o and -z name the same file');
    expect(await main(['-f', 'kubernetes-1.35', '--no-color'])).toBe(2);
    expect(stderr.join('')).toBe('ERR:  -o and -z name the same file\nUsage: acc-provision [options] [command]\n');
  });
});

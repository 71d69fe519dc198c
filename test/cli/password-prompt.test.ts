// The password prompt of -a/-d/plan, on a fake terminal: raw mode (no echo)
// before the prompt shows, line editing, Ctrl-C.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { askPassword, ensurePassword, PromptInterrupted, type Terminal } from '../../src/cli/password-prompt.js';

function fakeTerminal(): Terminal & { log: string[]; type(text: string): void } {
  const input = Object.assign(new EventEmitter(), {
    raw: false,
    setRawMode(raw: boolean) {
      input.raw = raw;
      log.push(`raw=${raw}`);
    },
    resume: () => undefined,
    pause: () => undefined,
  });
  const log: string[] = [];
  return {
    input,
    log,
    write: (text) => void log.push(`write:${text}`),
    close: () => void log.push('close'),
    type: (text) => void input.emit('data', Buffer.from(text)),
  };
}

describe('askPassword', () => {
  it('switches echo off before the prompt, reads a line with backspace and Ctrl-U, restores the terminal', async () => {
    const t = fakeTerminal();
    const answer = askPassword('APIC password: ', t);
    t.type('wrong\u0015s3cx\u007fr3t\r');
    expect(await answer).toBe('s3cr3t');
    expect(t.log).toEqual(['raw=true', 'write:APIC password: ', 'raw=false', 'write:\n', 'close']);
  });

  it('Ctrl-C at the prompt interrupts', async () => {
    const t = fakeTerminal();
    const answer = askPassword('p: ', t);
    t.type('abc\u0003');
    await expect(answer).rejects.toBeInstanceOf(PromptInterrupted);
    expect(t.log).toContain('raw=false');
  });

  it('ensurePassword fills in the password only when none was given, and registers it as a secret', async () => {
    const secrets: string[] = [];
    const reporter = { addSecret: (s: string) => void secrets.push(s) } as unknown as Parameters<typeof ensurePassword>[1];
    const given = { password: 'from-p', username: 'admin' };
    const t1 = fakeTerminal();
    await ensurePassword(given, reporter, t1);
    expect(given.password).toBe('from-p');
    expect(t1.log).toEqual([]);
    const asked: { password?: string; username?: string } = { username: 'admin' };
    const t2 = fakeTerminal();
    const done = ensurePassword(asked, reporter, t2);
    t2.type('typed-pw\n');
    await done;
    expect(asked.password).toBe('typed-pw');
    expect(secrets).toEqual(['typed-pw']);
    expect(t2.log).toContain('write:APIC password for admin: ');
  });
});

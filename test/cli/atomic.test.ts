// All-or-nothing output (src/cli/output/atomic.ts).
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { OutputBatch } from '../../src/cli/output/atomic.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'acc-atomic-'));

describe('OutputBatch', () => {
  it('writes every file, replacing an existing one, and standard output last in order', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'old');
    const out: string[] = [];
    const b = new OutputBatch();
    b.add({ path: join(dir, 'a.yaml'), content: 'new-a', field: '-o' });
    b.add({ path: '-', content: 'first', field: '-o' });
    b.add({ path: join(dir, 'b.bin'), content: new Uint8Array([1, 2, 3]), field: '-z' });
    b.add({ path: '-', content: 'second', field: '--apic-dump' });
    const written = b.commit({ stdout: (c) => out.push(String(c)) });
    expect(written).toEqual([join(dir, 'a.yaml'), join(dir, 'b.bin')]);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('new-a');
    expect([...readFileSync(join(dir, 'b.bin'))]).toEqual([1, 2, 3]);
    expect(out).toEqual(['first', 'second']);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.bin']);
  });

  it('on a failure writes nothing: existing files untouched, no temporaries, no standard output', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'keep');
    const out: string[] = [];
    const b = new OutputBatch();
    b.add({ path: join(dir, 'a.yaml'), content: 'new', field: '-o' });
    b.add({ path: '-', content: 'stdout', field: '--apic-dump' });
    b.add({ path: join(dir, 'missing-dir', 'cr.yaml'), content: 'cr', field: '-r' });
    let err: unknown;
    try {
      b.commit({ stdout: (c) => out.push(String(c)) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems).toEqual([
      { field: '-r', value: join(dir, 'missing-dir', 'cr.yaml'), rule: 'cannot write: the directory does not exist' },
    ]);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    expect(out).toEqual([]);
  });

  it('refuses a directory as target before anything moves', () => {
    const dir = scratch();
    const b = new OutputBatch();
    b.add({ path: join(dir, 'x.yaml'), content: 'x', field: '-o' });
    b.add({ path: dir, content: 'y', field: '-r' });
    expect(() => b.commit()).toThrow(InputError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites a noClobber file (certificate, key) and writes a new key with mode 0600', () => {
    const dir = scratch();
    const b = new OutputBatch();
    b.add({ path: join(dir, 'user.key'), content: 'KEY', mode: 0o600, noClobber: true, field: 'keyfile' });
    b.commit();
    expect(statSync(join(dir, 'user.key')).mode & 0o777).toBe(0o600);

    writeFileSync(join(dir, 'user.crt'), 'existing cert');
    const again = new OutputBatch();
    again.add({ path: join(dir, 'out.yaml'), content: 'manifest', field: '-o' });
    again.add({ path: join(dir, 'user.crt'), content: 'NEW', noClobber: true, field: 'certfile' });
    expect(() => again.commit()).toThrow(/already exists/);
    expect(readFileSync(join(dir, 'user.crt'), 'utf8')).toBe('existing cert');
    expect(readdirSync(dir).sort()).toEqual(['user.crt', 'user.key']);
  });

  it('writes to a device in place instead of replacing it (-o /dev/null)', () => {
    const b = new OutputBatch();
    b.add({ path: '/dev/null', content: 'discarded', field: '-o' });
    b.commit();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

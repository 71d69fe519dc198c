// The verify command's work, apart from commander so tests run it in-process:
// flags -> configuration -> APIC client -> report text and verdict.
import { UsageError } from '../errors.js';
import type { ApicClientOptions } from '../apic/client.js';
import { loadVerifyConfig } from './config.js';
import { formatVerifyJson, formatVerifyText, verifyCluster, type VerifyReport } from './index.js';

export interface VerifyCommandFlags {
  config: string;
  flavor?: string;
  username?: string;
  password?: string;
  timeout?: string;
  infraVlan?: string;
  apicProxy?: string;
  outputFormat: 'text' | 'json';
}

export interface VerifyCommandIo {
  env: NodeJS.ProcessEnv;
  warn(message: string): void;
  /** Client settings tests need (a pinned CA, no retry delays). */
  clientExtra?: Partial<ApicClientOptions>;
}

function wholeNumber(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw UsageError.of([{ field: flag, value, rule: `must be a whole number from ${min} to ${max}` }]);
  return n;
}

export async function runVerify(flags: VerifyCommandFlags, io: VerifyCommandIo): Promise<{ output: string; ok: boolean; report: VerifyReport }> {
  const infraVlan = wholeNumber('--infra-vlan', flags.infraVlan, 1, 4094);
  const timeoutSeconds = wholeNumber('--timeout', flags.timeout, 0, Number.MAX_SAFE_INTEGER);
  const loaded = await loadVerifyConfig(flags.config, { ...(flags.flavor ? { flavor: flags.flavor } : {}), ...(infraVlan !== undefined ? { infraVlan } : {}) });
  for (const w of loaded.warnings) io.warn(w);

  const { apicClientOptions } = await import('../apic/from-config.js');
  const { ApicClient, retryMessage } = await import('../apic/client.js');
  const { apicStateReader } = await import('../provision/engine/state.js');
  const password = flags.password ?? (io.env.ACC_PROVISION_PASS || undefined);
  const options = apicClientOptions(
    loaded.config,
    {
      ...(flags.username !== undefined ? { username: flags.username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(flags.apicProxy !== undefined ? { proxy: flags.apicProxy } : {}),
    },
    { onWarning: (m) => io.warn(m), onRetry: (e) => io.warn(retryMessage(e)), ...io.clientExtra },
  );
  const client = new ApicClient(options);
  try {
    await client.login();
    const report = await verifyCluster({
      config: loaded.config,
      reader: apicStateReader(client),
      inventory: client,
      apic: client.currentHost,
      ignore: loaded.ignore,
      notes: loaded.notes,
    });
    const output = flags.outputFormat === 'json' ? formatVerifyJson(report) : formatVerifyText(report);
    return { output, ok: report.ok, report };
  } finally {
    await client.close();
  }
}

// Entry point of bin/acc-provision: build the command line, run it, turn
// every failure into a message and an exit code (0 done, 1 bad input or
// APIC failure, 2 usage error). Stack traces only for internal errors and
// only with --debug; known secrets are masked in everything printed.
import type { Command } from 'commander';
import { CommanderError } from './commander.js';
import { ApicError, InputError, KubernetesError, UsageError } from '../errors.js';
import { restoreExtraCaVariable } from '../apic/extra-ca.js';
import { Reporter, wantsColor } from './output/reporter.js';
import { buildProgram, usageLine, type RunState } from './program.js';
import { outputFormatOf } from './root-options.js';
import { packageVersion } from './version.js';

/**
 * Subcommands: each module exports `register(program: Command)`. Keep their
 * top-level imports light (import heavy modules inside the action): every
 * module here is loaded on each start, `--help` included.
 * To add one: append `() => import('./commands/<name>.js')`.
 * Each module adds one subcommand.
 */
const COMMAND_MODULES: (() => Promise<{ register(program: Command): void }>)[] = [
  () => import('./commands/node-config.js'),
  () => import('./commands/node-check.js'),
  () => import('./commands/verify.js'),
  () => import('./commands/plan.js'),
  () => import('./commands/demo.js'),
];

export async function main(argv: string[]): Promise<number> {
  restoreExtraCaVariable();
  ignoreClosedPipe();
  const reporter = new Reporter({
    format: outputFormatOf({ outputFormat: flagValue(argv, '--output-format') }),
    color: wantsColor(argv.includes('--no-color')),
  });
  reporter.addSecret(process.env.ACC_PROVISION_PASS);
  for (const secret of passwordsIn(argv)) reporter.addSecret(secret);
  const state: RunState = {};
  const code = await run(argv, reporter, state);
  process.exitCode = code;
  return code;
}

let pipeGuarded = false;

/** A closed pipe (`acc-provision --sample | head`) is not an error. */
function ignoreClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });
}

async function run(argv: string[], reporter: Reporter, state: RunState): Promise<number> {
  let program: Command | undefined;
  try {
    program = buildProgram(packageVersion(), reporter, state);
    for (const mod of await Promise.all(COMMAND_MODULES.map((load) => load()))) mod.register(program);
    configureTree(program, reporter);
    program.hook('preAction', (_root, action) => {
      state.command = action;
    });
    if (argv.length === 0) {
      // As the Python tool: no arguments at all shows the help, as a failure.
      program.outputHelp({ error: true });
      return 1;
    }
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  } catch (e) {
    return failure(e, reporter, state.command ?? program, state.options?.debug ?? argv.includes('--debug'));
  }
}

/** Settings every (sub)command needs, applied after all are registered. */
function configureTree(cmd: Command, reporter: Reporter): void {
  cmd.exitOverride();
  cmd.configureOutput({
    writeErr: (s) => process.stderr.write(reporter.redact(s)),
    outputError: (s, write) => write(reporter.redact(s)),
  });
  // `--debug` means the same wherever it stands: before or after a subcommand.
  if (cmd.parent && !cmd.options.some((o) => o.long === '--debug'))
    cmd.option('--debug', 'print stack traces of internal errors and APIC debug output');
  cmd.showHelpAfterError(`${usageLine(cmd)}\nTry '${usageLine(cmd).slice('Usage: '.length).split(' [')[0]} --help' for more information.`);
  for (const sub of cmd.commands) configureTree(sub, reporter);
}

function failure(e: unknown, reporter: Reporter, program: Command | undefined, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Help and version end the run normally; commander already printed the
    // error and the usage line for everything else.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    if (e.code === 'commander.help') return e.exitCode;
    return 2;
  }
  if (e instanceof UsageError) {
    if (e.problems.length > 0) reporter.problems(e.problems);
    else reporter.error(e.message);
    // JSON output stays one JSON object per line.
    if (program && reporter.format === 'text') process.stderr.write(`${usageLine(program)}\n`);
    return 2;
  }
  if (e instanceof InputError) {
    for (const w of e.warnings) reporter.warn(w);
    reporter.problems(e.problems);
    return 1;
  }
  if (e instanceof KubernetesError) {
    reporter.error(`Kubernetes: ${e.message}`);
    return 1;
  }
  if (e instanceof ApicError) {
    reporter.error(`APIC: ${e.message}${e.status ? ` (HTTP ${e.status})` : ''}`);
    return 1;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  reporter.error(`internal error: ${err.name}: ${err.message}`);
  if (debug && err.stack) process.stderr.write(reporter.redact(err.stack) + '\n');
  else reporter.error('run again with --debug for details');
  return 1;
}

/** `--flag value` or `--flag=value`, before commander has parsed anything. */
function flagValue(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/** Every password given with -p / --password, in any of its spellings. */
function passwordsIn(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '-p' || a === '--password') && i + 1 < argv.length) out.push(argv[i + 1]);
    else if (a.startsWith('--password=')) out.push(a.slice('--password='.length));
    else {
      // -pSECRET, or after boolean short flags: -apSECRET
      const m = /^-[adhv]*p(.+)$/.exec(a);
      if (m) out.push(m[1]);
    }
  }
  return out;
}

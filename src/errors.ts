// Typed errors. Every failure the user can cause is one of these; the CLI
// prints them (one line per problem) and picks the exit code from the type.
// Nothing here ever holds a password or a private key.

/** One broken rule: where (a config path like `net_config.node_subnet`, or a
 * node name / flag), the offending value, and the rule in words. */
export interface Problem {
  field: string;
  value?: unknown;
  rule: string;
  /** `file:line:col` when the value came from a file with known positions. */
  at?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.at ? `${p.at}: ` : '';
  const value = p.value === undefined ? '' : ` = ${JSON.stringify(p.value)}`;
  return `${where}${p.field}${value}: ${p.rule}`;
}

/** Bad command line (unknown flag, a flag value that is not allowed, flags
 * that exclude each other): exit 2 with the usage line. `problems`, when
 * given, are printed one per line as input problems are. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }

  static of(problems: Problem[]): UsageError {
    return new UsageError(problems.map(formatProblem).join('\n'), problems);
  }
}

/** Bad input (configuration, inventory, files named by flags): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
  /** `warnings`: findings printed along with the problems (a misspelt key
   * explains the "required" problem it causes). */
  constructor(
    readonly problems: Problem[],
    readonly warnings: string[] = [],
  ) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** The APIC (or apic-sim) refused or could not be reached: exit 1. */
export class ApicError extends Error {
  override name = 'ApicError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The Kubernetes API server (`verify --kubeconfig`) refused or could not be reached: exit 1. */
export class KubernetesError extends Error {
  override name = 'KubernetesError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

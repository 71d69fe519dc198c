// One desired object against the APIC's copy: is it there, does it hold the
// values we posted, do its relations resolve. Only the attributes the desired
// tree sets are compared; whatever else the APIC holds is not ours to judge.
import { classInfo } from '../aci/classes.js';
import type { ManagedObject } from '../aci/types.js';
import type { VerifyCheck } from '../provision/desired/requests.js';
import { isSecretProperty, NOT_COMPARED, sameValue } from '../aci/values.js';

export type ProblemKind = 'missing' | 'attribute' | 'unresolved';

export interface ObjectProblem {
  dn: string;
  className: string;
  kind: ProblemKind;
  /** For `attribute`. */
  attribute?: string;
  /** What the APIC holds (absent when it does not report the property). */
  actual?: string;
  expected?: string;
  /** For `unresolved`: the target the APIC looked for, and the relation's state. */
  target?: string;
  state?: string;
  /** For `missing`: the missing ancestor that explains it, when it is not the object itself. */
  missingAncestor?: string;
  /** One line for people. */
  message: string;
}

/**
 * Classes whose content only their presence is checked for: the cluster
 * registration is the controller's once it runs (it rewrites it), and its
 * details hold the controller's private key, which verify neither knows nor
 * may print.
 */
const PRESENCE_ONLY = new Set(['vmmInjectedClusterInfo', 'vmmInjectedClusterDetails']);

/** A relation state meaning the relation points at an object that exists. */
const RESOLVED_STATES = new Set(['formed']);

export interface CompareOptions {
  /** `className.attribute` pairs not to compare (e.g. a certificate whose file is not at hand). */
  ignore?: ReadonlySet<string>;
}

/** Values shown in messages: short and single-line; long texts (a certificate) summarised. */
export function displayValue(v: string | undefined): string {
  if (v === undefined) return '(not set)';
  if (v.length <= 60 && !v.includes('\n')) return JSON.stringify(v);
  const first = v.trim().split(/\r?\n/)[0] ?? '';
  return `${JSON.stringify(first.length > 40 ? `${first.slice(0, 40)}...` : `${first}...`)} (${v.length} characters)`;
}

export function compareObject(check: VerifyCheck, current: ManagedObject | undefined, opts: CompareOptions = {}): ObjectProblem[] {
  const base = { dn: check.dn, className: check.className };
  if (!current) return [{ ...base, kind: 'missing', message: 'missing' }];
  const problems: ObjectProblem[] = [];
  if (!check.existenceOnly && !PRESENCE_ONLY.has(check.className)) {
    for (const [attr, expected] of Object.entries(check.attributes)) {
      if (NOT_COMPARED.has(attr) || isSecretProperty(attr) || opts.ignore?.has(`${check.className}.${attr}`)) continue;
      const actual = current.attributes[attr];
      if (sameValue(check.className, attr, actual, expected)) continue;
      problems.push({
        ...base,
        kind: 'attribute',
        attribute: attr,
        ...(actual === undefined ? {} : { actual }),
        expected,
        message: `${attr} is ${displayValue(actual)}, expected ${displayValue(expected)}`,
      });
    }
  }
  // An APIC shows each relation's resolution; a relation to nothing is a broken
  // configuration even when every attribute is right.
  const relation = classInfo(check.className)?.relation;
  const state = current.attributes['state'];
  if (relation && state !== undefined && !RESOLVED_STATES.has(state)) {
    const target = current.attributes['tDn'] || check.attributes[relation.targetProp] || '';
    problems.push({
      ...base,
      kind: 'unresolved',
      target,
      state,
      message: `relation unresolved: target ${target || '(none)'} (state ${state})`,
    });
  }
  return problems;
}

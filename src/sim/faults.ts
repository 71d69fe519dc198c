// Injected faults, so clients' retry and timeout logic can be tested:
// per path pattern (a regular expression on the URL path), added latency,
// a share of requests answered with an APIC error, and a share of
// connections dropped without an answer.
import { badRequest, CODE } from './errors.js';

export interface FaultRule {
  /** Regular expression matched against the URL path, e.g. `^/api/mo/uni/tn-`. */
  path: string;
  /** Only this HTTP method (default: all). */
  method?: string;
  latencyMs?: number;
  /** 0..1: share of matching requests answered with `errorStatus`. */
  errorRate?: number;
  /** Default 503. */
  errorStatus?: number;
  /** 0..1: share of matching requests whose connection is closed with no answer. */
  dropRate?: number;
  /** 0..1: share of matching requests carried out (a write applied) whose answer is then lost: the connection closes. */
  lostRate?: number;
}

export interface FaultDecision {
  latencyMs: number;
  errorStatus?: number;
  drop: boolean;
  /** Carry the request out, then close the connection instead of answering. */
  lose: boolean;
}

export class Faults {
  private rules: { rule: FaultRule; re: RegExp }[] = [];
  constructor(
    rules: FaultRule[] = [],
    private readonly random: () => number = Math.random,
  ) {
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule: checkRule(rule), re: new RegExp(rule.path) }));
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  decide(method: string, path: string): FaultDecision {
    const d: FaultDecision = { latencyMs: 0, drop: false, lose: false };
    for (const { rule, re } of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!re.test(path)) continue;
      d.latencyMs += rule.latencyMs ?? 0;
      if (!d.drop && rule.dropRate && this.random() < rule.dropRate) d.drop = true;
      if (d.errorStatus === undefined && rule.errorRate && this.random() < rule.errorRate) d.errorStatus = rule.errorStatus ?? 503;
      if (!d.lose && rule.lostRate && this.random() < rule.lostRate) d.lose = true;
    }
    return d;
  }
}

function checkRule(raw: unknown): FaultRule {
  const bad = (why: string) => badRequest(CODE.badRequest, `Invalid fault rule ${JSON.stringify(raw)}: ${why}`);
  if (!raw || typeof raw !== 'object') throw bad('must be an object');
  const r = raw as Record<string, unknown>;
  const known = new Set(['path', 'method', 'latencyMs', 'errorRate', 'errorStatus', 'dropRate', 'lostRate']);
  for (const k of Object.keys(r)) if (!known.has(k)) throw bad(`unknown field ${k}`);
  if (typeof r.path !== 'string') throw bad('path must be a regular expression string');
  try {
    new RegExp(r.path);
  } catch {
    throw bad('path is not a valid regular expression');
  }
  const num = (k: string, min: number, max: number) => {
    if (r[k] === undefined) return;
    if (typeof r[k] !== 'number' || !(r[k] >= min && r[k] <= max)) throw bad(`${k} must be a number from ${min} to ${max}`);
  };
  num('latencyMs', 0, 600_000);
  num('errorRate', 0, 1);
  num('dropRate', 0, 1);
  num('lostRate', 0, 1);
  num('errorStatus', 400, 599);
  if (r.method !== undefined && typeof r.method !== 'string') throw bad('method must be a string');
  return r as unknown as FaultRule;
}

/** `--fault 'PATTERN;latency=200,error=0.5,drop=0.1,lost=0.1,status=500,method=POST'`. */
export function parseFaultFlag(text: string): FaultRule {
  const sep = text.lastIndexOf(';');
  if (sep < 0) throw new Error(`--fault ${text}: expected PATTERN;key=value,... (keys: latency, error, drop, lost, status, method)`);
  const rule: FaultRule = { path: text.slice(0, sep) };
  for (const kv of text
    .slice(sep + 1)
    .split(',')
    .filter((s) => s !== '')) {
    const [k, v] = kv.split('=');
    if (k === 'latency') rule.latencyMs = Number(v);
    else if (k === 'error') rule.errorRate = Number(v);
    else if (k === 'drop') rule.dropRate = Number(v);
    else if (k === 'lost') rule.lostRate = Number(v);
    else if (k === 'status') rule.errorStatus = Number(v);
    else if (k === 'method') rule.method = v;
    else throw new Error(`--fault ${text}: unknown key ${k} (keys: latency, error, drop, lost, status, method)`);
  }
  return checkRule(rule);
}

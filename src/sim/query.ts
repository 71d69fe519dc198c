// Reads: GET /api/mo/DN.json and /api/class/CLASS.json with the APIC's
// query options (query-target, target-subtree-class, query-target-filter,
// rsp-subtree*, rsp-prop-include, order-by, page/page-size).
import { classInfo, isKnownClass, propertyNames, UNIVERSAL_READ_ONLY } from '../aci/classes.js';
import { formatRn, splitDn } from '../aci/dn.js';
import { badRequest, CODE } from './errors.js';
import { filterTerms, matchFilter, parseFilter, type Filter } from './filter.js';
import { filterToSql } from './filter-sql.js';
import type { MoRow, MoStore } from './store.js';

export interface QueryAnswer {
  totalCount: string;
  imdata: unknown[];
}

interface Options {
  target: 'self' | 'children' | 'subtree';
  targetClasses?: Set<string>;
  filter?: Filter;
  subtree: 'no' | 'children' | 'full';
  subtreeClasses?: Set<string>;
  subtreeFilter?: Filter;
  count: boolean;
  /** rsp-subtree-include=health: each object with its healthInst. */
  health: boolean;
  props: 'all' | 'naming-only' | 'config-only';
  orderBy: { prop: string; desc: boolean }[];
  page: number;
  pageSize?: number;
}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], dflt: T): T {
  const v = params.get(name);
  if (v === null || v === '') return dflt;
  if (!(allowed as readonly string[]).includes(v)) {
    throw badRequest(CODE.badRequest, `Invalid value ${v} for ${name}; expected one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function classSet(params: URLSearchParams, name: string): Set<string> | undefined {
  const v = params.get(name);
  if (!v) return undefined;
  return new Set(
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
}

function nonNegative(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  if (v === null) return undefined;
  if (!/^\d+$/.test(v)) throw badRequest(CODE.badRequest, `Invalid value ${v} for ${name}; expected a number`);
  return Number(v);
}

// What rsp-subtree-include accepts. A simulator raises no faults and keeps no
// records, so `faults` and the record kinds add nothing to an answer.
const INCLUDE_WORDS = new Set([
  'count',
  'faults',
  'health',
  'stats',
  'relations',
  'no-scoped',
  'required',
  'subtree',
  'audit-logs',
  'event-logs',
  'fault-records',
  'health-records',
  'deployment',
  'port-deployment',
  'fault-count',
  'tasks',
]);

/** A property a filter or order-by names must be one the class has (when the object model lists them all). */
function checkClassProp(cls: string, prop: string, where: string): void {
  if (!isKnownClass(cls)) throw badRequest(CODE.badRequest, `Request failed, unresolved class for ${cls} in ${where}`);
  const names = propertyNames(cls);
  if (names && !names.has(prop)) throw badRequest(CODE.badRequest, `Request failed, unknown property ${prop} of class ${cls} in ${where}`);
}

function filterParam(params: URLSearchParams, name: string): Filter | undefined {
  const text = params.get(name);
  if (!text) return undefined;
  const f = parseFilter(text);
  for (const t of filterTerms(f)) checkClassProp(t.cls, t.prop, name);
  return f;
}

export function parseOptions(params: URLSearchParams): Options {
  const include = (params.get('rsp-subtree-include') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const w of include) {
    if (!INCLUDE_WORDS.has(w))
      throw badRequest(CODE.badRequest, `Invalid value ${w} for rsp-subtree-include; expected some of ${[...INCLUDE_WORDS].join(', ')}`);
  }
  const orderBy = (params.get('order-by') ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const [p, dir] = s.trim().split('|');
      const dot = p.lastIndexOf('.');
      const prop = dot >= 0 ? p.slice(dot + 1) : p;
      if (dot > 0) checkClassProp(p.slice(0, dot), prop, 'order-by');
      if (dir !== undefined && dir !== 'asc' && dir !== 'desc') throw badRequest(CODE.badRequest, `Invalid order-by direction ${dir}`);
      return { prop, desc: dir === 'desc' };
    });
  const pageSize = nonNegative(params, 'page-size');
  if (pageSize === 0) throw badRequest(CODE.badRequest, 'page-size must be at least 1');
  return {
    target: oneOf(params, 'query-target', ['self', 'children', 'subtree'] as const, 'self'),
    targetClasses: classSet(params, 'target-subtree-class'),
    filter: filterParam(params, 'query-target-filter'),
    subtree: oneOf(params, 'rsp-subtree', ['no', 'children', 'full'] as const, 'no'),
    subtreeClasses: classSet(params, 'rsp-subtree-class'),
    subtreeFilter: filterParam(params, 'rsp-subtree-filter'),
    count: include.includes('count'),
    health: include.includes('health'),
    props: oneOf(params, 'rsp-prop-include', ['all', 'naming-only', 'config-only'] as const, 'all'),
    orderBy,
    page: nonNegative(params, 'page') ?? 0,
    pageSize,
  };
}

/** Whether a class name is one an APIC would answer for (in the table or present in the tree). */
export function knownClass(store: MoStore, className: string): boolean {
  return isKnownClass(className) || store.byClass(className).length > 0;
}

export function queryMo(store: MoStore, dn: string, params: URLSearchParams): QueryAnswer {
  const opts = parseOptions(params);
  const self = store.get(dn);
  if (!self) return { totalCount: '0', imdata: [] };
  return answer(store, targetsOf(store, [self], opts), opts);
}

export function queryClass(store: MoStore, className: string, params: URLSearchParams): QueryAnswer {
  const opts = parseOptions(params);
  if (!knownClass(store, className)) {
    throw badRequest(CODE.badRequest, `Request failed, unresolved class for ${className}`);
  }
  const where = opts.target === 'self' && opts.filter ? filterToSql(opts.filter, className) : undefined;
  // Counting and paging in DN order need no object read beyond the page: the class index answers.
  if (opts.target === 'self' && opts.orderBy.length === 0 && (!opts.filter || where?.exact)) {
    const sql = where?.sql ?? '1';
    const params = where?.params ?? [];
    if (opts.count) return countAnswer(store.countClass(className, sql, params));
    if (opts.pageSize !== undefined) {
      const total = store.countClass(className, sql, params);
      const rows = store.pageClass(className, sql, params, opts.page * opts.pageSize, opts.pageSize);
      return { ...answer(store, rows, { ...opts, filter: undefined, pageSize: undefined }), totalCount: String(total) };
    }
  }
  const bases = where ? store.byClassWhere(className, where.sql, where.params) : store.byClass(className);
  return answer(store, targetsOf(store, bases, opts), opts);
}

function countAnswer(n: number): QueryAnswer {
  return { totalCount: '1', imdata: [{ moCount: { attributes: { childAction: '', count: String(n), dn: '', status: '' } } }] };
}

/** Objects per slice of a streamed class answer. */
const SLICE = 250;

/**
 * A whole-class read (no paging, no order-by, a filter SQLite answers
 * exactly) of more than one slice, to answer slice by slice: the caller
 * writes each and lets other requests run in between, so a reader of 100k
 * objects does not hold the simulator for the time of its answer.
 */
export function classSlices(
  store: MoStore,
  className: string,
  params: URLSearchParams,
): { total: number; slices: () => Generator<unknown[]> } | undefined {
  const opts = parseOptions(params);
  if (opts.target !== 'self' || opts.orderBy.length > 0 || opts.count || opts.pageSize !== undefined) return undefined;
  if (!knownClass(store, className)) return undefined;
  const where = opts.filter ? filterToSql(opts.filter, className) : { sql: '1', params: [], exact: true };
  if (!where?.exact) return undefined;
  const total = store.countClass(className, where.sql, where.params);
  if (total <= SLICE) return undefined;
  const plain = { ...opts, filter: undefined };
  return {
    total,
    *slices() {
      let after = '';
      for (;;) {
        const rows = store.classAfter(className, where.sql, where.params, after, SLICE);
        if (rows.length === 0) return;
        after = rows[rows.length - 1].dn;
        yield answer(store, rows, plain).imdata;
      }
    },
  };
}

/** GET /api/tag/TAG.json: the objects carrying a tagInst of that name. */
export function queryTag(store: MoStore, tag: string): QueryAnswer {
  const tagged = store
    .byClassWhere('tagInst', `json_extract(attrs, '$.name') = ?`, [tag])
    .map((t) => store.get(t.parent))
    .filter((r): r is MoRow => r !== undefined);
  return { totalCount: String(tagged.length), imdata: tagged.map((r) => present(store, r)) };
}

/** The objects a query targets, before filtering. */
function targetsOf(store: MoStore, bases: MoRow[], opts: Options): MoRow[] {
  let rows: MoRow[];
  if (opts.target === 'self') rows = bases;
  else if (opts.target === 'children') rows = bases.flatMap((b) => store.children(b.dn));
  else rows = bases.flatMap((b) => [b, ...store.descendants(b.dn)]);
  if (opts.targetClasses && opts.target !== 'self') rows = rows.filter((r) => opts.targetClasses!.has(r.className));
  return rows;
}

function answer(store: MoStore, targets: MoRow[], opts: Options): QueryAnswer {
  let rows = opts.filter ? targets.filter((r) => matchFilter(opts.filter!, r.attrs, r.className)) : targets;
  if (opts.count) return countAnswer(rows.length);
  if (opts.orderBy.length > 0) rows = [...rows].sort((a, b) => orderCompare(a, b, opts.orderBy));
  const total = rows.length;
  if (opts.pageSize !== undefined) rows = rows.slice(opts.page * opts.pageSize, (opts.page + 1) * opts.pageSize);
  const imdata = rows.map((r) => {
    const out = present(store, r, opts);
    const kids = opts.subtree !== 'no' ? subtreeOf(store, r, opts) : [];
    if (opts.health) kids.push(healthOf(r));
    if (kids.length > 0) (out[r.className] as { children?: unknown[] }).children = kids;
    return out;
  });
  return { totalCount: String(total), imdata };
}

/** A simulated fabric is healthy: every object scores 100. */
function healthOf(r: MoRow): unknown {
  const attributes = {
    childAction: '',
    chng: '0',
    cur: '100',
    dn: `${r.dn}/health`,
    maxSev: 'cleared',
    prev: '100',
    status: '',
    twScore: '100',
    updTs: r.attrs.modTs ?? '',
  };
  return { healthInst: { attributes } };
}

function orderCompare(a: MoRow, b: MoRow, keys: Options['orderBy']): number {
  for (const k of keys) {
    const x = a.attrs[k.prop] ?? '';
    const y = b.attrs[k.prop] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return k.desc ? -c : c;
  }
  return 0;
}

/** The children (rsp-subtree=children) or the whole subtree (full) of a result, as nested wire objects. */
function subtreeOf(store: MoStore, root: MoRow, opts: Options): unknown[] {
  const keep = (r: MoRow) =>
    (!opts.subtreeClasses || opts.subtreeClasses.has(r.className)) &&
    (!opts.subtreeFilter || matchFilter(opts.subtreeFilter, r.attrs, r.className));
  if (opts.subtree === 'children') {
    return store
      .children(root.dn)
      .filter(keep)
      .map((r) => present(store, r, opts));
  }
  const rows = store.descendants(root.dn);
  // Keep matches and the ancestors that lead to them, so the tree stays connected.
  const wanted = new Set<string>();
  for (const r of rows) {
    if (!keep(r)) continue;
    for (let dn: string | undefined = r.dn; dn && dn !== root.dn && !wanted.has(dn); dn = parentOfRow(r, dn)) wanted.add(dn);
  }
  const nodes = new Map<string, Record<string, { attributes: Record<string, string>; children?: unknown[] }>>();
  const top: unknown[] = [];
  for (const r of rows) {
    if (!wanted.has(r.dn)) continue;
    const node = present(store, r, opts);
    nodes.set(r.dn, node);
    const parent = nodes.get(r.parent);
    if (r.parent === root.dn || !parent) top.push(node);
    else {
      const body = Object.values(parent)[0];
      (body.children ??= []).push(node);
    }
  }
  return top;
}

/** Parent DN of an ancestor chain member; rows carry their parent, deeper ancestors are split. */
function parentOfRow(r: MoRow, dn: string): string | undefined {
  if (dn === r.dn) return r.parent;
  const rns = splitDn(dn);
  return rns.length > 1 ? rns.slice(0, -1).join('/') : undefined;
}

/** One object as the APIC shows it: with status/childAction, relation state, and the requested properties. */
export function present(store: MoStore, r: MoRow, opts?: Pick<Options, 'props'>): Record<string, { attributes: Record<string, string> }> {
  const info = classInfo(r.className);
  let attrs: Record<string, string> = { childAction: '', status: '', ...r.attrs };
  if (info?.relation) attrs = { ...attrs, ...resolveRelation(store, r) };
  const mode = opts?.props ?? 'all';
  if (mode === 'naming-only') {
    const naming: Record<string, string> = { dn: r.dn };
    for (const p of info?.naming ?? []) if (attrs[p] !== undefined) naming[p] = attrs[p]!;
    attrs = naming;
  } else if (mode === 'config-only') {
    const drop = new Set([
      ...(info?.readOnly ?? []),
      ...UNIVERSAL_READ_ONLY,
      'state',
      'stateQual',
      'tCl',
      'tType',
      'tRn',
      'rType',
      'forceResolve',
      'tContextDn',
    ]);
    attrs = Object.fromEntries(Object.entries(attrs).filter(([k]) => !drop.has(k) || k === 'dn'));
  }
  return { [r.className]: { attributes: sortKeys(attrs) } };
}

function sortKeys(a: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(a)
      .sort()
      .map((k) => [k, a[k]]),
  );
}

/** How an APIC shows a relation: the target it resolved to and whether it exists. */
export function resolveRelation(store: MoStore, r: MoRow): Record<string, string> {
  const info = classInfo(r.className)!;
  const rel = info.relation!;
  let tDn: string;
  let stateQual = 'none';
  let tCl = rel.targetClass ?? '';
  let formed: boolean;
  if (rel.targetProp === 'tDn') {
    tDn = r.attrs.tDn ?? '';
    const target = tDn ? store.get(tDn) : undefined;
    formed = target !== undefined;
    if (target) tCl = target.className;
  } else {
    // Relations by name resolve in the object's own tenant, then in tenant common;
    // an empty name means the `default` object of tenant common.
    const targetInfo = rel.targetClass ? classInfo(rel.targetClass) : undefined;
    const given = r.attrs[rel.targetProp] ?? '';
    const name = given === '' ? 'default' : given;
    if (given === '') stateQual = 'default-target';
    const rns = splitDn(r.dn);
    const tenant = rns[0] === 'uni' && rns[1]?.startsWith('tn-') ? `uni/${rns[1]}` : undefined;
    const candidates: string[] = [];
    if (targetInfo) {
      const rn = formatRn(targetInfo, { [targetInfo.naming[0] ?? 'name']: name });
      if (tenant) candidates.push(`${tenant}/${rn}`);
      candidates.push(`uni/tn-common/${rn}`);
    }
    const found = candidates.find((dn) => store.has(dn));
    formed = found !== undefined;
    tDn = found ?? candidates[0] ?? '';
    if (found && given !== '' && !found.startsWith(`${tenant}/`)) stateQual = 'default-target';
  }
  const tRn = splitDn(tDn).at(-1) ?? '';
  return {
    tDn,
    tCl,
    tRn,
    tType: rel.targetProp === 'tDn' ? 'mo' : 'name',
    rType: 'mo',
    forceResolve: 'yes',
    state: formed ? 'formed' : 'missing-target',
    stateQual,
  };
}

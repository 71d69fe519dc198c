// Reading the desired tree: the POST requests that create it, the objects
// unprovision removes, and what verify checks. All three walk the same tree.
import type { WireMo } from '../../aci/json.js';
import { parentDn } from '../../aci/dn.js';
import type { DesiredMo, DesiredState, Post } from './types.js';

export interface PostRequest {
  /** URL path, e.g. `/api/mo/uni/tn-kube.json`. */
  path: string;
  /** DN the URL names. */
  dn: string;
  body: WireMo;
  /** The tree objects this request carries at its top (one, or siblings posted together). */
  objects: DesiredMo[];
  /** Objects inside this request that unprovision removes by their own DN (listed after it in the dump). */
  removedByDn: DesiredMo[];
}

function* preorder(mo: DesiredMo): Generator<DesiredMo> {
  yield mo;
  for (const c of mo.children) yield* preorder(c);
}

/** Every object of the tree, parents first (the pseudo-root excluded). */
export function allObjects(state: DesiredState): DesiredMo[] {
  return [...preorder(state.root)].filter((m) => m !== state.root);
}

/** The wire body of an object: its attributes and every child not posted on its own. */
function body(mo: DesiredMo): WireMo {
  const children = mo.children.filter((c) => !c.post && !c.context).map(body);
  const b: { attributes: Record<string, string>; children?: WireMo[] } = { attributes: { ...mo.attributes } };
  if (children.length > 0 || mo.emptyChildren) b.children = children;
  return { [mo.className]: b };
}

/** Objects carried by a request rooted at `mo` (itself and descendants not posted separately). */
function carried(mo: DesiredMo): DesiredMo[] {
  return [mo, ...mo.children.filter((c) => !c.post && !c.context).flatMap(carried)];
}

function urlPath(api: Post['api'], dn: string): string {
  return `/api/${api}/${dn}.json`;
}

/** The POSTs that create the desired state on an empty fabric, in declaration order. */
export function postRequests(state: DesiredState): PostRequest[] {
  const parents = new Map<DesiredMo, DesiredMo>();
  for (const m of preorder(state.root)) for (const c of m.children) parents.set(c, m);
  const posted = [...preorder(state.root)].filter((m) => m.post);
  const out: Array<PostRequest & { seq: number }> = [];
  const groups = new Map<string, PostRequest & { seq: number }>();
  for (const m of posted) {
    const post = m.post!;
    const parent = parents.get(m)!;
    const removed = carried(m).filter((x) => x.removeByDn && !(x === m && post.wrap === 0 && post.url === 'self'));
    if (post.wrap === 0) {
      const dn = post.url === 'self' ? m.dn : (parentDn(m.dn) ?? '');
      out.push({ path: urlPath(post.api, dn), dn, body: body(m), objects: [m], removedByDn: removed, seq: post.seq });
      continue;
    }
    const dn = post.url === 'self' ? parent.dn : (parentDn(parent.dn) ?? '');
    const key = `${parent.dn}\u0000${post.group ?? m.dn}`;
    let req = groups.get(key);
    if (!req) {
      const attrs: Record<string, string> = { ...(post.wrapper ?? {}) };
      req = {
        path: urlPath(post.api, dn),
        dn,
        body: { [parent.className]: { attributes: attrs, children: [] } },
        objects: [],
        removedByDn: [],
        seq: post.seq,
      };
      groups.set(key, req);
      out.push(req);
    }
    req.objects.push(m);
    req.body[parent.className].children!.push(body(m));
    req.removedByDn.push(...removed);
  }
  for (const m of preorder(state.root)) {
    for (const r of m.reposts ?? []) {
      out.push({
        path: urlPath(r.api, m.dn),
        dn: m.dn,
        body: { [m.className]: { attributes: { ...r.attributes } } },
        objects: [],
        removedByDn: [],
        seq: r.seq,
      });
    }
  }
  return out.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...r }) => r);
}

/** A desired object as the plan reads it: its DN (`dn` among the attributes), attributes and owner. */
export interface PlanObject {
  className: string;
  attributes: Record<string, string>;
  children: PlanObject[];
  owner: DesiredMo['owner'];
}

/**
 * The objects the plan compares, read off the tree: every object a request
 * carries (with its attributes), and every parent a request is wrapped in
 * (with the identity it is wrapped with), each at its DN. They are listed in
 * the order the requests name them, so the plan's batches go out in the
 * order the builders declared them; the plan nests them by DN.
 */
export function planObjects(state: DesiredState): PlanObject[] {
  const found: Array<{ seq: number; index: number; object: PlanObject }> = [];
  // Objects carried so far by each posted object's request (its body in preorder; a wrapper comes first).
  const carriedCount = new Map<DesiredMo, number>();
  const visit = (m: DesiredMo, carrier: DesiredMo | undefined): void => {
    const carriedBy = m.context ? undefined : m.post ? m : carrier;
    const parts: Array<{ seq: number; index: number; attributes: Record<string, string> }> = [];
    if (carriedBy) {
      const index = carriedCount.get(carriedBy) ?? (carriedBy.post!.wrap === 1 ? 1 : 0);
      carriedCount.set(carriedBy, index + 1);
      parts.push({ seq: carriedBy.post!.seq, index, attributes: m.attributes });
    }
    for (const c of m.children) if (c.post?.wrap === 1) parts.push({ seq: c.post.seq, index: 0, attributes: { ...c.post.wrapper } });
    if (parts.length > 0) {
      parts.sort((x, y) => x.seq - y.seq || x.index - y.index);
      const attributes: Record<string, string> = {};
      for (const p of parts) for (const [k, v] of Object.entries(p.attributes)) if (k !== 'dn' && k !== 'rn') attributes[k] = v;
      attributes['dn'] = m.dn;
      found.push({
        seq: parts[0].seq,
        index: parts[0].index,
        object: { className: m.className, attributes, children: [], owner: m.owner },
      });
    }
    for (const c of m.children) visit(c, carriedBy);
  };
  for (const c of state.root.children) visit(c, undefined);
  return found.sort((x, y) => x.seq - y.seq || x.index - y.index).map((x) => x.object);
}

export interface RemovalTarget {
  dn: string;
  className: string;
  /** Remove only if the APIC's copy carries the cluster's annotation. */
  ifAnnotated: boolean;
}

/**
 * What unprovision removes: each object the cluster owns whose parent it does
 * not own (removing it removes its subtree), plus objects marked for removal
 * by DN. Children come before their parents, so a guarded parent that must
 * stay still loses what the cluster put in it.
 */
export function removalTargets(state: DesiredState): RemovalTarget[] {
  const out: RemovalTarget[] = [];
  const visit = (m: DesiredMo, parentOwned: boolean) => {
    const owned = m.owner === 'cluster';
    const target = owned && (!parentOwned || m.removeByDn || m.removeIfAnnotated);
    for (const c of m.children) visit(c, owned);
    if (target) out.push({ dn: m.dn, className: m.className, ifAnnotated: !!m.removeIfAnnotated });
  };
  for (const c of state.root.children) visit(c, false);
  for (const r of state.alsoRemoved ?? []) out.push({ dn: r.dn, className: r.className, ifAnnotated: false });
  return out;
}

export interface VerifyCheck {
  dn: string;
  className: string;
  /** Attribute values the APIC's copy must have. */
  attributes: Record<string, string>;
  owner: DesiredMo['owner'];
  /** Context objects (`uni`, an L3Out the user made) must exist; their attributes are not ours to check. */
  existenceOnly: boolean;
}

/** One check per object of the tree: it exists, and holds what we posted. */
export function verifyChecks(state: DesiredState): VerifyCheck[] {
  const inRequest = new Set<DesiredMo>();
  for (const r of postRequests(state)) for (const o of r.objects) for (const x of carried(o)) inRequest.add(x);
  return allObjects(state).map((m) => {
    const attributes = { ...m.attributes };
    delete attributes.dn;
    delete attributes.rn;
    delete attributes.status;
    return { dn: m.dn, className: m.className, attributes, owner: m.owner, existenceOnly: !!m.context || !inRequest.has(m) };
  });
}

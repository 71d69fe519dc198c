// Building the desired tree: builders add objects under a parent DN; objects
// with the same DN (a tenant posted by two builders, `uni/infra`) become one
// node, so the tree stays the APIC's shape whatever order builders run in.
import { formatRn, childDn, resolveDn } from '../../aci/dn.js';
import { requireClass, ROOT_CLASS } from '../../aci/classes.js';
import { CLUSTER_ANNOTATION, REQUEST_LAYOUT, type RequestLayout } from './layout.js';
import type { DesiredMo, Ownership, Post } from './types.js';

export { CLUSTER_ANNOTATION };

/** A node as builders describe it, before it gets its DN. */
export interface Spec {
  className: string;
  attributes: Record<string, string>;
  children: Spec[];
  owner?: Ownership;
  /** How it starts a request of its own: an entry of REQUEST_LAYOUT (layout.ts). */
  post?: RequestLayout;
  removeByDn?: boolean;
  removeIfAnnotated?: boolean;
  emptyChildren?: boolean;
}

export interface MoOptions {
  /** Add the cluster annotation (the default). */
  annotate?: boolean;
  owner?: Ownership;
  post?: RequestLayout;
  removeByDn?: boolean;
  removeIfAnnotated?: boolean;
  emptyChildren?: boolean;
}

/** One object spec; attributes keep their order, the annotation goes last. */
export function mo(className: string, attributes: Record<string, string>, children: Spec[] = [], opts: MoOptions = {}): Spec {
  requireClass(className);
  const attrs = { ...attributes };
  if (opts.annotate !== false) attrs.annotation = CLUSTER_ANNOTATION;
  const spec: Spec = { className, attributes: attrs, children };
  if (opts.owner) spec.owner = opts.owner;
  if (opts.post) spec.post = opts.post;
  if (opts.removeByDn) spec.removeByDn = true;
  if (opts.removeIfAnnotated) spec.removeIfAnnotated = true;
  if (opts.emptyChildren) spec.emptyChildren = true;
  return spec;
}

/** The layouts builders name most (entries of REQUEST_LAYOUT). */
export const POST_SELF: RequestLayout = REQUEST_LAYOUT.self;
export const POST_NODE_SELF: RequestLayout = REQUEST_LAYOUT.nodeSelf;
export const POST_TO_PARENT: RequestLayout = REQUEST_LAYOUT.toParent;

export class TreeBuilder {
  readonly root: DesiredMo = { className: ROOT_CLASS, dn: '', attributes: {}, children: [], owner: 'shared' };
  private readonly byDn = new Map<string, DesiredMo>([['', this.root]]);
  /** See DesiredState.alsoRemoved. */
  readonly alsoRemoved: { dn: string; className: string }[] = [];
  private seq = 0;

  /** The node at a DN (it must have been added). */
  node(dn: string): DesiredMo {
    const found = this.byDn.get(dn);
    if (!found) throw new Error(`desired tree: no object at ${dn}; add its parent first`);
    return found;
  }

  has(dn: string): boolean {
    return this.byDn.has(dn);
  }

  /**
   * Adds a context object if missing (one already on the fabric: shared,
   * never posted, attributes only its naming values); returns its DN.
   */
  context(parentDn: string, className: string, naming: Record<string, string> = {}): string {
    const dn = childDn(parentDn, formatRn(className, naming));
    if (!this.byDn.has(dn)) {
      this.attach(parentDn, { className, attributes: { ...naming }, children: [], owner: 'shared' }, 'shared').context = true;
    }
    return dn;
  }

  /** Adds shared context nodes for every RN of a DN (an object the user owns); returns the DN. */
  contextPath(dn: string): string {
    const parsed = resolveDn(dn);
    if (!parsed) throw new Error(`desired tree: cannot resolve DN ${dn} with the class table`);
    let at = '';
    for (const p of parsed) at = this.context(at, p.className, p.naming);
    return at;
  }

  /**
   * A shared context node at a DN the class table cannot parse: a name the
   * user gave where a DN belongs, which the requests then carry as written
   * (as the Python tool's do). Returns the DN.
   */
  verbatimContext(dn: string, className: string): string {
    if (!this.byDn.has(dn)) {
      const node: DesiredMo = { className, dn, attributes: {}, children: [], owner: 'shared', context: true };
      this.root.children.push(node);
      this.byDn.set(dn, node);
    }
    return dn;
  }

  /** An object unprovision removes although this configuration does not create it. */
  alsoRemove(parentDn: string, className: string, naming: Record<string, string>): void {
    this.alsoRemoved.push({ dn: childDn(parentDn, formatRn(className, naming)), className });
  }

  /** A later request naming an object (already added) again with only these attributes. */
  repost(dn: string, attributes: Record<string, string>, api: Post['api'] = 'mo'): void {
    const node = this.node(dn);
    (node.reposts ??= []).push({ api, attributes: { ...attributes, annotation: CLUSTER_ANNOTATION }, seq: this.seq++ });
  }

  /** Adds a spec (and its subtree) under a parent; merges with an existing node of the same DN. */
  add(parentDn: string, spec: Spec): DesiredMo {
    const parent = this.node(parentDn);
    return this.attach(parentDn, spec, spec.owner ?? (parent.className === ROOT_CLASS ? 'shared' : parent.owner));
  }

  private attach(parentDn: string, spec: Spec, owner: Ownership): DesiredMo {
    const parent = this.node(parentDn);
    const dn = childDn(parentDn, formatRn(spec.className, spec.attributes));
    let node = this.byDn.get(dn);
    if (node) {
      if (node.className !== spec.className) throw new Error(`desired tree: ${dn} is both ${node.className} and ${spec.className}`);
      Object.assign(node.attributes, spec.attributes);
      delete node.context;
      if (spec.owner === 'cluster' || (spec.owner === undefined && owner === 'cluster')) node.owner = 'cluster';
    } else {
      node = { className: spec.className, dn, attributes: { ...spec.attributes }, children: [], owner };
      parent.children.push(node);
      this.byDn.set(dn, node);
    }
    if (spec.post) {
      const { wrapper, ...layout } = spec.post;
      node.post = { ...layout, ...(wrapper ? { wrapper: wrapper(parent) } : {}), seq: this.seq++ };
    }
    if (spec.removeByDn) node.removeByDn = true;
    if (spec.removeIfAnnotated) node.removeIfAnnotated = true;
    if (spec.emptyChildren) node.emptyChildren = true;
    for (const c of spec.children) this.attach(dn, c, c.owner ?? node.owner);
    return node;
  }
}

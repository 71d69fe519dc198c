// The desired state: one tree of ACI objects, rooted like the APIC's own
// management information tree (`uni`, `comp`), each object carrying how it is
// sent and who owns it. The dump, the plan, apply, unprovision and verify are
// all read off this tree; none of them keeps a list of its own.
import type { ManagedObject } from '../../aci/types.js';

/**
 * Who an object belongs to.
 * - `cluster`: created for this cluster and removed with it.
 * - `shared`: a prerequisite or an object other clusters use too (`uni/infra`,
 *   tenant `common`, the user's AEP, an L3Out's external EPG, a pre-existing
 *   tenant): it may be posted (to attach children) but is never removed.
 */
export type Ownership = 'cluster' | 'shared';

/** How an object starts a request of its own. */
export interface Post {
  /** `/api/mo/...` or `/api/node/mo/...` (the APIC serves both; kept as the Python tool sends it). */
  api: 'mo' | 'node/mo';
  /**
   * Where the body starts: 0 = this object; 1 = its parent, reduced to the
   * attributes in `wrapAttrs`, holding only this object (and any sibling
   * posted with the same `group`).
   */
  wrap: 0 | 1;
  /** With wrap 1: the wrapping parent's attributes in the body (its identity, as the request sends it). */
  wrapper?: Readonly<Record<string, string>>;
  /** The URL names the body's root (`self`) or the root's parent (`parent`). */
  url: 'self' | 'parent';
  /** Siblings wrapped in the same parent and sharing a group go in one request. */
  group?: string;
  /** Creation order, so requests go out in the order they were declared. */
  seq: number;
}

export interface DesiredMo extends ManagedObject {
  /** Distinguished name, computed from the parent's DN and the class's RN format. */
  dn: string;
  /** Attributes exactly as posted (annotation included). */
  attributes: Record<string, string>;
  children: DesiredMo[];
  owner: Ownership;
  /**
   * Already on the fabric (`uni`, `uni/infra`, the user's L3Out): present in
   * the tree only to hold what the cluster adds; never sent in a body.
   */
  context?: boolean;
  /** The body carries `"children": []` even when empty (the Python tool sends some objects so). */
  emptyChildren?: boolean;
  /** Set on objects that start a request; others travel inside their ancestor's. */
  post?: Post;
  /**
   * Removed by its own DN on unprovision even though it is posted inside a
   * larger request (its parent is kept, or is removed only conditionally).
   */
  removeByDn?: boolean;
  /**
   * Removed only when the APIC's copy carries this cluster's annotation (and,
   * for a tenant, holds no application profile of anyone else).
   */
  removeIfAnnotated?: boolean;
  /**
   * Later requests naming this object again with only these attributes (the
   * Python tool turns route control on for the Calico cluster L3Out once its
   * BGP settings are in).
   */
  reposts?: Array<{ api: Post['api']; attributes: Record<string, string>; seq: number }>;
}

/** The whole desired state: the tree and the facts derived consumers need. */
export interface DesiredState {
  /** Pseudo-root (`topRoot`) holding `uni` and `comp`. */
  root: DesiredMo;
  /** The annotation this cluster's objects carry (`orchestrator:aci-containers-controller`). */
  annotation: string;
  /** The local user the controller logs in as; the Python tool recreates it on each apply. */
  controllerUser: string;
  /**
   * Objects `-a` does not create for this configuration but unprovision
   * removes when present, as the Python tool does (one an earlier
   * configuration of the cluster may have made).
   */
  alsoRemoved?: { dn: string; className: string }[];
  /**
   * `-a` makes these objects but `--apic-dump` lists none of them (a VMM-lite
   * cluster without a system id: only the controller's user, as the Python tool).
   */
  notDumped?: boolean;
}

// The request layout: how an object that starts a request of its own is
// sent (its API path, whether the body starts at the object or at its parent
// and with which of the parent's identity, whether the URL names the body's
// root or that root's parent, and which siblings share one request). The
// dump, the plan, apply and verify read it off the tree's `post`; builders
// only name an entry of this table, and every layout lives here.
import type { DesiredMo, Post } from './types.js';

/** An entry of the table: a Post without its creation order, its wrapper derived from the parent. */
export interface RequestLayout extends Omit<Post, 'seq' | 'wrapper'> {
  /** With wrap 1: the wrapping parent's attributes the request sends (its identity). */
  wrapper?: (parent: DesiredMo) => Record<string, string>;
}

/** The annotation ACI CNI objects carry; the controller and unprovision look for it (wrappers carry it too). */
export const CLUSTER_ANNOTATION = 'orchestrator:aci-containers-controller';

export const REQUEST_LAYOUT = {
  /** The object is the body and the URL: most of what the cluster creates. */
  self: { api: 'mo', wrap: 0, url: 'self' },
  /** The same through `/api/node/mo` (as the Python tool sends users, inventory, port groups' blocks). */
  nodeSelf: { api: 'node/mo', wrap: 0, url: 'self' },
  /** The object is the body, posted to its parent's URL (relations added to objects the user owns, the AEP). */
  toParent: { api: 'mo', wrap: 0, url: 'parent' },
  nodeToParent: { api: 'node/mo', wrap: 0, url: 'parent' },
  /**
   * The L3Out's allow-all filter and contract: one request to the VRF's
   * tenant, wrapped in its identity; `common` is never annotated.
   */
  l3outContract: {
    api: 'mo',
    wrap: 1,
    url: 'self',
    group: 'l3out',
    wrapper: (tenant) => ({
      name: tenant.attributes['name'] ?? '',
      dn: tenant.dn,
      ...(tenant.attributes['name'] !== 'common' ? { annotation: CLUSTER_ANNOTATION } : {}),
    }),
  },
  /** The controller user's certificate: a second request wrapped in the user. */
  userCertificate: {
    api: 'node/mo',
    wrap: 1,
    url: 'self',
    wrapper: (user) => ({ name: user.attributes['name'] ?? '', annotation: CLUSTER_ANNOTATION }),
  },
} as const satisfies Record<string, RequestLayout>;

export type RequestRole = keyof typeof REQUEST_LAYOUT;

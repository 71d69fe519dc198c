// Who may read and write what, as an APIC decides it: a user's security
// domains (aaaUserDomain) and, in each, roles (aaaUserRole) with read or
// write privilege. Domain `all` covers everything; `common` covers tenant
// common; any other domain covers the tenants that name it
// (`uni/tn-X/domain-D`, an aaaDomainRef). A write needs a write role in a
// covering domain whose privileges include one the class's metadata names
// (`admin` has them all); a read needs any role in a covering domain.
import { classRoles } from '../aci/classes.js';
import { splitDn } from '../aci/dn.js';
import { badRequest, CODE, SimError } from './errors.js';
import type { MoStore } from './store.js';
import { userDn } from './auth.js';

/** Privileges of the APIC's built-in roles (a custom aaaRole lists its own in `priv`). */
const BUILT_IN: Record<string, readonly string[]> = {
  admin: ['admin'],
  aaa: ['aaa'],
  'read-all': [],
  ops: ['ops'],
  'tenant-admin': [
    'tenant-connectivity',
    'tenant-epg',
    'tenant-network-profile',
    'tenant-security',
    'tenant-protocol',
    'tenant-ext-connectivity',
    'tenant-ext-protocol',
    'tenant-qos',
    'tenant-connectivity-l2',
    'tenant-connectivity-l3',
    'tenant-connectivity-mgmt',
    'tenant-connectivity-util',
  ],
  'tenant-ext-admin': ['tenant-ext-connectivity', 'tenant-ext-protocol'],
  'access-admin': ['access-connectivity', 'access-equipment', 'access-protocol', 'access-qos'],
  'fabric-admin': ['fabric-connectivity', 'fabric-equipment', 'fabric-protocol'],
  'vmm-admin': ['vmm-connectivity', 'vmm-ep', 'vmm-policy', 'vmm-protocol', 'vmm-security'],
  'nw-svc-admin': ['nw-svc-device', 'nw-svc-devshare', 'nw-svc-policy'],
};

/** Classes the metadata does not describe that only AAA administrators write. */
const AAA_CLASSES = new Set(['aaaUser', 'aaaUserDomain', 'aaaUserRole', 'aaaUserCert', 'aaaDomain', 'aaaRole', 'aaaUserEp']);

interface DomainGrant {
  domain: string;
  read: Set<string>;
  write: Set<string>;
}

export class Access {
  readonly isAdmin: boolean;
  private readonly tenantDomains = new Map<string, Set<string>>();
  constructor(
    readonly user: string,
    private readonly grants: DomainGrant[],
    private readonly store: MoStore,
  ) {
    this.isAdmin = grants.some((g) => g.domain === 'all' && g.write.has('admin'));
  }

  /** Domains (of the user's) that cover the object at `dn`. */
  private covering(dn: string): DomainGrant[] {
    const rns = splitDn(dn);
    const tenant = rns[0] === 'uni' && rns[1]?.startsWith('tn-') ? rns[1].slice(3) : undefined;
    return this.grants.filter((g) => {
      if (g.domain === 'all') return true;
      if (tenant === undefined) return false;
      if (g.domain === 'common' && tenant === 'common') return true;
      return this.domainsOfTenant(tenant).has(g.domain);
    });
  }

  private domainsOfTenant(tenant: string): Set<string> {
    let d = this.tenantDomains.get(tenant);
    if (!d) {
      d = new Set(
        this.store
          .children(`uni/tn-${tenant}`)
          .filter((r) => r.className === 'aaaDomainRef')
          .map((r) => r.attrs.name ?? ''),
      );
      this.tenantDomains.set(tenant, d);
    }
    return d;
  }

  canRead(dn: string): boolean {
    if (this.isAdmin) return true;
    return this.covering(dn).some((g) => g.read.size > 0 || g.write.size > 0);
  }

  /** Throws the APIC's 403 unless the user may write an object of this class at `dn`. */
  checkWrite(dn: string, className: string): void {
    if (this.isAdmin) return;
    const privs = new Set(this.covering(dn).flatMap((g) => [...g.write]));
    const needed = AAA_CLASSES.has(className) ? ['aaa', 'admin'] : (classRoles(className).write ?? []);
    const ok = privs.has('admin') || (needed.length === 0 ? privs.size > 0 : needed.some((p) => privs.has(p)));
    if (!ok) {
      throw new SimError(
        403,
        CODE.forbidden,
        `user ${this.user} does not have domain access to ${dn}, or the privilege to write class ${className}`,
      );
    }
  }
}

/** The user's domains and the privileges of their roles, read from the tree. */
export function accessOf(store: MoStore, user: string): Access {
  const base = userDn(user);
  const grants: DomainGrant[] = [];
  for (const d of store.children(base).filter((r) => r.className === 'aaaUserDomain')) {
    const g: DomainGrant = { domain: d.attrs.name ?? '', read: new Set(), write: new Set() };
    for (const role of store.children(d.dn).filter((r) => r.className === 'aaaUserRole')) {
      const name = role.attrs.name ?? '';
      const custom = store.get(`uni/userext/role-${name}`)?.attrs.priv;
      const privs =
        custom !== undefined
          ? custom
              .split(',')
              .map((p) => p.trim())
              .filter((p) => p !== '')
          : (BUILT_IN[name] ?? []);
      const into = role.attrs.privType === 'writePriv' ? g.write : g.read;
      into.add(`role:${name}`);
      for (const p of privs) into.add(p);
      if (into === g.write) g.read.add(`role:${name}`);
    }
    grants.push(g);
  }
  return new Access(user, grants, store);
}

/** The domains and roles the login answer lists (`rolesR`, `rolesW`). */
export function loginDomains(store: MoStore, user: string): { name: string; rolesR: string; rolesW: string }[] {
  return store
    .children(userDn(user))
    .filter((r) => r.className === 'aaaUserDomain')
    .map((d) => {
      const roles = store.children(d.dn).filter((r) => r.className === 'aaaUserRole');
      const names = (priv: string) =>
        roles
          .filter((r) => r.attrs.privType === priv)
          .map((r) => r.attrs.name ?? '')
          .join(',');
      return { name: d.attrs.name ?? '', rolesR: names('readPriv'), rolesW: names('writePriv') };
    });
}

/** The user `admin` stays: an APIC refuses to delete it. */
export function checkNotAdminUser(dn: string): void {
  const admin = userDn('admin');
  if (dn === admin || admin.startsWith(`${dn}/`)) {
    throw badRequest(CODE.badRequest, `Deleting ${dn} is not allowed: the user admin cannot be deleted`);
  }
}
